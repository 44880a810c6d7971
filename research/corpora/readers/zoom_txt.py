"""Zoom live-transcript text: "[Name] HH:MM:SS" header line, then the speech lines."""

from __future__ import annotations

import html
import re

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.text import decode, finish, numbered_lines, parse_clock

FORMAT = "zoom-txt"
HEADER = re.compile(r"^\s*\[(?P<name>[^\[\]\n]{1,80})\][ \t]+(?P<time>\d{1,3}:\d{1,2}:\d{1,2})\s*$")


def header(line: str) -> tuple[str, float] | None:
    """(speaker, start) if the line is a Zoom live-transcript header."""
    m = HEADER.match(line)
    if not m:
        return None
    start = parse_clock(m["time"])
    return (m["name"].strip(), start) if start is not None else None


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read a Zoom .txt; text before the first header gets "Unknown speaker"."""
    text = decode(data, name)
    utterances: list[Utterance] = []
    speaker, start, lines = "", None, []
    for _, line in numbered_lines(text):
        head = header(line)
        if head is None:
            lines.append(line)
            continue
        utterances.append(Utterance(speaker, html.unescape("\n".join(lines)), start))
        (speaker, start), lines = head, []
    utterances.append(Utterance(speaker, html.unescape("\n".join(lines)), start))
    return Transcript(FORMAT, finish(utterances, name))
