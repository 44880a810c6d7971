"""Zoom cloud-recording WebVTT: integer cue ids, "Display Name: text" payloads, in cue order.

Cues without a name-like prefix (a URL or "8:00" is not one) get "Unknown speaker".
"""

from __future__ import annotations

from research.corpora.model import Transcript
from research.corpora.readers.cues import read_cues
from research.corpora.readers.text import decode, finish
from research.corpora.readers.vtt import cue_utterances

FORMAT = "zoom-vtt"


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read a Zoom .vtt; consecutive cues of one speaker become one turn."""
    text = decode(data, name)
    cues = read_cues(text, name, webvtt=True)
    utterances = [u for cue in cues for u in cue_utterances(cue, prefixes=True)]
    return Transcript(FORMAT, finish(utterances, name))
