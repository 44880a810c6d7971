"""Microsoft Teams .docx transcript, read with python-docx.

Title, date and "X started/stopped transcription" paragraphs are skipped. Each turn is one
paragraph "Name   M:SS" + line breaks + speech, or a "Name   M:SS" paragraph followed by
speech paragraphs. Teams gives start times only, so `end` is None.
"""

from __future__ import annotations

import io
import re
import zipfile

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.text import finish, parse_clock
from research.errors import InputError

FORMAT = "teams-docx"
HEADER = re.compile(
    r"^(?P<name>[^\W\d_][^\n]{0,79}?)(?:\s+|(?<=\D))(?P<time>(?:\d{1,3}:)?\d{1,2}:\d{2})$"
)
_TRANSCRIPTION = re.compile(r"^.{0,120}\b(?:started|stopped) transcription\.?$", re.IGNORECASE)
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def header(line: str) -> tuple[str, float] | None:
    """(speaker, start) if the line is a Teams "Name   M:SS" turn header."""
    m = HEADER.match(line.strip())
    if not m:
        return None
    start, speaker = parse_clock(m["time"]), m["name"].strip()
    if start is None or len(speaker.split()) > 6:
        return None
    return speaker, start


def paragraph_texts(data: bytes, name: str) -> list[str]:
    """The text of every body paragraph (w:br as '\\n'); InputError if it is not a .docx."""
    if not data.startswith(ZIP_MAGIC):
        raise InputError(name, "not a valid .docx file (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise InputError(name, "not a Word .docx file (no word/document.xml)")
        import docx  # python-docx: heavy, imported only when a .docx is read

        document = docx.Document(io.BytesIO(data))
        return [p.text for p in document.paragraphs]
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "not a valid .docx file (nested too deeply)") from None
    except Exception:  # zipfile, lxml and python-docx raise many types for damaged files
        raise InputError(name, "not a valid .docx file (damaged or not a Word document)") from None


def turns(paragraphs: list[str]) -> tuple[str | None, list[Utterance]]:
    """(title, utterances) from paragraph texts; preamble before the first header is skipped."""
    title: str | None = None
    utterances: list[Utterance] = []
    current: tuple[str, float] | None = None
    speech: list[str] = []
    for paragraph in paragraphs:
        lines = paragraph.strip("\n").split("\n")
        if _TRANSCRIPTION.match(paragraph.strip()):
            continue
        head = header(lines[0])
        if head is None:
            if current is not None:
                speech.extend(lines)
            elif title is None and paragraph.strip():
                title = paragraph.strip()
            continue
        if current is not None:
            utterances.append(Utterance(current[0], "\n".join(speech), current[1]))
        current, speech = head, lines[1:]
    if current is not None:
        utterances.append(Utterance(current[0], "\n".join(speech), current[1]))
    return title, utterances


def read(data: bytes, name: str = "<input>") -> Transcript:
    """Read a Teams .docx transcript from its bytes."""
    if isinstance(data, str):
        raise InputError(name, "not a valid .docx file (text, not a zip archive)")
    title, utterances = turns(paragraph_texts(data, name))
    return Transcript(FORMAT, finish(utterances, name), title=title)
