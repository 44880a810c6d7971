"""Themed quote sheets (XLSX, CSV, DOCX): one sheet or section per line of enquiry.

Columns: theme, prevalence, quote, participant pseudonym, source label and its group
attributes, time, starred, note. Each theme lists its starred and its readable (15-120 words)
candidate quotes; a theme with none of those gets its best short one, marked in `note`. The sign-off status heads every sheet, the CSV and the document.
"""

from __future__ import annotations

import csv
from pathlib import Path

from research.errors import ProjectError
from research.export.common import (
    QuoteRow,
    ThemeSummary,
    header_lines,
    preferred_quotes,
    themed_quotes,
)
from research.project import Project

FORMATS = ("xlsx", "csv", "docx")
BASE_COLUMNS = ["line of enquiry", "theme", "prevalence", "prevalence by attribute", "quote",
                "participant", "source"]  # fmt: skip
TAIL_COLUMNS = ["time", "starred", "rank", "segment", "note"]


def _attr_keys(project: Project, themes: list[ThemeSummary]) -> list[str]:
    keys = list(project.settings.attribution)
    for t in themes:
        for q in preferred_quotes(t.quotes):
            keys.extend(k for k in q.attrs if k not in keys)
    return keys


def _row(q: QuoteRow, keys: list[str]) -> list:
    return [q.loe_name, q.theme, q.prevalence, q.by_attribute, q.quote, q.participant, q.source,
            *[q.attrs.get(k, "") for k in keys], q.time, "yes" if q.starred else "", q.rank,
            q.segment_id, q.note]  # fmt: skip


def _by_loe(themes: list[ThemeSummary]) -> dict[str, list[ThemeSummary]]:
    out: dict[str, list[ThemeSummary]] = {}
    for t in themes:
        out.setdefault(t.loe_name, []).append(t)
    return out


def export_quotes(project: Project, out: str | Path, fmt: str = "xlsx") -> Path:
    """Write the themed quote sheet to `out` in `fmt`; return the path written."""
    if fmt not in FORMATS:
        raise ProjectError(f"unknown quote sheet format {fmt!r} (one of: {', '.join(FORMATS)})")
    themes = themed_quotes(project)
    if not themes:
        raise ProjectError("no themes yet: run `research themes` first")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = header_lines(project, "Themed quote sheet")
    keys = _attr_keys(project, themes)
    columns = [*BASE_COLUMNS, *keys, *TAIL_COLUMNS]
    {"xlsx": _xlsx, "csv": _csv, "docx": _docx}[fmt](out, header, columns, keys, themes)
    return out


def _xlsx(out, header, columns, keys, themes) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for loe_name, group in _by_loe(themes).items():
        title = _sheet_title(loe_name, used)
        ws = wb.create_sheet(title)
        for line in header:
            ws.append([line])
        ws.append([])
        ws.append(columns)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for t in group:
            for q in preferred_quotes(t.quotes):
                ws.append(_row(q, keys))
                ws.cell(ws.max_row, 5).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions["E"].width = 80
        ws.freeze_panes = ws.cell(len(header) + 3, 1)
    wb.save(out)


def _sheet_title(name: str, used: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Sheet"
    title, n = base, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def _csv(out, header, columns, keys, themes) -> None:
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        for line in header:
            w.writerow([f"# {line}"])
        w.writerow(columns)
        for t in themes:
            for q in preferred_quotes(t.quotes):
                w.writerow(_row(q, keys))


def _docx(out, header, columns, keys, themes) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(header[0], level=0)
    for line in header[1:]:
        doc.add_paragraph(line)
    for loe_name, group in _by_loe(themes).items():
        doc.add_heading(loe_name, level=1)
        for t in group:
            doc.add_heading(t.label, level=2)
            doc.add_paragraph(f"Prevalence: {t.prevalence['summary']}")
            for q in preferred_quotes(t.quotes):
                p = doc.add_paragraph(style="List Bullet")
                p.add_run(("★ " if q.starred else "") + f"“{q.quote}”").italic = True
                where = ", ".join(
                    [q.participant, q.source, *[str(q.attrs[k]) for k in keys if q.attrs.get(k)]]
                )
                p.add_run(f" ({where}{', ' + q.time if q.time else ''})")
                if q.note:
                    p.add_run(f" [{q.note}]")
    doc.save(out)
