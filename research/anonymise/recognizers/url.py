"""URLs: a scheme or "www.", or a bare domain under a common suffix (regex only, no lookups)."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

SUFFIXES = r"(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|sch\.uk|police\.uk|com|org|net|uk|io|info)"


class SimpleUrlRecognizer(PatternRecognizer):
    """URL; Presidio's URL regex matches "ok.so" and similar in transcripts, this one does not."""

    PATTERNS = [
        Pattern("url with scheme", r"\b(?:https?://|www\.)[^\s<>\"'()]+[^\s<>\"'().,;:!?]", 0.7),
        Pattern(
            "bare domain",
            r"(?<![@\w.-])(?:[a-z0-9][a-z0-9-]*\.)+"
            + SUFFIXES
            + r"(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?])?\b",
            0.6,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="URL",
            patterns=self.PATTERNS,
            name="UrlRecognizer",
            supported_language="en",
        )
