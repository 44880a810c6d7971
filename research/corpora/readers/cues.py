"""Cue blocks of WebVTT and SubRip files: ids, timings and payload lines, with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from research.corpora.readers.text import blocks
from research.errors import InputError

# Timestamps as found in the wild: 00:00:06.620, 00:10.200 (no hours), 0:0:10.20 (legacy Teams,
# unpadded, the fraction is a decimal fraction), 00:00:01,000 (SRT comma).
_TS = r"(?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*(?P<start>{_TS})\s*-->\s*(?P<end>{_TS})(?:\s+.*)?$")
_TS_PARTS = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>\d+)(?:[.,](?P<f>\d+))?$")
_VTT_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")
TIMING_EXPECTED = "malformed cue timing (expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm')"


@dataclass(frozen=True)
class Cue:
    """One timed cue: its id line (or None), times in seconds, payload lines, first payload line."""

    ident: str | None
    start: float
    end: float
    lines: tuple[str, ...]
    line: int


def is_vtt_header(line: str) -> bool:
    return bool(_VTT_HEADER.match(line))


def parse_timestamp(value: str) -> float | None:
    """One cue timestamp to seconds, or None if minutes/seconds are out of range."""
    m = _TS_PARTS.match(value)
    if not m:
        return None
    minutes, seconds = int(m.group("m")), int(m.group("s"))
    if seconds > 59 or (m.group("h") is not None and minutes > 59):
        return None
    fraction = float("0." + m.group("f")) if m.group("f") else 0.0
    return int(m.group("h") or 0) * 3600 + minutes * 60 + seconds + fraction


def parse_timing(line: str, number: int, name: str) -> tuple[float, float]:
    """'start --> end [settings]' to seconds; InputError naming the line if it is malformed."""
    m = _TIMING.match(line)
    start = parse_timestamp(m.group("start")) if m else None
    end = parse_timestamp(m.group("end")) if m else None
    if start is None or end is None:
        raise InputError(name, TIMING_EXPECTED, line=number)
    return start, max(start, end)


def read_cues(text: str, name: str, *, webvtt: bool) -> list[Cue]:
    """All cues of a WebVTT (header, NOTE/STYLE/REGION skipped) or SubRip text, in file order."""
    cues: list[Cue] = []
    for index, (first, lines) in enumerate(blocks(text)):
        head = lines[0].strip()
        if webvtt and index == 0 and is_vtt_header(head):
            continue  # the header block, with any "Kind:"/"Language:" metadata lines
        if webvtt and head.split(" ", 1)[0].split("\t", 1)[0] in _SKIPPED_BLOCKS:
            continue
        if "-->" in lines[0]:
            ident, timing_at = None, 0
        elif len(lines) > 1 and "-->" in lines[1]:
            ident, timing_at = head, 1
        else:
            at = first + 1 if len(lines) > 1 else first
            raise InputError(name, TIMING_EXPECTED, line=at)
        start, end = parse_timing(lines[timing_at], first + timing_at, name)
        payload = tuple(lines[timing_at + 1 :])
        cues.append(Cue(ident, start, end, payload, first + timing_at + 1))
    return cues
