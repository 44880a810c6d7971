"""Read a transcript file (or bytes) of any supported format into a Transcript.

Whatever the bytes, the only exception that leaves here is InputError.
"""

from __future__ import annotations

from pathlib import Path

from research.corpora.model import Transcript
from research.corpora.readers import (
    otter_txt,
    plain_txt,
    srt,
    teams_docx,
    teams_vtt,
    vtt,
    zoom_txt,
    zoom_vtt,
)
from research.corpora.readers.text import decode
from research.corpora.sniff import sniff_text
from research.errors import InputError

READERS = {
    "teams-vtt": teams_vtt.read,
    "zoom-vtt": zoom_vtt.read,
    "vtt": vtt.read,
    "teams-docx": teams_docx.read,
    "otter-txt": otter_txt.read,
    "zoom-txt": zoom_txt.read,
    "plain-txt": plain_txt.read,
    "srt": srt.read,
}


def read_transcript(path: str | Path) -> Transcript:
    """Read a transcript file; the format comes from its content."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, not a transcript file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or type(exc).__name__})") from None
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, name: str = "<input>") -> Transcript:
    """Parse transcript bytes; `name` labels errors and hints at the format by its extension."""
    try:
        if data.startswith(teams_docx.ZIP_MAGIC):
            return teams_docx.read(data, name)
        text = decode(data, name)
        return READERS[sniff_text(text, name)](text, name)
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "transcript nested too deeply to read") from None
    except Exception as exc:  # a reader bug must still surface as one actionable line
        raise InputError(name, f"could not be read (internal {type(exc).__name__})") from None
