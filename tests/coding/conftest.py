"""Coding fixtures: a deterministic bag-of-words encoder and a project with anonymised turns."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

DIM = 256


class FakeEncoder:
    """Hashes words into a fixed-size vector: texts sharing words are similar. Counts calls."""

    name = "fake-bow"

    def __init__(self) -> None:
        self.calls = 0
        self.texts_encoded = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts_encoded += len(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z]+", t.lower()):
                if len(w) < 3:
                    continue
                h = int(hashlib.md5(w[:6].encode()).hexdigest(), 16)
                out[i, h % DIM] += 1.0
            out[i, DIM - 1] += 0.05  # never all-zero
        return out


@pytest.fixture
def fake_encoder(monkeypatch) -> FakeEncoder:
    enc = FakeEncoder()
    monkeypatch.setattr("research.coding.embeddings.default_encoder", lambda: enc)
    monkeypatch.setattr("research.coding.service.default_encoder", lambda: enc)
    return enc


# (speaker, text); F1 is the facilitator. Anonymised, as the anonymise stage leaves it.
TURNS = [
    ("F1", "Hello everyone, can you all hear me okay?"),
    ("P01", "Yeah."),
    ("F1", "Let's start with recruitment. How did you find the application and interview?"),
    (
        "P01",
        "The application form was long and the interview panel was all men, recruitment felt closed.",
    ),
    ("P02", "Sorry, you're on mute."),
    (
        "P02",
        "I heard about the job through my cousin, the application was word of mouth recruitment.",
    ),
    ("F1", "And training and development? Courses, mentoring, e-learning?"),
    ("P01", "The e-learning training course was a tick box, I wanted a mentor for development."),
    ("P02", "No time for training, the course budget for development was cut."),
]


def fill_project(project, turns=TURNS, label="FG01", start_idx=0) -> int:
    """Insert a source with speakers and anonymised utterances straight into project.db."""
    db = project.db
    db.execute("BEGIN")
    cur = db.execute(
        "INSERT INTO sources (label, format, content_sha256, kind, n_turns, n_words, n_speakers,"
        " imported_at, anonymised_at) VALUES (?, 'plain-txt', ?, 'focus group', ?, 0, 3, 'now', 'now')",
        (label, hashlib.sha256(label.encode()).hexdigest(), len(turns)),
    )
    source_id = cur.lastrowid
    for pseudo in sorted({s for s, _ in turns}):
        db.execute(
            "INSERT OR IGNORE INTO speakers (pseudonym, role) VALUES (?, ?)",
            (pseudo, "facilitator" if pseudo.startswith("F") else "participant"),
        )
    ids = {r["pseudonym"]: r["id"] for r in db.execute("SELECT id, pseudonym FROM speakers")}
    for i, (sp, text) in enumerate(turns):
        db.execute(
            "INSERT INTO utterances (source_id, idx, speaker_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
            (source_id, start_idx + i, ids[sp], 10.0 * i, 10.0 * i + 9, text),
        )
    db.execute("COMMIT")
    return source_id


@pytest.fixture
def filled(project):
    fill_project(project)
    return project
