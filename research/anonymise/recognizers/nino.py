"""UK National Insurance numbers, with or without spaces ("QQ 12 34 56 C", "qq123456c")."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

# Presidio's UkNinoRecognizer excludes prefixes such as QQ, the format HMRC uses in examples
# (and so do training materials): the shape alone is distinctive enough in transcripts.
NINO = r"\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b"


class NinoRecognizer(PatternRecognizer):
    """ID for National Insurance numbers."""

    PATTERNS = [Pattern("uk nino", NINO, 0.8)]
    CONTEXT = ["national", "insurance", "ni", "nino"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ID",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            name="NinoRecognizer",
            supported_language="en",
        )
