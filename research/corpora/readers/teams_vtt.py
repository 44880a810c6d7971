"""Microsoft Teams WebVTT: GUID/N-M cue ids, <v Name> voice spans, overlapping cues out of order.

Parts N-0, N-1... of one Teams utterance N are joined, then utterances are ordered (stably) by
the start of their first part, so an interjection lands after the turn it overlaps instead of
splitting it. Cues without a voice span get "Unknown speaker" (no "Name:" guessing here).
"""

from __future__ import annotations

import re

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.cues import read_cues
from research.corpora.readers.text import decode, finish
from research.corpora.readers.vtt import cue_utterances

FORMAT = "teams-vtt"
TEAMS_ID = re.compile(r"^(?P<guid>[0-9A-Fa-f][0-9A-Fa-f-]{7,})/(?P<n>\d+)-(?P<m>\d+)$")


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read a Teams .vtt into merged turns in start-time order."""
    text = decode(data, name)
    groups: dict[object, list[tuple[int, Utterance]]] = {}
    for position, cue in enumerate(read_cues(text, name, webvtt=True)):
        m = TEAMS_ID.match(cue.ident or "")
        for k, u in enumerate(cue_utterances(cue, prefixes=False)):
            key: object = (m["guid"].lower(), int(m["n"]), u.speaker) if m else (position, k)
            part = int(m["m"]) if m else 0
            groups.setdefault(key, []).append((part, u))
    joined = []
    for parts in groups.values():  # dicts keep first-appearance order: the stable tie-break
        parts.sort(key=lambda p: p[0])
        first = parts[0][1]
        text_ = " ".join(u.text for _, u in parts)
        joined.append(Utterance(first.speaker, text_, first.start, max(u.end for _, u in parts)))
    joined.sort(key=lambda u: u.start if u.start is not None else 0.0)
    return Transcript(FORMAT, finish(joined, name))
