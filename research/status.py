"""What has been done to each source: imported, anonymised, coded, themed; and the sign-off."""

from __future__ import annotations

import json
import sqlite3

from research.project import Project


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return (
        db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
        is not None
    )


def project_status(project: Project) -> dict:
    """A JSON-ready summary built from project.db only (no originals)."""
    db = project.db
    sources = []
    for row in db.execute("SELECT * FROM sources ORDER BY id"):
        sources.append(
            {
                "id": row["id"],
                "label": row["label"],
                "format": row["format"],
                "kind": row["kind"],
                "attrs": json.loads(row["attrs"]),
                "turns": row["n_turns"],
                "words": row["n_words"],
                "speakers": row["n_speakers"],
                "imported_at": row["imported_at"],
                "anonymised": row["anonymised_at"] is not None,
                "anonymised_at": row["anonymised_at"],
            }
        )
    by_id = {s["id"]: s for s in sources}
    for row in db.execute(
        "SELECT source_id, COUNT(*) n, SUM(decision = 'pending') pending FROM detections GROUP BY source_id"
    ):
        by_id[row["source_id"]].update(detections=row["n"], pending_review=row["pending"] or 0)
    if _has_table(db, "segments") and _has_table(db, "codings"):
        for row in db.execute(
            "SELECT s.source_id, COUNT(DISTINCT s.id) segs,"
            " COUNT(DISTINCT CASE WHEN c.id IS NOT NULL THEN s.id END) coded"
            " FROM segments s LEFT JOIN codings c ON c.segment_id = s.id GROUP BY s.source_id"
        ):
            if row["source_id"] in by_id:
                by_id[row["source_id"]].update(segments=row["segs"], coded_segments=row["coded"])
    if _has_table(db, "theme_members"):
        for row in db.execute(
            "SELECT s.source_id, COUNT(DISTINCT tm.segment_id) n FROM theme_members tm"
            " JOIN segments s ON s.id = tm.segment_id GROUP BY s.source_id"
        ):
            if row["source_id"] in by_id:
                by_id[row["source_id"]]["themed_segments"] = row["n"]
    from research.signoff_state import signoff_state

    return {
        "project": project.settings.name,
        "root": str(project.root),
        "sources": sources,
        "signoff": signoff_state(db),
    }


def render_status(data: dict) -> str:
    lines = [f"project: {data['project']}  ({data['root']})"]
    if not data["sources"]:
        lines.append("no sources yet: `research import FILE...`")
    else:
        header = f"{'label':<16} {'format':<11} {'turns':>5} {'spk':>3}  {'anonymised':<10} {'review':>6} {'coded':>9}  attributes"
        lines.append(header)
        for s in data["sources"]:
            coded = f"{s.get('coded_segments', 0)}/{s['segments']}" if "segments" in s else "-"
            attrs = ", ".join(f"{k}={v}" for k, v in s["attrs"].items())
            lines.append(
                f"{s['label']:<16} {s['format']:<11} {s['turns']:>5} {s['speakers']:>3}  "
                f"{'yes' if s['anonymised'] else 'no':<10} {s.get('pending_review', 0):>6} {coded:>9}  {attrs}"
            )
    so = data["signoff"]
    lines.append(f"sign-off: {so['summary']}")
    return "\n".join(lines)
