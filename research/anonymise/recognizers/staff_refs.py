"""Staff, payroll, employee and case references -> ID.

Two shapes: a coded reference on its own ("EMP-20417", "CR-2020-0113", "ATW-3318-0927") and a
number after a context phrase ("staff number 448213", "payroll no. 55012", "my staff number
is D0071932", "case ref 2231").
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result

CODED = re.compile(r"\b[A-Z]{2,5}-(?=[A-Z0-9-]*\d{3})[A-Z0-9]+(?:-[A-Z0-9]+)*\b")
CONTEXT = re.compile(
    r"\b(?:(?:staff|payroll|employee|personnel|works|badge|applicant|candidate|application|"
    r"claim|member(?:ship)?|case|ticket|NI|insurance)\s+(?:number|no\.?|num|ref(?:erence)?|id|code)"
    r"|reference|ref|payroll|ID|pin)(?!\w)"
    r"(?:\s+(?:is|was|it's|being))?\s*[:#=]?\s*(?:number\s+)?"
    r"(?P<ref>(?=[A-Z0-9/-]*\d{4})[A-Z]{0,4}[/-]?\d[\dA-Z/-]*\d[A-Z]?|\d{4,}[A-Z]?)\b",
    re.IGNORECASE,
)


class StaffRefRecognizer(LocalRecognizer):
    """ID for employee/payroll/case references."""

    SCORE_CODED = 0.75
    SCORE_CONTEXT = 0.85

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
        for m in CONTEXT.finditer(text):
            out.append(result("ID", m.start("ref"), m.end("ref"), self.SCORE_CONTEXT, self))
        return out
