"""SubRip .srt: numbered cues, '00:00:01,000 --> 00:00:02,000', optional "Name:" prefix."""

from __future__ import annotations

from research.corpora.model import Transcript, Utterance
from research.corpora.readers.cues import read_cues
from research.corpora.readers.text import decode, finish, split_prefix, strip_markup

FORMAT = "srt"


def read(data: bytes | str, name: str = "<input>") -> Transcript:
    """Read an .srt in cue order; cues without a "Name:" prefix get "Unknown speaker"."""
    text = decode(data, name)
    utterances = []
    for cue in read_cues(text, name, webvtt=False):
        speaker, payload = split_prefix(strip_markup("\n".join(cue.lines)).strip())
        utterances.append(Utterance(speaker or "", payload, cue.start, cue.end))
    return Transcript(FORMAT, finish(utterances, name))
