"""The in-memory transcript: a list of speaker turns with times."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Utterance:
    """One speaker turn. Times are seconds from the start of the recording (None if unknown)."""

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Transcript:
    """What a reader made of one file."""

    format: str  # one of research.corpora.formats.FORMATS
    utterances: list[Utterance] = field(default_factory=list)
    title: str | None = None  # e.g. the Teams .docx meeting title, if any

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for u in self.utterances:
            seen.setdefault(u.speaker, None)
        return list(seen)

    @property
    def word_count(self) -> int:
        return sum(len(u.text.split()) for u in self.utterances)

    def to_dict(self) -> dict:
        return {"format": self.format, "utterances": [u.to_dict() for u in self.utterances]}
