"""The SHA-256 that a sign-off pins: every anonymised turn of every source, in order."""

from __future__ import annotations

import hashlib
import json
import sqlite3


def corpus_sha256(db: sqlite3.Connection) -> str:
    h = hashlib.sha256()
    rows = db.execute(
        "SELECT s.label, u.idx, sp.pseudonym, u.start, u.end, u.text FROM utterances u"
        " JOIN sources s ON s.id = u.source_id JOIN speakers sp ON sp.id = u.speaker_id"
        " ORDER BY s.label, u.idx"
    )
    for row in rows:
        h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()
