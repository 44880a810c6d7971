"""How widely a theme was raised: segments, participants and groups, overall and by attribute.

A group is a source (one focus group or interview). Totals count the sources and participants
with any participant segment in the project, so "raised in 5 of 8 groups" reads as a share of
everyone who was asked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence


def _sources(db: sqlite3.Connection) -> dict[int, dict]:
    rows = db.execute(
        "SELECT DISTINCT so.id, so.attrs FROM sources so"
        " JOIN segments s ON s.source_id = so.id WHERE s.is_facilitator = 0"
    ).fetchall()
    return {r["id"]: json.loads(r["attrs"] or "{}") for r in rows}


def theme_prevalence(db: sqlite3.Connection, theme_id: int, attributes: Sequence[str] = ()) -> dict:
    """{'segments', 'participants', 'participants_total', 'groups', 'groups_total',
    'by_attribute': {key: {value: [raised, total]}}, 'summary'} for one theme."""
    members = db.execute(
        "SELECT s.source_id, s.speaker_id FROM theme_members tm"
        " JOIN segments s ON s.id = tm.segment_id WHERE tm.theme_id = ?",
        (theme_id,),
    ).fetchall()
    sources = _sources(db)
    raised_groups = {r["source_id"] for r in members}
    participants = {r["speaker_id"] for r in members if r["speaker_id"] is not None}
    total_participants = db.execute(
        "SELECT COUNT(DISTINCT speaker_id) FROM segments WHERE is_facilitator = 0"
        " AND speaker_id IS NOT NULL"
    ).fetchone()[0]
    by_attr: dict[str, dict[str, list[int]]] = {}
    for key in attributes:
        counts: dict[str, list[int]] = {}
        for sid, attrs in sources.items():
            if key not in attrs:
                continue
            cell = counts.setdefault(str(attrs[key]), [0, 0])
            cell[1] += 1
            cell[0] += sid in raised_groups
        if counts:
            by_attr[key] = dict(sorted(counts.items()))
    out = {
        "segments": len(members),
        "participants": len(participants),
        "participants_total": total_participants,
        "groups": len(raised_groups),
        "groups_total": len(sources),
        "by_attribute": by_attr,
    }
    out["summary"] = prevalence_summary(out)
    return out


def prevalence_summary(p: dict) -> str:
    """'raised in 5 of 8 groups by 9 of 31 participants (14 segments)'."""
    return (
        f"raised in {p['groups']} of {p['groups_total']} groups by {p['participants']} of "
        f"{p['participants_total']} participants ({p['segments']} segments)"
    )


def attribute_summary(p: dict) -> str:
    """'authority: county 2 of 3, metropolitan 3 of 5; group: ...'."""
    parts = []
    for key, values in p["by_attribute"].items():
        inner = ", ".join(f"{v} {n} of {t}" for v, (n, t) in values.items())
        parts.append(f"{key}: {inner}")
    return "; ".join(parts)
