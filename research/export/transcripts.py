"""Anonymised transcripts, one file per source: txt (`Pseudonym: text`), vtt or docx."""

from __future__ import annotations

import re
from pathlib import Path

from research.errors import ProjectError
from research.project import Project
from research.signoff_state import signoff_state

FORMATS = ("txt", "vtt", "docx")
_UNSAFE = re.compile(r"[^\w.-]+")


def safe_filename(label: str) -> str:
    return _UNSAFE.sub("_", label).strip("._") or "source"


def _turns(project: Project, source_id: int) -> list[tuple[str, float | None, float | None, str]]:
    return [
        (r[0], r[1], r[2], r[3])
        for r in project.db.execute(
            "SELECT sp.pseudonym, u.start, u.end, u.text FROM utterances u JOIN speakers sp"
            " ON sp.id = u.speaker_id WHERE u.source_id = ? ORDER BY u.idx",
            (source_id,),
        )
    ]


def _vtt_time(seconds: float | None) -> str:
    seconds = max(0.0, seconds or 0.0)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def export_transcripts(project: Project, fmt: str, out_dir: str | Path) -> list[Path]:
    """Write one anonymised transcript per anonymised source; returns the paths written."""
    if fmt not in FORMATS:
        raise ProjectError(f"format must be one of {', '.join(FORMATS)}")
    sources = project.db.execute(
        "SELECT id, label FROM sources WHERE anonymised_at IS NOT NULL ORDER BY id"
    ).fetchall()
    if not sources:
        raise ProjectError("no anonymised sources to export: run `research anonymise` first")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    status = signoff_state(project.db)["summary"]
    written = []
    for src in sources:
        turns = _turns(project, src["id"])
        path = out / f"{safe_filename(src['label'])}.{fmt}"
        if fmt == "txt":
            body = "".join(f"{p}: {t}\n" for p, _, _, t in turns)
            path.write_text(
                f"# {src['label']} (anonymised). Sign-off: {status}\n{body}", encoding="utf-8"
            )
        elif fmt == "vtt":
            cues = [f"WEBVTT - {src['label']} (anonymised). Sign-off: {status}\n"]
            prev_end = 0.0
            for i, (p, start, end, text) in enumerate(turns, 1):
                start = start if start is not None else prev_end
                end = (
                    end
                    if end is not None and end > start
                    else start + max(1.0, len(text.split()) / 2.5)
                )
                prev_end = end
                cues.append(f"{i}\n{_vtt_time(start)} --> {_vtt_time(end)}\n<v {p}>{text}</v>\n")
            path.write_text("\n".join(cues), encoding="utf-8")
        else:
            _write_docx(path, src["label"], status, turns)
        written.append(path)
    return written


def _write_docx(path: Path, label: str, status: str, turns) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(f"{label} (anonymised transcript)", level=1)
    doc.add_paragraph(f"Sign-off: {status}")
    for pseudonym, start, _, text in turns:
        para = doc.add_paragraph()
        stamp = f"   {int(start // 60)}:{int(start % 60):02d}" if start is not None else ""
        para.add_run(f"{pseudonym}{stamp}").bold = True
        para.add_run().add_break()
        para.add_run(text)
    doc.save(str(path))
