"""UK phone numbers as people say and type them: "07700 900 123", "0121 496 0000", "+44 ...".

Presidio's PhoneRecognizer (libphonenumber, region GB) rejects the Ofcom drama ranges and
odd spacing; this regex takes any 10-11 digit UK-shaped number instead, with an extension
after it ("0191 498 0621 ext 4412", "... x2210"). An internal extension said on its own
("or extension 2210 from a council phone", "ext. 4412") is a phone number too.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer


def is_uk_national(digits: str) -> bool:
    """A UK number in national form: 10-11 digits, 0 then a geographic/mobile/non-geographic
    range (01, 02, 03, 05, 07, 08)."""
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "123578"


EXT_WORD = r"(?:ext(?:ension)?\.?|x)"
UK_PHONE = (
    r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)"  # +44, +44 (0), 0 or (0
    r"\d{2,4}\)?(?:[\s.-]?\d){5,8}"
    rf"(?:\s*,?\s*{EXT_WORD}\s*\d{{2,5}})?"  # ", ext 4412", " x2210"
    r"(?![\w-]|\.\d)"
)
# "extension 2210", "ext. 4412", "extension number 2210" (no bare "x": "x 2210" is too vague)
EXTENSION = (
    r"(?<![\w.])ext(?:ension)?\.?\s*(?:(?:no\.?|number)\s*)?(?::\s*)?\d{3,5}(?![\w%-]|[.,]\d)"
)
TRAILING_EXT = re.compile(rf"\s*,?\s*{EXT_WORD}\s*\d+$", re.IGNORECASE)


class UkPhoneRecognizer(PatternRecognizer):
    """PHONE for UK numbers with spoken or written spacing, and internal extensions."""

    PATTERNS = [Pattern("uk phone", UK_PHONE, 0.7), Pattern("extension", EXTENSION, 0.6)]
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
        if pattern_text[:3].lower() == "ext":
            return True  # an extension on its own
        digits = re.sub(r"\D", "", TRAILING_EXT.sub("", pattern_text))
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        return is_uk_national(digits)
