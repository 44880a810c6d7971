"""Zoom live-transcript text: "[Name] HH:MM:SS" header line, then the speech lines."""

from __future__ import annotations

import re

from research.corpora.model import Transcript
from research.corpora.readers.text import decode, finish, headed_turns, parse_clock

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
    utterances = headed_turns(decode(data, name), header)
    return Transcript(FORMAT, finish(utterances, name))
