"""A small, fixed project for the TUI tests: real import and apply steps, a fake detector
(no spaCy), codings and themes inserted directly (no models). Same content on every run."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from research.anonymise.detect import BatchPerSource
from research.store import transaction

PASSPHRASE = "tui test passphrase"
FG01 = """\
Sam Facil: Welcome everyone. How did you find the recruitment process?
Amara Okafor: The panel was all the same faces. Nobody on the panel looked like me, honestly.
Ben Hollis: I heard about the job from my cousin Priya, who worked at Sandwell Council already.
Amara Okafor: The application form was long and full of jargon I could not follow.
Sam Facil: And what about promotion once you were in?
Ben Hollis: I never got feedback after the promotion interview. Call me on 07700 900123 if you want the details.
Amara Okafor: Acting up always went to the same favourites, never to people like us.
"""
FG02 = """\
Sam Facil: Thanks for joining. Tell me about training.
Chen Wu: Training was always cancelled when budgets got tight, so I stopped asking.
Dee Parry: My manager Gareth put me forward for the leadership course, which helped a lot.
Chen Wu: The staff network is the only place I feel heard, to be honest.
"""
# surface -> (entity type, score): Gareth scores under review_below, so it awaits review.
ENTITIES = {
    "Priya": ("PERSON", 0.85),
    "Sandwell Council": ("ORG", 0.9),
    "07700 900123": ("PHONE", 0.75),
    "Gareth": ("PERSON", 0.5),
}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    entity_type: str
    text: str
    score: float
    recognizer: str


class FakeDetector(BatchPerSource):
    """Finds ENTITIES by exact string search."""

    def set_known(self, people=(), orgs=(), places=()) -> None:
        self.known = list(people)

    def analyze_batch(self, texts, progress=None):
        out = []
        for text in texts:
            found = []
            for surface, (etype, score) in ENTITIES.items():
                for m in re.finditer(re.escape(surface), text):
                    found.append(Found(m.start(), m.end(), etype, surface, score, "FakeRecognizer"))
            out.append(sorted(found, key=lambda d: d.start))
        if progress:
            progress(len(texts))
        return out


def build(root: Path) -> Path:
    """Create the project at ROOT: 2 sources, anonymised, segmented, auto-coded, themed."""
    from research.anonymise.ingest import import_file
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from research.coding.service import prepare
    from research.project import init_project

    project = init_project(root, name="TUI test project")
    files = root.parent / "transcripts"
    files.mkdir(exist_ok=True)
    vault = Vault.open(project.vault_path, PASSPHRASE, create=True)
    try:
        for label, text, attrs in (
            ("FG01", FG01, {"group": "under-30s", "authority": "county"}),
            ("FG02", FG02, {"group": "managers", "authority": "metropolitan"}),
        ):
            path = files / f"{label}.txt"
            path.write_text(text, encoding="utf-8")
            import_file(project, vault, path, label=label, attrs=attrs, facilitators=["Sam Facil"])
        anonymise_project(project, vault, detector=FakeDetector())
    finally:
        vault.close()
    prepare(project)
    _codings_and_themes(project)
    project.close()
    return root


def _fake_vector(text: str) -> bytes:
    """A fixed unit vector per text, stored under the real model's name so no model loads."""
    seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    vec = np.random.default_rng(seed).normal(size=384).astype("<f4")
    return (vec / np.linalg.norm(vec)).astype("<f4").tobytes()


def _codings_and_themes(project) -> None:
    from research.coding.embeddings import MODEL_NAME, text_hash

    db = project.db
    segs = [
        r["id"] for r in db.execute("SELECT id FROM segments WHERE is_facilitator = 0 ORDER BY id")
    ]
    loes = ["recruitment", "recruitment", "recruitment", "progression", "progression"]
    loes += ["training", "training", "engagement"]
    confidence = [0.9, 0.8, 0.45, 0.85, 0.7, 0.9, 0.55, 0.75]
    with transaction(db):
        for seg, code, conf in zip(segs, loes, confidence, strict=True):
            db.execute(
                "INSERT INTO codings (segment_id, code_id, coder, method, confidence, status,"
                " created_at, updated_at) VALUES (?, ?, 'auto', 'auto', ?, 'suggested',"
                " '2020-11-03T12:00:00', '2020-11-03T12:00:00')",
                (seg, code, conf),
            )
        themes = [
            ("recruitment", "Panels that look the same", ["panel", "faces"], segs[0:2]),
            ("recruitment", "Jargon in forms", ["form", "jargon"], segs[2:3]),
            ("progression", "No feedback, favourites", ["feedback", "acting"], segs[3:5]),
        ]
        for n, (loe, label, keywords, members) in enumerate(themes, 1):
            db.execute(
                "INSERT INTO themes (id, loe, label, keywords, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, '2020-11-03T13:00:00', '2020-11-03T13:00:00')",
                (n, loe, label, json.dumps(keywords)),
            )
            for rank, seg in enumerate(members, 1):
                db.execute(
                    "INSERT INTO theme_members (loe, segment_id, theme_id, similarity)"
                    " VALUES (?, ?, ?, 0.9)",
                    (loe, seg, n),
                )
                db.execute(
                    "INSERT INTO theme_quotes (theme_id, segment_id, rank, score)"
                    " VALUES (?, ?, ?, ?)",
                    (n, seg, rank, 1.0 - rank / 10),
                )
        for (text,) in db.execute("SELECT text FROM segments").fetchall():
            db.execute(
                "INSERT OR IGNORE INTO embeddings (sha256, model, dim, vector) VALUES (?, ?, 384, ?)",
                (text_hash(text), MODEL_NAME, _fake_vector(text)),
            )
        db.execute(
            "INSERT INTO residual_findings (source_id, utt_idx, entity_type, recognizer, score,"
            " created_at) VALUES (2, 3, 'PERSON', 'SpacyRecognizer', 0.4, '2020-11-03T11:00:00')"
        )
