"""`research export codings`: one row per segment with its codes, as CSV or XLSX.

Built from project.db only (anonymised text). Multi-valued cells (codes, confidence, coder,
method, theme) list one entry per coding, in the same order, separated by "; ". `theme` is the
label of the segment's theme within that code's line of enquiry (empty if none); the caller
passes the labels, since coding sits below themes and cannot read them itself.
"""

from __future__ import annotations

import csv
from pathlib import Path

from research.project import Project

COLUMNS = [
    "source",
    "segment_id",
    "speaker",
    "start",
    "text",
    "codes",
    "confidence",
    "coder",
    "method",
    "theme",
]
ThemeLabels = dict[tuple[int, str], str]  # (segment id, line-of-enquiry code id) -> theme label
FORMATS = ("csv", "xlsx")


def codings_rows(
    project: Project, coder: str | None = None, theme_labels: ThemeLabels | None = None
) -> list[dict]:
    """Rows for every segment (facilitator turns included for context), codes from any coder."""
    db = project.db
    labels = theme_labels or {}
    roots = _roots(db)
    args: tuple = (coder,) if coder else ()
    codings: dict[int, list] = {}
    for r in db.execute(
        "SELECT c.segment_id, c.code_id, c.coder, c.method, c.confidence FROM codings c"
        " LEFT JOIN codes k ON k.id = c.code_id"
        " WHERE c.status <> 'rejected'"
        + (" AND c.coder = ?" if coder else "")
        + " ORDER BY k.sort, c.code_id, c.coder",
        args,
    ):
        codings.setdefault(r["segment_id"], []).append(r)
    rows = []
    for s in db.execute(
        "SELECT s.id, src.label, sp.pseudonym, s.start, s.text FROM segments s"
        " JOIN sources src ON src.id = s.source_id LEFT JOIN speakers sp ON sp.id = s.speaker_id"
        " ORDER BY s.source_id, s.utt_idx, s.seg_no"
    ):
        cs = codings.get(s["id"], [])
        themes = [labels.get((s["id"], roots.get(c["code_id"], c["code_id"])), "") for c in cs]
        rows.append(
            {
                "source": s["label"],
                "segment_id": s["id"],
                "speaker": s["pseudonym"] or "",
                "start": _clock(s["start"]),
                "text": s["text"],
                "codes": "; ".join(c["code_id"] for c in cs),
                "confidence": "; ".join(
                    "" if c["confidence"] is None else f"{c['confidence']:.2f}" for c in cs
                ),
                "coder": "; ".join(c["coder"] for c in cs),
                "method": "; ".join(c["method"] for c in cs),
                "theme": "; ".join(themes) if any(themes) else "",
            }
        )
    return rows


def export_codings(
    project: Project,
    fmt: str,
    out: str | Path | None = None,
    coder: str | None = None,
    theme_labels: ThemeLabels | None = None,
) -> Path:
    """Write the codings table; returns the path written (default exports/codings.FMT).

    `theme_labels` fills the theme column (from research.themes.store.theme_labels_for_segments).
    """
    from research.coding.manual import CodingError

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise CodingError(f"unknown export format {fmt!r} (choose csv or xlsx)")
    path = Path(out) if out else project.exports_dir / f"codings.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = codings_rows(project, coder, theme_labels)
    tmp = path.with_name(path.name + ".part")
    if fmt == "csv":
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            for r in rows:
                w.writerow({k: _safe(v) for k, v in r.items()})
    else:
        _write_xlsx(project, tmp, rows)
    tmp.replace(path)
    project.log("export.codings", format=fmt, rows=len(rows))
    return path


def _write_xlsx(project: Project, path: Path, rows: list[dict]) -> None:
    from openpyxl import Workbook

    from research.signoff_state import signoff_state

    wb = Workbook()
    ws = wb.active
    ws.title = "codings"
    ws.append(COLUMNS)
    for r in rows:
        ws.append([_safe(r[c]) for c in COLUMNS])
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJ", (14, 10, 10, 9, 80, 28, 14, 16, 16, 28), strict=True):
        ws.column_dimensions[col].width = width
    about = wb.create_sheet("about")
    about.append(["project", project.settings.name])
    about.append(["anonymisation sign-off", signoff_state(project.db)["summary"]])
    about.append(["note", "built from anonymised text only"])
    wb.save(path)


def _roots(db) -> dict[str, str]:
    """code id -> its line of enquiry (top-level ancestor), from the mirrored `codes` table."""
    parent = {r["id"]: r["parent_id"] for r in db.execute("SELECT id, parent_id FROM codes")}
    out = {}
    for code in parent:
        root, seen = code, set()
        while parent.get(root) and root not in seen:
            seen.add(root)
            root = parent[root]
        out[code] = root
    return out


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _safe(value: object) -> object:
    """Keep spreadsheet programs from reading a cell as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value
