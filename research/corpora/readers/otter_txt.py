"""Otter.ai text export: "Name  M:SS" header line, the speech below, a blank line between turns.

The "Transcribed by https://otter.ai" footer is dropped; Otter's own "Unknown Speaker" is kept.
Otter gives start times only, so `end` is None.
"""

from __future__ import annotations

import re

from research.corpora.model import Transcript
from research.corpora.readers.text import decode, finish, headed_turns, parse_clock

FORMAT = "otter-txt"
HEADER = re.compile(
    r"^(?P<name>[^\s:\[@][^:\t]{0,79}?)(?:[ \t]{2,}|\t)(?P<time>(?:\d{1,3}:)?\d{1,2}:\d{2})[ \t]*$"
)
FOOTER = re.compile(r"^\s*Transcribed by\s+(?:https?://)?(?:www\.)?otter\.ai\S*\s*$", re.IGNORECASE)


def header(line: str) -> tuple[str, float] | None:
    """(speaker, start) if the line is an Otter turn header."""
    m = HEADER.match(line)
    if not m:
        return None
    start = parse_clock(m["time"])
    return (m["name"].strip(), start) if start is not None else None


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read an Otter .txt; text before the first header gets "Unknown speaker"."""
    utterances = headed_turns(decode(data, name), header, lambda line: bool(FOOTER.match(line)))
    return Transcript(FORMAT, finish(utterances, name))
