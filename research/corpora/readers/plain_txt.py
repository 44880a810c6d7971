"""Plain text turns: "Name: text", "[Name] text" or "@Name: text" lines, no times.

A line without a speaker prefix continues the previous turn ("Unknown speaker" at the top).
"""

from __future__ import annotations

import html
import re

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.text import decode, finish, numbered_lines, split_prefix

FORMAT = "plain-txt"
_BRACKET = re.compile(r"^\[(?P<name>[^\[\]\n]{1,60})\][ \t]+(?P<text>\S.*)$")
_TIME_ONLY = re.compile(r"^\d{1,3}:\d{1,2}(?::\d{1,2})?$")


def speaker_line(line: str) -> tuple[str, str] | None:
    """(speaker, text) if the line opens a turn; "@Name" loses its "@"."""
    line = line.strip()
    m = _BRACKET.match(line)
    if m:
        if _TIME_ONLY.match(m["text"].strip()):
            return None  # "[Name] 10:00:00" is a Zoom live-transcript header, not speech
        return m["name"].strip(), m["text"]
    speaker, text = split_prefix(line[1:] if line.startswith("@") else line)
    return (speaker, text) if speaker else None


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read "Name: text" lines; consecutive lines of one speaker become one turn."""
    text = decode(data, name)
    utterances: list[Utterance] = []
    speaker, lines = "", []
    for _, line in numbered_lines(text):
        opened = speaker_line(line)
        if opened is None:
            lines.append(line)
            continue
        utterances.append(Utterance(speaker, html.unescape("\n".join(lines))))
        speaker, lines = opened[0], [opened[1]]
    utterances.append(Utterance(speaker, html.unescape("\n".join(lines))))
    return Transcript(FORMAT, finish(utterances, name))
