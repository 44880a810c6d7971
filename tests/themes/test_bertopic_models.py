"""BERTopic with the real MiniLM model on demo gold turns: deterministic, labelled themes."""

from __future__ import annotations

import json

import pytest

from research.themes.inputs import is_backchannel

pytestmark = pytest.mark.models


@pytest.fixture(scope="session")
def minilm():
    from research.coding.embeddings import default_encoder

    return default_encoder()


@pytest.fixture(scope="session")
def recruitment_turns():
    from conftest_paths import DEMO_GOLD

    texts = []
    for path in sorted(DEMO_GOLD.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        for t in g["turns"]:
            role = g["speakers"].get(t["speaker"], {}).get("role")
            if (
                role == "participant"
                and "recruitment" in t["loe"]
                and not is_backchannel(t["text"])
            ):
                texts.append(t["text"])
    assert len(texts) >= 20
    return texts


def test_fit_is_deterministic_with_readable_labels(minilm, recruitment_turns):
    import numpy as np

    from research.themes.labels import short_label
    from research.themes.model import BertopicFitter

    emb = minilm(recruitment_turns)
    fitter = BertopicFitter(minilm)
    a = fitter(recruitment_turns, emb)
    b = fitter(list(recruitment_turns), np.array(emb, copy=True))
    assert a.labels == b.labels and a.keywords == b.keywords
    assert 2 <= len(a.keywords) <= 12
    assert min(a.labels) == 0  # outliers reduced: every segment has a theme
    vocab = " ".join(recruitment_turns).lower()
    for words in a.keywords.values():
        assert words and all(w.split()[0] in vocab for w in words)
        label = short_label(words)
        assert 0 < len(label) <= 60 and label[0].isupper()
