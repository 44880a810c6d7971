"""Decide a transcript's format from its content; the file extension only breaks ties.

Signals: zip magic -> teams-docx; "WEBVTT" first line -> a VTT (GUID/N-M ids or <v> spans ->
teams-vtt; integer ids with "Name:" payloads -> zoom-vtt; else vtt); "-->" timing lines without
the header -> srt (or a VTT if the name ends .vtt or Teams signals are present); otherwise the
text format whose turn headers cover the most lines: "[Name] HH:MM:SS" -> zoom-txt,
"Name  M:SS" -> otter-txt, "Name: text" / "[Name] text" / "@Name: text" -> plain-txt.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from research.corpora.formats import EXPECTED
from research.corpora.readers import otter_txt, plain_txt, teams_docx, teams_vtt, zoom_txt
from research.corpora.readers.cues import is_vtt_header
from research.corpora.readers.text import blocks, decode, split_prefix
from research.errors import InputError

_SAMPLE_LINES = 400
_TIMING = re.compile(r"\d\s*-->\s*\d")
_VOICE = re.compile(r"<v[ .]", re.IGNORECASE)


def sniff_format(data: bytes | str, name: str = "") -> str:
    """The format id of a transcript, or InputError "unknown transcript format (expected ...)"."""
    label = name or "<input>"
    if isinstance(data, bytes) and data.startswith(teams_docx.ZIP_MAGIC):
        return "teams-docx"
    return sniff_text(decode(data, label), name)


def sniff_text(text: str, name: str = "") -> str:
    """The format id of decoded, LF-normalised transcript text."""
    suffix = PurePath(name).suffix.lower() if name else ""
    lines = [line for line in text.split("\n") if line.strip()][:_SAMPLE_LINES]
    if not lines:
        raise InputError(name or "<input>", "empty file")
    if is_vtt_header(lines[0].strip()):
        return _vtt_kind(text)
    if any(_TIMING.search(line) and "-->" in line for line in lines[:3]):
        if suffix == ".vtt" or (suffix != ".srt" and _vtt_kind(text) == "teams-vtt"):
            return _vtt_kind(text)
        return "srt"
    zoom = sum(1 for line in lines if zoom_txt.header(line))
    otter = sum(1 for line in lines if otter_txt.header(line))
    plain = sum(1 for line in lines if plain_txt.speaker_line(line))
    scores = {"zoom-txt": zoom, "otter-txt": otter, "plain-txt": plain}
    best = max(scores, key=lambda k: scores[k])  # ties: zoom-txt, otter-txt, plain-txt
    if scores[best] == 0 or (best == "plain-txt" and plain * 5 < len(lines)):
        raise InputError(name or "<input>", f"unknown transcript format (expected {EXPECTED})")
    return best


def _vtt_kind(text: str) -> str:
    """teams-vtt, zoom-vtt or vtt, from cue ids and payloads."""
    ids, payload_names, voices = [], 0, False
    for _, lines in blocks(text)[:_SAMPLE_LINES]:
        if len(lines) > 1 and "-->" in lines[1]:
            ids.append(lines[0].strip())
            payload = lines[2:]
        elif "-->" in lines[0]:
            payload = lines[1:]
        else:
            continue
        voices = voices or any(_VOICE.search(line) for line in payload)
        if payload and split_prefix(payload[0].strip())[0]:
            payload_names += 1
    if voices or any(teams_vtt.TEAMS_ID.match(i) for i in ids):
        return "teams-vtt"
    if ids and all(i.isdigit() for i in ids) and payload_names:
        return "zoom-vtt"
    return "vtt"
