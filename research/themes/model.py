"""BERTopic configured for a few hundred to a few thousand segments per line of enquiry.

Precomputed (cached) embeddings, no dimensionality reduction (UMAP costs about a minute of
numba compilation per process and earns little at this size), the deterministic
`SmallCorpusClusterer`, an English CountVectorizer with bigrams, c-TF-IDF with frequent-word
reduction, KeyBERTInspired + MMR keywords and noun-phrase labels (`research.themes.phrases`).
Turns under FIT_MIN_WORDS words do not shape themes: they join the nearest one after the fit.
BERTopic is imported inside `fit` (about 27 s cold).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from research.themes.cluster import SmallCorpusClusterer

SEED = 42

# Transcript talk that says nothing about a theme: contraction stems, fillers, placeholders.
EXTRA_STOP_WORDS = frozenset(
    "don didn doesn isn wasn weren aren couldn wouldn shouldn haven hasn hadn won ain can't "
    "yeah yes yep okay like just know think mean really actually basically literally honestly "
    "um uh erm mm hmm laughs laughing sort kind thing things stuff lot lots bit got get "
    "gets getting say said says saying went going goes want wanted tell told "
    "person council place email phone id pseudonym postcode organisation "
    "did does came come comes coming took take takes put make made makes doing done feel felt "
    "look looked asked ask asking use used try tried let mean means good great brilliant sad "
    "nice lovely fine fair right sure little big maybe probably pretty quite".split()
)
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\b[PF]\d+\b|\d+")


def clean_for_keywords(text: str) -> str:
    """Lower-case text without placeholders ([Person 3], [Council B]), pseudonyms and numbers."""
    return _PLACEHOLDER.sub(" ", text).lower()


def vectorizer(n_docs: int):
    """CountVectorizer for keywords: words of 3+ letters, bigrams, transcript stop words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    return CountVectorizer(
        preprocessor=clean_for_keywords,
        token_pattern=r"(?u)\b[a-z]{3,}\b",
        stop_words=sorted(ENGLISH_STOP_WORDS | EXTRA_STOP_WORDS),
        ngram_range=(1, 2),
        min_df=1 if n_docs < 500 else 2,
    )


@dataclass
class TopicFit:
    """Topic number per document (0..k-1, no outliers) and keywords per topic, best first."""

    labels: list[int]
    keywords: dict[int, list[str]]
    params: dict = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # noun-phrase labels, where found


FIT_MIN_WORDS = 6  # shorter turns do not shape themes; they join the nearest one afterwards
_STAGE = re.compile(r"\[[a-z ]+\]")  # [laughs], [crosstalk]


def content_words(text: str) -> int:
    """Words of a turn, not counting stage directions such as [laughs]."""
    return len(_STAGE.sub(" ", text).split())


def nearest_topic(labels: Sequence[int], X: np.ndarray, Y: np.ndarray) -> list[int]:
    """For each row of Y, the topic whose centroid (over the rows of X) it is most similar to."""
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)  # noqa: N806
    Y = Y / np.maximum(np.linalg.norm(Y, axis=1, keepdims=True), 1e-12)  # noqa: N806
    topics = sorted(set(labels))
    lab = np.asarray(labels)
    cents = np.vstack([X[lab == t].mean(axis=0) for t in topics])
    return [topics[int(i)] for i in np.argmax(Y @ cents.T, axis=1)]


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
            "vectorizer": "CountVectorizer(english + transcript stop words, placeholders removed,"
            " ngram_range=(1, 2))",
            "ctfidf": "ClassTfidfTransformer(reduce_frequent_words=True)",
            "representation": "KeyBERTInspired(top_n_words=10, nr_candidate_words=40)"
            " + MaximalMarginalRelevance(diversity=0.3)",
            "fit_min_words": FIT_MIN_WORDS,
            "labels": "noun phrases (spaCy tagger), c-TF-IDF-style score per theme",
            "random_state": self.seed,
        }

    def __call__(self, texts: Sequence[str], embeddings: np.ndarray) -> TopicFit:
        """Fit on the turns of FIT_MIN_WORDS words or more; shorter ones join the nearest topic."""
        texts = list(texts)
        embeddings = np.asarray(embeddings, dtype=np.float64)
        long_ = [i for i, t in enumerate(texts) if content_words(t) >= FIT_MIN_WORDS]
        if len(long_) < 4:
            long_ = list(range(len(texts)))
        fit = self._fit([texts[i] for i in long_], embeddings[long_])
        labels = [0] * len(texts)
        for i, t in zip(long_, fit.labels, strict=True):
            labels[i] = t
        short = [i for i in range(len(texts)) if i not in set(long_)]
        if short:
            near = nearest_topic(fit.labels, embeddings[long_], embeddings[short])
            for i, t in zip(short, near, strict=True):
                labels[i] = t
        fit.labels = labels
        return fit

    def _fit(self, texts: list[str], embeddings: np.ndarray) -> TopicFit:
        if len(texts) < 4:  # too few to cluster: one theme
            return TopicFit([0] * len(texts), {0: _plain_keywords(texts)}, self.params(len(texts)))
        from bertopic import BERTopic
        from bertopic.dimensionality import BaseDimensionalityReduction
        from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance
        from bertopic.vectorizers import ClassTfidfTransformer

        model = BERTopic(
            embedding_model=_backend(self.embed),
            umap_model=BaseDimensionalityReduction(),
            hdbscan_model=SmallCorpusClusterer(),
            vectorizer_model=vectorizer(len(texts)),
            ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
            representation_model=[
                KeyBERTInspired(
                    top_n_words=self.top_n_words, nr_candidate_words=40, random_state=self.seed
                ),
                MaximalMarginalRelevance(diversity=0.3, top_n_words=self.top_n_words),
            ],
            top_n_words=self.top_n_words,
            calculate_probabilities=False,
        )
        topics, _ = model.fit_transform(texts, embeddings=np.array(embeddings, copy=True))
        topics = [int(t) for t in topics]
        keywords = {
            t: [w for w, _ in (model.get_topic(t) or []) if w]
            for t in sorted(set(topics))
            if t >= 0
        }
        from research.themes.phrases import label_topics

        names = label_topics(texts, topics, centrality(topics, embeddings), keywords)
        return TopicFit(topics, keywords, self.params(len(texts)), names)


def centrality(labels: Sequence[int], X: np.ndarray) -> list[float]:
    """Cosine similarity of each row to its topic's centroid."""
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)  # noqa: N806
    lab = np.asarray(labels)
    out = np.zeros(len(lab))
    for t in set(labels):
        c = X[lab == t].mean(axis=0)
        out[lab == t] = X[lab == t] @ (c / max(np.linalg.norm(c), 1e-12))
    return out.tolist()


def _plain_keywords(texts: Sequence[str], n: int = 10) -> list[str]:
    """Most frequent content words (used when there are too few texts to fit a model)."""
    from collections import Counter

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    stop = ENGLISH_STOP_WORDS | EXTRA_STOP_WORDS
    words = Counter(
        w
        for t in texts
        for w in re.findall(r"\b[a-z]{3,}\b", clean_for_keywords(t))
        if w not in stop
    )
    return [w for w, _ in words.most_common(n)]
