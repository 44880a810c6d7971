"""Staff, payroll, employee, case and certificate references -> ID.

Three shapes: a coded reference on its own ("EMP-20417", "CR-2020-0113", "FWR/2021/0088",
"E1234567"); a number within a few words after a context phrase ("staff number 448213",
"payroll 77-1234", "DBS certificate number, 001234567890", "staff no, mine is 004512",
"case reference for the appeal is 2231"); and a bare number of 6-12 digits, which in a
transcript is nearly always an identifier (phone numbers, scored higher, win the overlap).
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result

CODED = re.compile(
    r"\b[A-Z]{2,5}[-/](?=[A-Z0-9/-]*\d{3})[A-Z0-9]+(?:[-/][A-Z0-9]+)*\b"  # EMP-20417, FWR/2021/0088
    r"|\b[A-Z]{1,3}\d{6,10}[A-Z]?\b"  # E1234567, H0448213
)
KEY = (
    r"(?:staff|payroll|employee|employment|personnel|works|badge|applicant|candidate|"
    r"application|claim|member(?:ship)?|case|ticket|NI|insurance|DBS|certificate|pension|"
    r"reference|ref|ID|pin|HR|tenancy|account|customer|service|clock)"
)
NOUN = r"(?:number|no\.?|num|ref(?:erence)?|id|code)"
REF = (
    r"(?=[A-Z0-9/-]*\d{4})[A-Z]{0,4}[/-]?\d[\dA-Z/-]*\d[A-Z]?"  # D0071932, 77-1234, 2020/113
    r"|\d{4,}[A-Z]?"
)
# a key word alone only for words that name an identifier ("payroll 55012", "ref 2231")
STRONG = r"(?:payroll|reference|ref|ID|pin|DBS|NINO)"
CONTEXT = re.compile(
    rf"\b(?:{KEY}\s+{NOUN}|{STRONG})(?:'s|’s)?"
    r"(?:[\s,:;#=.]+(?:(?!\d)[\w'’]+[\s,:;#=.]+){0,6}?|[\s,:;#=.]*)"  # a few words in between
    rf"(?P<ref>{REF})\b",
    re.IGNORECASE,
)
# "my number's 448213", "it's 448213": a bare long number, not money, not a decimal
BARE = re.compile(r"(?<![\w£$€.,/-])\d{6,12}(?![\w%]|[.,/-]\d)")


class StaffRefRecognizer(LocalRecognizer):
    """ID for employee/payroll/case references."""

    SCORE_CODED = 0.75
    SCORE_CONTEXT = 0.85
    SCORE_BARE = 0.5

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ID"], supported_language="en", name="StaffRefRecognizer"
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        out = [
            result("ID", m.start(), m.end(), self.SCORE_CODED, self) for m in CODED.finditer(text)
        ]
        if any(c.isdigit() for c in text):
            for m in CONTEXT.finditer(text):
                out.append(result("ID", m.start("ref"), m.end("ref"), self.SCORE_CONTEXT, self))
            for m in BARE.finditer(text):
                out.append(result("ID", m.start(), m.end(), self.SCORE_BARE, self))
        return out
