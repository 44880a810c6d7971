"""The real all-MiniLM-L6-v2 from its pip package: loads offline, caches by content hash."""

import numpy as np
import pytest


@pytest.fixture(scope="session")
def minilm():
    from research.coding.embeddings import default_encoder

    enc = default_encoder()
    enc(["warm up"])
    return enc


@pytest.mark.models
def test_embeddings_are_cached_and_reused(project, minilm, monkeypatch):
    from research.coding import embeddings

    texts = ["The interview panel was all men.", "I never got on the leadership programme."]
    first = embeddings.embed_texts(project, texts + texts[:1])
    assert first.shape == (3, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.allclose(first[0], first[2])
    assert float(first[0] @ first[1]) < 0.9
    rows = project.db.execute("SELECT model, dim FROM embeddings").fetchall()
    assert [tuple(r) for r in rows] == [("all-MiniLM-L6-v2", 384)] * 2

    def boom(texts):
        raise AssertionError("the model ran although every text was cached")

    monkeypatch.setattr(minilm, "__call__", boom, raising=False)
    monkeypatch.setattr(
        embeddings,
        "default_encoder",
        lambda: type("E", (), {"name": minilm.name, "__call__": staticmethod(boom)})(),
    )
    again = embeddings.embed_texts(project, texts)
    assert np.array_equal(again, first[:2])
