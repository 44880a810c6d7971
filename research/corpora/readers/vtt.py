"""Generic WebVTT: speaker from a <v Name> voice span, else a "Name: " prefix, else unknown."""

from __future__ import annotations

import re

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.cues import Cue, read_cues
from research.corpora.readers.text import decode, finish, split_prefix, strip_markup

FORMAT = "vtt"
# <v Name>, <v.loud Name>, <v Name> with no closing </v> (Teams sometimes omits it)
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?(?:[ \t]+(?P<name>[^<>]*))?>", re.IGNORECASE)


def voice_spans(payload: str) -> list[tuple[str | None, str]]:
    """Split a cue payload on <v Name> tags: [(speaker or None, cleaned text), ...]."""
    parts: list[tuple[str | None, str]] = []
    matches = list(_VOICE.finditer(payload))
    if not matches:
        return [(None, strip_markup(payload))]
    before = payload[: matches[0].start()]
    if strip_markup(before).strip():
        parts.append((None, strip_markup(before)))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(payload)
        name = html_name(m.group("name"))
        parts.append((name, strip_markup(payload[m.end() : end])))
    return parts


def html_name(raw: str | None) -> str | None:
    """A voice-span name with entities decoded, or None when the tag has no name."""
    name = strip_markup(raw or "").strip()
    return name or None


def cue_utterances(cue: Cue, *, prefixes: bool) -> list[Utterance]:
    """The utterances of one cue: voice spans first, "Name: " prefixes if allowed."""
    out = []
    for speaker, text in voice_spans("\n".join(cue.lines)):
        if speaker is None and prefixes:
            speaker, text = split_prefix(text.strip())
        out.append(Utterance(speaker or "", text, cue.start, cue.end))
    return out


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read any WebVTT file in cue order."""
    text = decode(data, name)
    utterances = [
        u for cue in read_cues(text, name, webvtt=True) for u in cue_utterances(cue, prefixes=True)
    ]
    return Transcript(FORMAT, finish(utterances, name))
