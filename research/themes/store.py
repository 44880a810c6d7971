"""Themes in project.db: saving a fit (carrying labels, merges, moves and stars), quotes, reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

import numpy as np

from research.project import current_user, now
from research.store import transaction
from research.themes.inputs import Segment
from research.themes.labels import short_label
from research.themes.match import match_topics
from research.themes.model import TopicFit
from research.themes.quotes import Candidate, rank_quotes

Embed = Callable[[list[str]], np.ndarray]
QUOTES_PER_THEME = 10


def _members(db: sqlite3.Connection, theme_id: int) -> set[int]:
    rows = db.execute("SELECT segment_id FROM theme_members WHERE theme_id = ?", (theme_id,))
    return {r[0] for r in rows}


def save_fit(
    db: sqlite3.Connection,
    loe: str,
    segments: Sequence[Segment],
    embeddings: np.ndarray,
    fit: TopicFit,
    *,
    versions: dict | None = None,
    actor: str | None = None,
) -> int:
    """Store one fit of `loe`; themes found again keep their id, label, merges and moved members."""
    ts, who = now(), actor or current_user()
    vec = {s.id: embeddings[i] for i, s in enumerate(segments)}
    new: dict[int, set[int]] = {}
    for s, t in zip(segments, fit.labels, strict=True):
        new.setdefault(int(t), set()).add(s.id)
    with transaction(db):
        old_rows = db.execute(
            "SELECT id, status, merged_into, snapshot FROM themes WHERE loe = ? AND status <> 'gone'",
            (loe,),
        ).fetchall()
        old = {
            r["id"]: _members(db, r["id"])
            if r["status"] == "active"
            else set(json.loads(r["snapshot"]))
            for r in old_rows
        }
        merged_into = {r["id"]: r["merged_into"] for r in old_rows}
        pins = {
            r["segment_id"]: r["theme_id"]
            for r in db.execute(
                "SELECT segment_id, theme_id FROM theme_members WHERE loe = ? AND pinned = 1",
                (loe,),
            )
        }
        fit_id = db.execute(
            "INSERT INTO theme_fits (loe, fitted_at, actor, n_segments, n_themes, params, versions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                loe,
                ts,
                who,
                len(segments),
                len(new),
                json.dumps(fit.params, sort_keys=True),
                json.dumps(versions or {}, sort_keys=True),
            ),
        ).lastrowid
        identity = match_topics(new, old, merged_into)
        theme_of_topic: dict[int, int] = {}
        keywords_of: dict[int, list[str]] = {}
        label_of: dict[int, str] = {}
        for t in sorted(new, key=lambda t: (-len(new[t]), t)):
            kws = fit.keywords.get(t, [])
            label = fit.names.get(t) or short_label(kws)
            tid = identity[t]
            if tid is None:
                tid = db.execute(
                    "INSERT INTO themes (loe, label, keywords, fit_id, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (loe, label, json.dumps(kws), fit_id, ts, ts),
                ).lastrowid
            theme_of_topic[t] = tid
            keywords_of.setdefault(tid, kws)  # the largest topic speaks for a merged theme
            label_of.setdefault(tid, label)
        alive = set(theme_of_topic.values())
        for tid, kws in keywords_of.items():
            db.execute(
                "UPDATE themes SET keywords = ?, status = 'active', merged_into = NULL, fit_id = ?,"
                " updated_at = ?, label = CASE WHEN label_source = 'auto' THEN ? ELSE label END"
                " WHERE id = ?",
                (json.dumps(kws), fit_id, ts, label_of[tid], tid),
            )
        for tid, members in old.items():
            if tid not in alive and merged_into.get(tid) is None:
                db.execute(
                    "UPDATE themes SET status = 'gone', snapshot = ?, updated_at = ? WHERE id = ?",
                    (json.dumps(sorted(members)), ts, tid),
                )
        db.execute("DELETE FROM theme_members WHERE loe = ?", (loe,))
        for s, t in zip(segments, fit.labels, strict=True):
            pinned = pins.get(s.id) in alive
            tid = pins[s.id] if pinned else theme_of_topic[int(t)]
            db.execute(
                "INSERT INTO theme_members (loe, segment_id, theme_id, pinned) VALUES (?, ?, ?, ?)",
                (loe, s.id, tid, int(pinned)),
            )
        refresh_quotes(db, sorted(alive), lambda texts: _lookup(texts, segments, vec))
    return fit_id


def _lookup(
    texts: list[str], segments: Sequence[Segment], vec: dict[int, np.ndarray]
) -> np.ndarray:
    by_text = {s.text: vec[s.id] for s in segments}
    return np.vstack([by_text[t] for t in texts])


def refresh_quotes(db: sqlite3.Connection, theme_ids: Sequence[int], embed: Embed) -> None:
    """Recompute member similarity and ranked candidate quotes of these themes."""
    with transaction(db):
        for tid in theme_ids:
            rows = db.execute(
                "SELECT s.id, s.text, s.source_id, s.speaker_id FROM theme_members tm"
                " JOIN segments s ON s.id = tm.segment_id"
                " WHERE tm.theme_id = ? AND s.is_facilitator = 0 ORDER BY s.id",
                (tid,),
            ).fetchall()
            db.execute("DELETE FROM theme_quotes WHERE theme_id = ?", (tid,))
            if not rows:
                continue
            cands = [Candidate(r["id"], r["text"], r["source_id"], r["speaker_id"]) for r in rows]
            X = np.asarray(embed([c.text for c in cands]), dtype=np.float64)  # noqa: N806
            X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)  # noqa: N806
            centroid = X.mean(axis=0)
            centroid /= max(np.linalg.norm(centroid), 1e-12)
            for c, sim in zip(cands, X @ centroid, strict=True):
                db.execute(
                    "UPDATE theme_members SET similarity = ? WHERE theme_id = ? AND segment_id = ?",
                    (round(float(sim), 6), tid, c.segment_id),
                )
            for rank, (seg, score) in enumerate(rank_quotes(cands, X, QUOTES_PER_THEME), 1):
                db.execute(
                    "INSERT INTO theme_quotes (theme_id, segment_id, rank, score) VALUES (?, ?, ?, ?)",
                    (tid, seg, rank, score),
                )


def active_themes(db: sqlite3.Connection, loe: str | None = None) -> list[sqlite3.Row]:
    """Active themes (with their size), by line of enquiry then decreasing size."""
    sql = (
        "SELECT t.*, COUNT(tm.segment_id) AS size FROM themes t"
        " LEFT JOIN theme_members tm ON tm.theme_id = t.id WHERE t.status = 'active'"
    )
    args: tuple = ()
    if loe is not None:
        sql += " AND t.loe = ?"
        args = (loe,)
    sql += " GROUP BY t.id ORDER BY t.loe, size DESC, t.id"
    return db.execute(sql, args).fetchall()


def theme_labels_for_segments(db: sqlite3.Connection) -> dict[tuple[int, str], str]:
    """(segment_id, loe code) -> label of the theme the segment belongs to in that line of enquiry."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'theme_members'").fetchone():
        return {}
    rows = db.execute(
        "SELECT tm.segment_id, tm.loe, t.label FROM theme_members tm"
        " JOIN themes t ON t.id = tm.theme_id"
    )
    return {(r["segment_id"], r["loe"]): r["label"] for r in rows}


def theme_quotes(db: sqlite3.Connection, theme_id: int) -> list[sqlite3.Row]:
    """Ranked candidate quotes of a theme with starred flag; starred quotes first."""
    return db.execute(
        "SELECT q.segment_id, q.rank, q.score, s.text, s.source_id, s.speaker_id, s.start,"
        " (qs.segment_id IS NOT NULL) AS starred FROM theme_quotes q"
        " JOIN themes t ON t.id = q.theme_id JOIN segments s ON s.id = q.segment_id"
        " LEFT JOIN quote_stars qs ON qs.loe = t.loe AND qs.segment_id = q.segment_id"
        " WHERE q.theme_id = ? ORDER BY starred DESC, q.rank",
        (theme_id,),
    ).fetchall()


def starred_members(db: sqlite3.Connection, theme_id: int) -> list[sqlite3.Row]:
    """Starred segments of a theme, also those not among its ranked candidates."""
    return db.execute(
        "SELECT s.id AS segment_id, s.text, s.source_id, s.speaker_id, s.start FROM theme_members tm"
        " JOIN quote_stars qs ON qs.loe = tm.loe AND qs.segment_id = tm.segment_id"
        " JOIN segments s ON s.id = tm.segment_id WHERE tm.theme_id = ? ORDER BY s.id",
        (theme_id,),
    ).fetchall()
