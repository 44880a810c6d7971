"""Draft report sections (Markdown, DOCX): one per line of enquiry, numbered paragraphs.

Section n is the n-th line of enquiry starting at `first_section` (6 by default, as in the seed
study's findings chapter); each theme is a paragraph n.1, n.2 ... with its prevalence and its
starred quotes (or the top two of 15-120 words when none is starred; a shorter one, marked as
such, only when the theme has no other) in bold, attributed from group attributes:
"participant, under-30s group, county council".
"""

from __future__ import annotations

from pathlib import Path

from research.errors import ProjectError
from research.export.common import ThemeSummary, header_lines, preferred_quotes, themed_quotes
from research.project import Project

FORMATS = ("md", "docx")
TOP_QUOTES = 2


def report_sections(project: Project, first_section: int = 6) -> list[dict]:
    """[{'number': '6', 'title', 'paragraphs': [{'number': '6.1', 'text', 'quotes': [(q, attr)]}]}]."""
    themes = themed_quotes(project)
    if not themes:
        raise ProjectError("no themes yet: run `research themes` first")
    by_loe: dict[str, list[ThemeSummary]] = {}
    for t in themes:
        by_loe.setdefault(t.loe_name, []).append(t)
    keys = project.settings.attribution
    sections = []
    for n, (name, group) in enumerate(by_loe.items(), first_section):
        paras = []
        for m, t in enumerate(group, 1):
            starred = [q for q in t.quotes if q.starred]
            chosen = starred or preferred_quotes(t.quotes, TOP_QUOTES)
            p = t.prevalence
            text = (
                f"{t.label}. This theme was raised in {p['groups']} of {p['groups_total']} groups "
                f"by {p['participants']} of {p['participants_total']} participants "
                f"({p['segments']} coded segments)."
            )
            shown = {
                k: v
                for k, v in p["by_attribute"].items()
                if k in keys and any(total > 1 for _, total in v.values())
            }  # attributes that name single groups would only repeat the group count
            if shown:
                detail = "; ".join(
                    f"{key}: " + ", ".join(f"{v} {a} of {b}" for v, (a, b) in vals.items())
                    for key, vals in shown.items()
                )
                text += f" By group attribute: {detail}."
            paras.append(
                {
                    "number": f"{n}.{m}",
                    "theme": t.label,
                    "text": text,
                    "quotes": [
                        (q.quote, q.attribution + (f"; {q.note}" if q.note else "")) for q in chosen
                    ],
                }  # fmt: skip
            )
        sections.append({"number": str(n), "title": name, "paragraphs": paras})
    return sections


def export_report(
    project: Project, out: str | Path, fmt: str = "md", first_section: int = 6
) -> Path:
    """Write the draft report sections to `out`; return the path."""
    if fmt not in FORMATS:
        raise ProjectError(f"unknown report format {fmt!r} (one of: {', '.join(FORMATS)})")
    sections = report_sections(project, first_section)
    header = header_lines(project, "Draft report sections")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        out.write_text(_markdown(header, sections), encoding="utf-8")
    else:
        _docx(out, header, sections)
    return out


def _markdown(header: list[str], sections: list[dict]) -> str:
    lines = [f"# {header[0]}", ""]
    lines += [f"> {h}  " for h in header[1:]]
    for s in sections:
        lines += ["", f"## {s['number']} {s['title']}", ""]
        for p in s["paragraphs"]:
            lines += [f"{p['number']} {p['text']}", ""]
            for quote, who in p["quotes"]:
                lines += [f"> **“{quote}”** ({who})", ""]
    return "\n".join(lines).rstrip() + "\n"


def _docx(out: Path, header: list[str], sections: list[dict]) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(header[0], level=0)
    for line in header[1:]:
        doc.add_paragraph(line)
    for s in sections:
        doc.add_heading(f"{s['number']} {s['title']}", level=1)
        for p in s["paragraphs"]:
            doc.add_paragraph(f"{p['number']} {p['text']}")
            for quote, who in p["quotes"]:
                para = doc.add_paragraph(style="Quote")
                para.add_run(f"“{quote}”").bold = True
                para.add_run(f" ({who})")
    doc.save(out)
