"""The one facade between the TUI and the stages: plain functions, easy to fake in tests.

Screens never import a stage package; they call these. Stage modules (and the heavy libraries
behind them) are imported inside each function, so importing this module stays cheap and
first paint stays fast. A changed stage API means one edit here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from research.project import Project, current_user

Progress = Callable[[int, int], None]
PASSPHRASE_ENV = "RESEARCH_PASSPHRASE"
LOW_CONFIDENCE = 0.6
EXPORT_KINDS: dict[str, tuple[str, ...]] = {
    "quotes": ("xlsx", "csv", "docx"),
    "report": ("md", "docx"),
    "refi": ("qdpx",),
    "audit": ("html", "csv"),
    "transparency": ("md", "json"),
}
EXPORT_TITLES = {
    "quotes": "Quote sheet",
    "report": "Report sections",
    "refi": "REFI-QDA project",
    "audit": "Anonymisation audit",
    "transparency": "Transparency record",
}


# --- project ---------------------------------------------------------------------------------
def open_project(root: str | Path) -> Project:
    from research.project import find_project

    return find_project(root)


def default_passphrase() -> str:
    return os.environ.get(PASSPHRASE_ENV, "")


def unlock_vault(project: Project, passphrase: str):
    """Open the project's vault (scrypt: run it in a worker)."""
    from research.anonymise.vault import Vault

    return Vault.open(project.vault_path, passphrase)


def has_vault(project: Project) -> bool:
    return project.vault_path.exists()


def reviewer_name() -> str:
    return current_user()


def status(project: Project) -> dict:
    from research.status import project_status

    return project_status(project)


def signoff_state(project: Project) -> dict:
    from research.signoff_state import signoff_state as state

    return state(project.db)


# --- long stages (run in workers) ------------------------------------------------------------
def run_anonymise(project: Project, vault, progress: Progress) -> str:
    from research.anonymise.run import anonymise_project

    s = anonymise_project(project, vault, progress=progress)
    return (
        f"anonymised {len(s.detected_sources)} source(s): {s.applied} replacements, "
        f"{s.pending_review} pending review"
    )


def run_auto_coding(project: Project, progress: Progress) -> str:
    from research.coding.service import run_auto_coding as run

    s = run(project, progress=progress)
    return f"suggested codes for {s.segments} segments ({s.suggestions} suggestions)"


def run_themes(project: Project, progress: Progress, loe: str | None = None) -> str:
    from research.themes.run import run_themes as run

    s = run(project, loe, progress=progress)
    n = sum(e["themes"] for e in s["lines_of_enquiry"])
    return f"fitted {n} themes in {len(s['lines_of_enquiry'])} line(s) of enquiry"


# --- review (the ethics lead) ----------------------------------------------------------------
def detections(project: Project, vault=None, **filters: Any) -> list:
    """ReviewItems (research.anonymise.review); originals only with the vault."""
    from research.anonymise.review import list_detections

    return list_detections(project, vault, **{k: v for k, v in filters.items() if v is not None})


def detection_facets(project: Project) -> dict[str, list[str]]:
    db = project.db
    return {
        col: [r[0] for r in db.execute(f"SELECT DISTINCT {col} FROM detections ORDER BY 1")]
        for col in ("entity_type", "recognizer", "decision")
    }


def utterance_text(project: Project, source: str, utt_idx: int) -> str:
    row = project.db.execute(
        "SELECT u.text FROM utterances u JOIN sources s ON s.id = u.source_id"
        " WHERE s.label = ? AND u.idx = ?",
        (source, utt_idx),
    ).fetchone()
    return row[0] if row else ""


def original_utterance(project: Project, vault, source: str, utt_idx: int) -> str:
    """The original turn text from the vault: shown on screen only, never logged."""
    from research.anonymise.ingest import load_original

    row = project.db.execute("SELECT id FROM sources WHERE label = ?", (source,)).fetchone()
    if row is None or vault is None:
        return ""
    utts = load_original(vault, row[0]).get("utterances", [])
    return utts[utt_idx]["text"] if 0 <= utt_idx < len(utts) else ""


def residual_findings(project: Project) -> list[dict]:
    return [
        dict(r)
        for r in project.db.execute(
            "SELECT r.id, s.label AS source, r.utt_idx, r.entity_type, r.recognizer, r.score,"
            " r.rule_id, COALESCE(rr.decision, '') AS decision FROM residual_findings r"
            " JOIN sources s ON s.id = r.source_id"
            " LEFT JOIN redaction_rules rr ON rr.id = r.rule_id ORDER BY s.id, r.utt_idx, r.id"
        )
    ]


def decide_detection(
    project: Project, vault, detection_id: int, decision: str, reviewer: str, everywhere=False
):
    from research.anonymise.review import decide

    return decide(project, vault, detection_id, decision, reviewer, everywhere=everywhere)


def add_redaction(project: Project, vault, text: str, entity_type: str, reviewer: str) -> int:
    from research.anonymise.review import add_redaction as add

    return add(project, vault, text, entity_type, reviewer)


def entity_types() -> tuple[str, ...]:
    from research.anonymise.review import ENTITY_TYPES

    return ENTITY_TYPES


def pending_count(project: Project) -> int:
    return project.db.execute(
        "SELECT COUNT(*) FROM detections WHERE decision = 'pending' AND applied = 1"
    ).fetchone()[0]


def sign_off(project: Project, reviewer: str, note: str | None, allow_pending: bool) -> dict:
    from research.anonymise.signoff import sign_off as sign

    return sign(project, reviewer, note, allow_pending=allow_pending)


# --- coding (researchers) --------------------------------------------------------------------
def codebook(project: Project):
    from research.coding.service import project_codebook

    return project_codebook(project)


def lines_of_enquiry(project: Project) -> list[tuple[str, str]]:
    """(code id, name) of the top-level codes, in codebook order."""
    return [
        (r["id"], r["name"])
        for r in project.db.execute(
            "SELECT id, name FROM codes WHERE parent_id IS NULL AND active = 1 ORDER BY sort, id"
        )
    ]


def source_labels(project: Project) -> list[str]:
    return [r[0] for r in project.db.execute("SELECT label FROM sources ORDER BY id")]


def coding_segments(project: Project, source: str, coder: str) -> list[dict]:
    """Participant segments of one source with suggestions and this coder's decisions."""
    db = project.db
    rows = db.execute(
        "SELECT s.id, s.start, s.end, s.text, sp.pseudonym AS speaker FROM segments s"
        " JOIN sources src ON src.id = s.source_id LEFT JOIN speakers sp ON sp.id = s.speaker_id"
        " WHERE src.label = ? AND s.is_facilitator = 0 ORDER BY s.utt_idx, s.seg_no",
        (source,),
    ).fetchall()
    ids = [r["id"] for r in rows]
    by_seg: dict[int, dict] = {i: {"suggested": {}, "mine": {}, "memo": None} for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for c in db.execute(
            f"SELECT segment_id, code_id, coder, method, confidence, status, memo FROM codings"
            f" WHERE segment_id IN ({marks}) ORDER BY confidence DESC, code_id",
            ids,
        ):
            entry = by_seg[c["segment_id"]]
            if c["method"] == "auto":
                entry["suggested"][c["code_id"]] = (c["confidence"] or 0.0, c["status"])
            if c["coder"] == coder:
                entry["mine"][c["code_id"]] = c["status"]
                entry["memo"] = c["memo"] or entry["memo"]
    return [dict(r) | by_seg[r["id"]] for r in rows]


def coding_progress(project: Project, coder: str) -> tuple[int, int]:
    """(participant segments this coder has decided on, all participant segments)."""
    db = project.db
    total = db.execute("SELECT COUNT(*) FROM segments WHERE is_facilitator = 0").fetchone()[0]
    done = db.execute(
        "SELECT COUNT(DISTINCT c.segment_id) FROM codings c JOIN segments s ON s.id = c.segment_id"
        " WHERE s.is_facilitator = 0 AND c.coder = ? AND c.method <> 'auto'",
        (coder,),
    ).fetchone()[0]
    return done, total


def apply_code(project: Project, segment_id: int, code_id: str, coder: str) -> None:
    from research.coding.manual import apply_code as apply

    apply(project, codebook(project), segment_id, code_id, coder=coder)


def remove_code(project: Project, segment_id: int, code_id: str, coder: str) -> None:
    from research.coding.manual import remove_code as remove

    remove(project, codebook(project), segment_id, code_id, coder=coder)


def decide_suggestion(
    project: Project, segment_id: int, code_id: str, coder: str, accept: bool
) -> None:
    from research.coding.manual import decide

    decide(project, codebook(project), segment_id, code_id, accept=accept, coder=coder)


def set_memo(project: Project, segment_id: int, coder: str, memo: str) -> int:
    """Write (or clear) the memo on this coder's codings of a segment; returns how many."""
    from research.coding.manual import set_memo as write

    return write(project, segment_id, None, memo, coder)


# --- themes ----------------------------------------------------------------------------------
def themes(project: Project, loe: str) -> list[dict]:
    """Active themes of one line of enquiry with keywords and prevalence."""
    if not _has_table(project, "themes"):
        return []
    from research.themes.prevalence import theme_prevalence
    from research.themes.store import active_themes

    keys = project.settings.attribution
    return [
        {
            "id": t["id"],
            "label": t["label"],
            "label_source": t["label_source"],
            "keywords": json.loads(t["keywords"]),
            "size": t["size"],
            "prevalence": theme_prevalence(project.db, t["id"], keys),
        }
        for t in active_themes(project.db, loe)
    ]


def theme_quotes(project: Project, theme_id: int) -> list[dict]:
    """Ranked quotes (starred first) with an attribution: pseudonym, source and attributes."""
    from research.themes.store import theme_quotes as quotes

    db = project.db
    out = []
    for q in quotes(db, theme_id):
        src = db.execute(
            "SELECT label, attrs FROM sources WHERE id = ?", (q["source_id"],)
        ).fetchone()
        spk = db.execute(
            "SELECT pseudonym FROM speakers WHERE id = ?", (q["speaker_id"],)
        ).fetchone()
        attrs = json.loads(src["attrs"] or "{}") if src else {}
        who = ", ".join(
            [spk["pseudonym"] if spk else "?", src["label"] if src else "?"]
            + [str(attrs[k]) for k in project.settings.attribution if k in attrs]
        )
        out.append(
            dict(q)
            | {
                "attribution": who,
                "speaker": spk["pseudonym"] if spk else "?",
                "source": src["label"] if src else "?",
            }
        )
    return out


def rename_theme(project: Project, theme_id: int, label: str) -> None:
    from research.themes.ops import rename_theme as rename

    rename(project.db, theme_id, label)


def merge_themes(project: Project, sources: list[int], into: int) -> None:
    from research.coding.embeddings import embed_texts
    from research.themes.ops import merge_themes as merge

    merge(project.db, sources, into, lambda texts: embed_texts(project.db, texts))


def split_theme(project: Project, theme_id: int) -> int:
    """Split a theme in two (the fitting clusterer); returns the new theme's id."""
    from research.coding.embeddings import embed_texts
    from research.themes.ops import split_theme as split

    return split(project.db, theme_id, lambda texts: embed_texts(project.db, texts))


def toggle_star(project: Project, segment_id: int, loe: str, starred: bool) -> bool:
    """Star or unstar a quote within a line of enquiry; returns the new state."""
    from research.themes.ops import star_quote, unstar_quote

    (unstar_quote if starred else star_quote)(project.db, segment_id, loe)
    return not starred


# --- export ----------------------------------------------------------------------------------
def default_export_path(project: Project, kind: str, fmt: str) -> Path:
    name = {"quotes": "quotes", "report": "report", "refi": "study", "audit": "audit"}
    return project.exports_dir / f"{name.get(kind, kind)}.{fmt}"


def write_export(project: Project, kind: str, fmt: str, out: str | Path) -> list[Path]:
    """Write one export; returns the paths written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == "quotes":
        from research.export.quotes import export_quotes

        return [export_quotes(project, out, fmt)]
    if kind == "report":
        from research.export.report import export_report

        return [export_report(project, out, fmt)]
    if kind == "refi":
        from research.export.refi import export_refi

        return [export_refi(project, out)]
    if kind == "audit":
        from research.export.audit import write_audit

        return [write_audit(project, out)]
    if kind == "transparency":
        from research.export.transparency import export_transparency

        return [export_transparency(project, out, fmt)]
    raise ValueError(f"unknown export {kind!r}")


def _has_table(project: Project, name: str) -> bool:
    return (
        project.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )
