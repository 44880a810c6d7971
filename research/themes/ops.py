"""What researchers do to themes: rename, merge, split, move a segment, star and unstar quotes.

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


def split_theme(
    db: sqlite3.Connection, theme_id: int, embed: Embed, namer: Callable | None = None
) -> int:
    """Split a theme in two with the fitting clusterer (Ward, k = 2); returns the new theme's id.

    The larger part stays in the theme (its label too, when a researcher gave it one); the
    other becomes a new theme, labelled like a fitted one. Its members are pinned, as if moved,
    so a re-fit keeps them there; earlier merges into the theme are dropped. `namer(texts, parts)` labels the parts (default: noun phrases).
    """
    from research.themes.cluster import SmallCorpusClusterer
    from research.themes.labels import short_label
    from research.themes.model import _plain_keywords
    from research.themes.phrases import label_topics

    row = _theme(db, theme_id)
    members = db.execute(
        "SELECT s.id, s.text FROM theme_members tm JOIN segments s ON s.id = tm.segment_id"
        " WHERE tm.theme_id = ? ORDER BY s.id",
        (theme_id,),
    ).fetchall()
    if len(members) < 4:
        raise ProjectError(f"theme {theme_id} has {len(members)} segments: too few to split")
    texts = [r["text"] for r in members]
    X = np.asarray(embed(texts), dtype=np.float64)  # noqa: N806
    parts = SmallCorpusClusterer(n_clusters=2, min_size=2).fit(X).labels_.tolist()
    if len(set(parts)) < 2:
        raise ProjectError(f"theme {theme_id} does not divide into two groups")
    keywords = {
        p: _plain_keywords([t for t, q in zip(texts, parts, strict=True) if q == p]) for p in (0, 1)
    }
    names = (namer or label_topics)(texts, parts)
    labels = {p: names.get(p) or short_label(keywords[p]) for p in (0, 1)}
    ts = now()
    with transaction(db):
        new_id = db.execute(
            "INSERT INTO themes (loe, label, keywords, fit_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (row["loe"], labels[1], json.dumps(keywords[1]), row["fit_id"], ts, ts),
        ).lastrowid
        db.execute(
            "UPDATE themes SET keywords = ?, updated_at = ?,"
            " label = CASE WHEN label_source = 'auto' THEN ? ELSE label END WHERE id = ?",
            (json.dumps(keywords[0]), ts, labels[0], theme_id),
        )
        # earlier merges into this theme are superseded: a re-fit must not merge them again
        db.execute(
            "UPDATE themes SET status = 'gone', updated_at = ? WHERE merged_into = ?",
            (ts, theme_id),
        )
        for r, p in zip(members, parts, strict=True):
            if p == 1:
                db.execute(
                    "UPDATE theme_members SET theme_id = ?, pinned = 1"
                    " WHERE theme_id = ? AND segment_id = ?",
                    (new_id, theme_id, r["id"]),
                )
        refresh_quotes(db, [theme_id, new_id], embed)
        _log(db, "themes.split", theme=theme_id, new=new_id, moved=parts.count(1))
    return new_id


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
