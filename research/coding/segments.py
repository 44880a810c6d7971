"""Segments: one per speaker turn, long turns split at sentence boundaries.

`sync_segments` derives them from the anonymised utterances idempotently: a segment keeps its
id while (source, turn, part) is unchanged, its text follows later anonymisation edits, and
codings are never dropped when a turn is re-split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from research.project import Project
from research.store import transaction

MAX_WORDS = 120  # a turn longer than this is split...
TARGET_WORDS = 70  # ...into parts of about this many words, whole sentences only
MIN_WORDS = 25  # a trailing part shorter than this joins the previous one

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\[])")


@dataclass(frozen=True)
class Part:
    text: str
    start: float | None
    end: float | None


def split_sentences(text: str) -> list[str]:
    """Sentences of a turn (a light rule: end punctuation, space, capital or bracket)."""
    text = " ".join(text.split())
    if not text:
        return []
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[pos : m.start()].strip())
        pos = m.end()
    out.append(text[pos:].strip())
    return [s for s in out if s]


def split_turn(
    text: str,
    start: float | None = None,
    end: float | None = None,
    *,
    max_words: int = MAX_WORDS,
    target_words: int = TARGET_WORDS,
) -> list[Part]:
    """A turn as readable parts; times are shared out by character position when known."""
    clean = " ".join(text.split())
    if len(clean.split()) <= max_words:
        return [Part(clean, start, end)]
    groups: list[list[str]] = [[]]
    counts = [0]
    for sentence in split_sentences(clean):
        n = len(sentence.split())
        if groups[-1] and counts[-1] + n > target_words:
            groups.append([])
            counts.append(0)
        groups[-1].append(sentence)
        counts[-1] += n
    if len(groups) > 1 and counts[-1] < MIN_WORDS:
        groups[-2].extend(groups.pop())
    texts = [" ".join(g) for g in groups]
    if len(texts) == 1:
        return [Part(clean, start, end)]
    parts, offset, total = [], 0, max(len(clean), 1)
    for t in texts:
        s = e = None
        if start is not None and end is not None and end >= start:
            s = round(start + (end - start) * offset / total, 3)
            e = round(start + (end - start) * min(offset + len(t), total) / total, 3)
        parts.append(Part(t, s, e))
        offset += len(t) + 1
    return parts


def sync_segments(project: Project) -> int:
    """Bring `segments` in line with `utterances`; return how many were added, changed or removed."""
    db = project.db
    changed = 0
    with transaction(db):
        existing = {
            (r["source_id"], r["utt_idx"], r["seg_no"]): r
            for r in db.execute("SELECT * FROM segments")
        }
        wanted: set[tuple[int, int, int]] = set()
        rows = db.execute(
            "SELECT u.id, u.source_id, u.idx, u.speaker_id, u.start, u.end, u.text, sp.role"
            " FROM utterances u LEFT JOIN speakers sp ON sp.id = u.speaker_id"
            " ORDER BY u.source_id, u.idx"
        ).fetchall()
        for u in rows:
            fac = 1 if u["role"] == "facilitator" else 0
            for no, part in enumerate(split_turn(u["text"], u["start"], u["end"])):
                key = (u["source_id"], u["idx"], no)
                wanted.add(key)
                values = (u["id"], u["speaker_id"], part.start, part.end, part.text, fac)
                old = existing.get(key)
                if old is None:
                    db.execute(
                        "INSERT INTO segments (source_id, utt_idx, seg_no, utterance_id, speaker_id,"
                        " start, end, text, is_facilitator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*key, *values),
                    )
                    changed += 1
                elif tuple(old[c] for c in ("utterance_id", "speaker_id", "start", "end", "text",
                                             "is_facilitator")) != values:  # fmt: skip
                    db.execute(
                        "UPDATE segments SET utterance_id = ?, speaker_id = ?, start = ?, end = ?,"
                        " text = ?, is_facilitator = ? WHERE id = ?",
                        (*values, old["id"]),
                    )
                    changed += 1
        for key, old in existing.items():
            if key in wanted:
                continue
            _rehome_codings(db, old["id"], key, wanted)
            db.execute("DELETE FROM segments WHERE id = ?", (old["id"],))
            changed += 1
        if changed:
            project.log("segments.sync", changed=changed, segments=len(wanted))
    return changed


def _rehome_codings(db, seg_id: int, key: tuple[int, int, int], wanted: set) -> None:
    """A vanished part's human codings move to the last remaining part of the same turn."""
    source_id, utt_idx, _ = key
    remaining = [k[2] for k in wanted if k[0] == source_id and k[1] == utt_idx]
    if not remaining:
        return
    target = db.execute(
        "SELECT id FROM segments WHERE source_id = ? AND utt_idx = ? AND seg_no = ?",
        (source_id, utt_idx, max(remaining)),
    ).fetchone()
    if target is None:
        return
    db.execute(
        "UPDATE OR IGNORE codings SET segment_id = ? WHERE segment_id = ? AND method <> 'auto'",
        (target["id"], seg_id),
    )
