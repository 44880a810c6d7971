"""Which segments a line of enquiry's themes are fitted on, read from the coding tables.

A segment belongs to a line of enquiry (a top-level code) when a coding of that code or one of
its descendants is confirmed by a researcher, applied by hand, or suggested by the auto-coder
with a confidence at or above the threshold and not rejected. Facilitator turns and
backchannel ("Yeah.", "Mm-hm.") are left out: they are not findings and form topics of their own.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.5
MIN_WORDS = 4

_BACKCHANNEL = re.compile(
    r"^(?:(?:yeah|yes|yep|no|nope|mm+|mm-hm+|mhm+|uh-huh|hmm+|um+|uh+|ah+|oh+|okay|ok|right|"
    r"sure|exactly|absolutely|definitely|true|classic|same|agreed?|totally|thanks|thank you|"
    r"so|well|i know|me too|and me|same here|that's right|that's true|fair enough|"
    r"sorry)[\s,.!?…'-]*)+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """One anonymised segment to be themed."""

    id: int
    text: str
    source_id: int
    speaker_id: int | None


def is_backchannel(text: str) -> bool:
    """Short agreement noises and fillers that carry no finding of their own."""
    words = text.split()
    return len(words) < MIN_WORDS or bool(_BACKCHANNEL.match(text.strip()))


def lines_of_enquiry(db: sqlite3.Connection) -> list[str]:
    """Top-level codes of the codebook mirror, in codebook order."""
    rows = db.execute(
        "SELECT id FROM codes WHERE parent_id IS NULL AND active = 1 ORDER BY sort, id"
    ).fetchall()
    return [r[0] for r in rows]


def loe_of_codes(db: sqlite3.Connection) -> dict[str, str]:
    """Every code id mapped to the id of its top-level ancestor (its line of enquiry)."""
    parent = {r[0]: r[1] for r in db.execute("SELECT id, parent_id FROM codes")}
    out: dict[str, str] = {}
    for code in parent:
        seen, cur = set(), code
        while parent.get(cur) and cur not in seen:
            seen.add(cur)
            cur = parent[cur]
        out[code] = cur
    return out


def segment_loes(
    db: sqlite3.Connection, threshold: float = DEFAULT_THRESHOLD
) -> dict[int, set[str]]:
    """segment id -> the lines of enquiry it is coded to (any coder)."""
    root = loe_of_codes(db)
    positive: dict[tuple[int, str], bool] = {}
    rejected: set[tuple[int, str]] = set()
    for r in db.execute(
        "SELECT segment_id, code_id, method, status, confidence FROM codings ORDER BY id"
    ):
        key = (r["segment_id"], root.get(r["code_id"], r["code_id"]))
        if r["status"] == "rejected":
            if r["method"] != "auto":
                rejected.add(key)
            continue
        if r["method"] != "auto" or r["status"] == "accepted":
            positive[key] = True
        elif (r["confidence"] or 0.0) >= threshold:
            positive.setdefault(key, False)
    out: dict[int, set[str]] = {}
    for (seg, loe), human in positive.items():
        if human or (seg, loe) not in rejected:
            out.setdefault(seg, set()).add(loe)
    return out


def segments_for_loe(
    db: sqlite3.Connection, loe: str, threshold: float = DEFAULT_THRESHOLD
) -> list[Segment]:
    """The participant segments coded to `loe`, backchannel dropped, sorted by id (stable order)."""
    ids = sorted(s for s, loes in segment_loes(db, threshold).items() if loe in loes)
    out: list[Segment] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(
            "SELECT id, text, source_id, speaker_id FROM segments"
            f" WHERE id IN ({marks}) AND is_facilitator = 0",
            chunk,
        ):
            if not is_backchannel(r["text"]):
                out.append(Segment(r["id"], r["text"], r["source_id"], r["speaker_id"]))
    out.sort(key=lambda s: s.id)
    return out
