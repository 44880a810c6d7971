"""BERTopic configured for a few hundred to a few thousand segments per line of enquiry.

Precomputed (cached) embeddings, no dimensionality reduction (UMAP costs about a minute of
numba compilation per process and earns little at this size), the deterministic
`SmallCorpusClusterer`, an English CountVectorizer with bigrams, c-TF-IDF with frequent-word
reduction and KeyBERTInspired keywords. BERTopic is imported inside `fit` (about 27 s cold).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from research.themes.cluster import SmallCorpusClusterer

SEED = 42


@dataclass
class TopicFit:
    """Topic number per document (0..k-1, no outliers) and keywords per topic, best first."""

    labels: list[int]
    keywords: dict[int, list[str]]
    params: dict = field(default_factory=dict)


Embed = Callable[[list[str]], np.ndarray]


def _backend(embed: Embed):
    """An embedding backend BERTopic accepts, over any `texts -> vectors` function."""
    from bertopic.backend import BaseEmbedder

    class _Backend(BaseEmbedder):
        def embed(self, documents, verbose=False):
            return np.asarray(embed([str(d) for d in documents]), dtype=np.float32)

    return _Backend()


class BertopicFitter:
    """Fits BERTopic on one line of enquiry's segments with their precomputed embeddings.

    `embed` embeds keyword candidates for KeyBERTInspired (pass a cached embedder).
    """

    def __init__(self, embed: Embed, seed: int = SEED, top_n_words: int = 10):
        self.embed = embed
        self.seed = seed
        self.top_n_words = top_n_words

    def params(self, n_docs: int) -> dict:
        from research.themes.cluster import k_window, min_cluster_size

        lo, hi = k_window(n_docs)
        return {
            "library": "BERTopic",
            "dimensionality_reduction": "none",
            "clusterer": "ward linkage, k by silhouette",
            "k_window": [lo, hi],
            "min_cluster_size": min_cluster_size(n_docs),
            "vectorizer": "CountVectorizer(stop_words=english, ngram_range=(1, 2))",
            "ctfidf": "ClassTfidfTransformer(reduce_frequent_words=True)",
            "representation": "KeyBERTInspired(top_n_words=10, nr_candidate_words=40)",
            "random_state": self.seed,
        }

    def __call__(self, texts: Sequence[str], embeddings: np.ndarray) -> TopicFit:
        texts = list(texts)
        if len(texts) < 4:  # too few to cluster: one theme
            return TopicFit([0] * len(texts), {0: _plain_keywords(texts)}, self.params(len(texts)))
        from bertopic import BERTopic
        from bertopic.dimensionality import BaseDimensionalityReduction
        from bertopic.representation import KeyBERTInspired
        from bertopic.vectorizers import ClassTfidfTransformer
        from sklearn.feature_extraction.text import CountVectorizer

        model = BERTopic(
            embedding_model=_backend(self.embed),
            umap_model=BaseDimensionalityReduction(),
            hdbscan_model=SmallCorpusClusterer(),
            vectorizer_model=CountVectorizer(stop_words="english", ngram_range=(1, 2)),
            ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
            representation_model=KeyBERTInspired(
                top_n_words=self.top_n_words, nr_candidate_words=40, random_state=self.seed
            ),
            top_n_words=self.top_n_words,
            calculate_probabilities=False,
        )
        topics, _ = model.fit_transform(texts, embeddings=np.array(embeddings, copy=True))
        keywords = {
            int(t): [w for w, _ in (model.get_topic(t) or []) if w]
            for t in sorted(set(topics))
            if t >= 0
        }
        return TopicFit([int(t) for t in topics], keywords, self.params(len(texts)))


def _plain_keywords(texts: Sequence[str], n: int = 10) -> list[str]:
    """Most frequent content words (used when there are too few texts to fit a model)."""
    from collections import Counter

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = Counter(
        w
        for t in texts
        for w in (x.strip(".,;:!?\"'()[]").lower() for x in t.split())
        if len(w) > 2 and w not in ENGLISH_STOP_WORDS and w.isalpha()
    )
    return [w for w, _ in words.most_common(n)]
