"""What researchers do to themes: rename, merge, move a segment, star and unstar quotes.

Each operation is one transaction, is logged (ids and labels only) and survives a re-fit where
the theme still exists (see `research.themes.store.save_fit`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

import numpy as np

from research.errors import ProjectError
from research.project import current_user, now
from research.store import transaction
from research.themes.store import _members, refresh_quotes

Embed = Callable[[list[str]], np.ndarray]


def _log(db: sqlite3.Connection, action: str, **detail) -> None:
    db.execute(
        "INSERT INTO events (at, actor, action, detail) VALUES (?, ?, ?, ?)",
        (now(), current_user(), action, json.dumps(detail, sort_keys=True)),
    )


def _theme(db: sqlite3.Connection, theme_id: int) -> sqlite3.Row:
    row = db.execute("SELECT * FROM themes WHERE id = ?", (theme_id,)).fetchone()
    if row is None:
        raise ProjectError(f"no theme {theme_id}; `research themes` lists them")
    if row["status"] != "active":
        raise ProjectError(f"theme {theme_id} is {row['status']}, not active")
    return row


def rename_theme(db: sqlite3.Connection, theme_id: int, label: str) -> None:
    """Give a theme a researcher's label; a re-fit keeps it."""
    label = " ".join(label.split())
    if not label:
        raise ProjectError("a theme label cannot be empty")
    _theme(db, theme_id)
    with transaction(db):
        db.execute(
            "UPDATE themes SET label = ?, label_source = 'researcher', updated_at = ? WHERE id = ?",
            (label, now(), theme_id),
        )
        _log(db, "themes.rename", theme=theme_id, label=label)


def merge_themes(db: sqlite3.Connection, sources: Sequence[int], into: int, embed: Embed) -> None:
    """Merge `sources` into theme `into` (same line of enquiry); their members move with them."""
    target = _theme(db, into)
    if into in sources:
        raise ProjectError("a theme cannot be merged into itself")
    rows = [_theme(db, t) for t in sources]
    if any(r["loe"] != target["loe"] for r in rows):
        raise ProjectError("only themes of the same line of enquiry can be merged")
    with transaction(db):
        for r in rows:
            db.execute(
                "UPDATE themes SET status = 'merged', merged_into = ?, snapshot = ?, updated_at = ?"
                " WHERE id = ?",
                (into, json.dumps(sorted(_members(db, r["id"]))), now(), r["id"]),
            )
            db.execute("UPDATE theme_members SET theme_id = ? WHERE theme_id = ?", (into, r["id"]))
            db.execute("DELETE FROM theme_quotes WHERE theme_id = ?", (r["id"],))
        refresh_quotes(db, [into], embed)
        _log(db, "themes.merge", sources=list(sources), into=into)


def move_segment(db: sqlite3.Connection, segment_id: int, theme_id: int, embed: Embed) -> None:
    """Move a segment to another theme of its line of enquiry; a re-fit keeps it there."""
    target = _theme(db, theme_id)
    row = db.execute(
        "SELECT theme_id FROM theme_members WHERE loe = ? AND segment_id = ?",
        (target["loe"], segment_id),
    ).fetchone()
    if row is None:
        raise ProjectError(f"segment {segment_id} is not themed in {target['loe']}")
    with transaction(db):
        db.execute(
            "UPDATE theme_members SET theme_id = ?, pinned = 1 WHERE loe = ? AND segment_id = ?",
            (theme_id, target["loe"], segment_id),
        )
        refresh_quotes(db, sorted({row["theme_id"], theme_id}), embed)
        _log(db, "themes.move", segment=segment_id, theme=theme_id)


def _member_loes(db: sqlite3.Connection, segment_id: int, loe: str | None) -> list[str]:
    rows = db.execute(
        "SELECT loe FROM theme_members WHERE segment_id = ? ORDER BY loe", (segment_id,)
    ).fetchall()
    loes = [r[0] for r in rows if loe is None or r[0] == loe]
    if not loes:
        where = f" in {loe}" if loe else ""
        raise ProjectError(f"segment {segment_id} is not in any theme{where}")
    return loes


def star_quote(db: sqlite3.Connection, segment_id: int, loe: str | None = None) -> list[str]:
    """Star a segment as a quote (in every line of enquiry it is themed in, or just `loe`)."""
    loes = _member_loes(db, segment_id, loe)
    with transaction(db):
        for code in loes:
            db.execute(
                "INSERT OR IGNORE INTO quote_stars (loe, segment_id, starred_by, starred_at)"
                " VALUES (?, ?, ?, ?)",
                (code, segment_id, current_user(), now()),
            )
        _log(db, "quotes.star", segment=segment_id, loes=loes)
    return loes


def unstar_quote(db: sqlite3.Connection, segment_id: int, loe: str | None = None) -> list[str]:
    """Remove a star."""
    loes = _member_loes(db, segment_id, loe)
    with transaction(db):
        for code in loes:
            db.execute(
                "DELETE FROM quote_stars WHERE loe = ? AND segment_id = ?", (code, segment_id)
            )
        _log(db, "quotes.unstar", segment=segment_id, loes=loes)
    return loes
