"""Helpers for the corpora tests: the real fixtures stripped of headers, .docx building."""

from __future__ import annotations

import io
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "transcript-formats"
SEPARATOR = b"# -----"


def strip_header(raw: bytes) -> bytes:
    """Drop the leading '#' lines up to the first '# -----' line, and every later separator."""
    lines = raw.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(SEPARATOR)) + 1
    return b"".join(line for line in lines[start:] if not line.startswith(SEPARATOR))


def build_docx(paragraphs: list[str]) -> bytes:
    """A real .docx with one Word paragraph per item; '\\n' becomes a <w:br/> line break."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        first, *rest = text.split("\n")
        run = document.add_paragraph().add_run(first)
        for segment in rest:
            run.add_break()
            run.add_text(segment)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_paragraphs() -> tuple[str, list[str]]:
    """(source file name, paragraphs) of fixture 11, the python-docx view of a Teams .docx."""
    body = strip_header(
        (FIXTURES / "11_teams_docx_paragraphs_bristlenose_fixture.json.txt").read_bytes()
    )
    record = json.loads("{" + body.decode("utf-8").strip().rstrip(",") + "}")
    return record["source_filename"], record["paragraphs"]


def zoom_live_example() -> bytes:
    """Fixture 13: the lines between the markdown fences after the '$ fold' command line."""
    lines = strip_header((FIXTURES / "13_zoom_live_transcript_txt_sbates_README.txt").read_bytes())
    lines = lines.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(b"$ ")) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith(b"```")), len(lines))
    return b"".join(lines[start:end])


def load_fixtures() -> dict[str, tuple[str, bytes]]:
    """Every usable fixture as key -> (file name to hand the reader, bytes)."""
    text = {
        "teams_vtt": "01_teams_vtt_premium_TeamsPremium.vtt.txt",
        "teams_vtt_no_voice": "02_teams_vtt_no_voice_New_Teams_Format.vtt.txt",
        "zoom_vtt": "05_zoom_vtt_Teams2NVivo_zoom_transcript.vtt.txt",
        "otter_txt": "07_otter_txt_ladybug_62-security.txt",
    }
    out = {
        key: (file.removesuffix(".txt"), strip_header((FIXTURES / file).read_bytes()))
        for key, file in text.items()
    }
    out["otter_txt"] = ("62-security.md", out["otter_txt"][1])
    source, paragraphs = docx_paragraphs()
    out["teams_docx"] = (source, build_docx(paragraphs))
    out["zoom_txt"] = ("example.txt", zoom_live_example())
    return out
