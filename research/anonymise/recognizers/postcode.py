"""Full UK postcodes ("B21 9QT", "cv2 4gh", "WV100AA"): the Royal Mail format, any case."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

POSTCODE = (
    r"\b(?:GIR\s?0AA"
    r"|[A-PR-UWYZ](?:[0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9]{1,2}|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r"\s?[0-9][ABD-HJLNP-UW-Z]{2})\b"
)


class UkPostcodeRecognizer(PatternRecognizer):
    """POSTCODE; the full format is distinctive enough to score above the threshold alone."""

    PATTERNS = [Pattern("uk postcode", POSTCODE, 0.7)]
    CONTEXT = ["postcode", "address", "live", "street", "road"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="POSTCODE",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            name="UkPostcodeRecognizer",
            supported_language="en",
        )
