"""UK phone numbers as people say and type them: "07700 900 123", "0121 496 0000", "+44 ...".

Presidio's PhoneRecognizer (libphonenumber, region GB) rejects the Ofcom drama ranges and
odd spacing; this regex takes any 10-11 digit UK-shaped number instead.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

UK_PHONE = (
    r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)"  # +44, +44 (0), 0 or (0
    r"\d{2,4}\)?(?:[\s-]?\d){5,8}(?![\w-])"
)


class UkPhoneRecognizer(PatternRecognizer):
    """PHONE for UK numbers with spoken or written spacing."""

    PATTERNS = [Pattern("uk phone", UK_PHONE, 0.7)]
    CONTEXT = ["phone", "number", "mobile", "ring", "call", "text", "tel", "landline", "line"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            name="UkPhoneRecognizer",
            supported_language="en",
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = re.sub(r"\D", "", pattern_text)
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        return len(digits) in (10, 11) and digits[1] in "123578"
