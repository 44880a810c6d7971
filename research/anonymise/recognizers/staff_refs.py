"""Staff, payroll, employee, case, certificate and registration references -> ID.

Four shapes: a coded reference on its own ("EMP-20417", "CR-2020-0113", "FWR/2021/0088",
"E1234567", "s1934207", "4410872-PT", "wal-hsg-0917", "C-100482", "SR 2021/44917",
"RITM0042918"); digit groups of eight digits or more ("4827 1639 50", "2021-0917-33"), or six
after a short lower-case prefix ("bl 220 4419", "inc 0071942"); a number within a few words after a context phrase
("staff number 448213", "payroll 77-1234", "DBS certificate number, 001234567890", "staff no,
mine is 004512", "case reference for the appeal is 2231", "badge 7731", "NHS number, 485 777
3456", "PVG number, 1300 0123 4567 8901", "student number s1934207"); and a bare number of
6-12 digits, which in a transcript is nearly always an identifier (phone numbers, scored
higher, win the overlap). After a context phrase, years, dates, money, counts ("2000 staff")
and UK phone numbers are not references.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result
from research.anonymise.recognizers.lexicon import is_vocabulary

CODED = re.compile(
    r"\b[A-Z]{2,5}[-/](?=[A-Z0-9/-]*\d{3})[A-Z0-9]+(?:[-/][A-Z0-9]+)*\b"  # EMP-20417, FWR/2021/0088
    r"|\b[a-z]{2,5}(?:[-/][a-z]{2,5})*[-/](?=[a-z0-9/-]*\d{3})[a-z0-9]+(?:[-/][a-z0-9]+)*\b"  # wal-hsg-0917, pcc/hou/1093
    r"|\b[A-Z]{1,3}-\d{5,10}\b"  # C-100482
    r"|\b[A-Z]{2,5} \d{2,6}(?:[ /-]\d{2,6}){0,3}\b"  # SR 2021/44917, IR 20 1187 (see _not_coded)
    r"|\b[A-Z]{1,5}\d{6,10}[A-Z]?(?:/\d{1,4})*\b"  # E1234567, RITM0042918, R118204/21/63
    r"|\b[A-Z]{2,5}\d{5}[A-Z]?\b"  # NF40219, HR20931: two letters or more before five digits
    r"|\b[a-z]\d{7,9}\b"  # s1934207 (student and staff log-ins)
    r"|\b[a-z]{2,3}\d{6,10}\b"  # inc0051177: a coded reference typed or transcribed lower case
    r"|(?<![\w£$€.,/-])(?:\d{5,10}-[A-Z]{1,4}|\d{6,10}[A-Z])\b"  # 4410872-PT, 2345678A
    r"|\b[A-Za-z](?:-[A-Za-z]){0,4}(?:-\d){4,}\b"  # F-I-N-0-4-2-6: spelled out as it was read
    r"|\b[A-Z]{1,4}\d{2,4}-\d{3,6}\b"  # GR21-0077: a prefix with its year
)
KEY = (
    r"(?:staff|payroll|employee|employment|personnel|works|badge|applicant|candidate|"
    r"application|claim|member(?:ship)?|case|ticket|NI|insurance|DBS|certificate|pension|"
    r"reference|ref|ID|pin|HR|tenancy|account|customer|service|clock|student|learner|"
    r"matric(?:ulation)?|enrol(?:l)?ment|UCAS|NHS|CHI|hospital|patient|PVG|disclosure|"
    r"SSSC|HCPC|NMC|GMC|GPhC|SWE|registration|licen[cs]e|passport|visa|BRP|permit|"
    r"driving|driver's|security|agency|worker|contractor|locum)"
)
NOUN = r"(?:number|no\.?|num|ref(?:erence)?|id|code|card|pin)"
# 485 777 3456 (NHS), 1300 0123 4567 8901 (PVG): digit groups said or typed apart
GROUPS = r"\d{3,5}(?:[ ]\d{2,5}){1,4}(?![ ]?\d)"
REF = (
    rf"{GROUPS}"
    r"|(?=[A-Z0-9/-]*\d{4})[A-Z]{0,4}[/-]?\d[\dA-Z/-]*\d[A-Z]?(?:-[A-Z]{1,4}\b)?"  # D0071932, 77-1234, 2020/113, 4410872-PT
    r"|\d{4,}[A-Z]?"
)
# a key word alone only for words that name an identifier ("payroll 55012", "ref 2231",
# "badge 7731", "SSSC registration, 3127745", "passport 123456789")
STRONG = (
    r"(?:payroll|reference|ref|ID|pin|DBS|NINO|badge|matric(?:ulation)?|PVG|registration|"
    r"licen[cs]e|passport|visa|BRP|certificate|SSSC|HCPC|NMC|ticket|incident)"
)
CONTEXT = re.compile(
    rf"\b(?:{KEY}\s+{NOUN}|{STRONG})(?:'s|’s)?"
    r"(?:[\s,:;#=.]+(?:(?!\d)[\w'’]+[\s,:;#=.]+){0,6}?|[\s,:;#=.]*)"  # a few words in between
    rf"(?<![£$€])(?P<ref>{REF})\b",
    re.IGNORECASE,
)
# "my number's 448213", "it's 448213": a bare long number, not money, not a decimal
BARE = re.compile(r"(?<![\w£$€.,/-])\d{6,12}(?![\w%]|[.,/-]\d)")
# "4827 1639 50", "2021-0917-33", "bl 220 4419": digit groups (a short prefix of letters in
# lower-case speech), eight digits or more in all (checked below), never a date or a phone
GROUPED = re.compile(r"(?<![\w£$€.,/-])\d{2,6}(?:[ /-]\d{2,6}){1,4}(?![\w%]|[.,/-]\d)")
# a short lower-case word before a bare number that is a reference's prefix ("inc 0071942"),
# unless it is an ordinary little word ("in 2000000")
PREFIX = re.compile(r"(?<![\w'’-])([a-z]{2,4}) $")
NOT_PREFIX = set(
    "in on at to by of is it we me my up so or an as be do go no if us am the and for was are "
    "not but had has his her its our you all any can did get got how let may now off old one "
    "out own per put saw say see set she too two use way who why yes yet age about from with "
    "than then them they this that were what when will your into over just like only some "
    "each more most such also been both here".split()
)
# service-desk prefixes that are also words ("inc" for incident)
TICKET_PREFIXES = {"inc", "req", "chg", "prb", "tkt", "task"}
ISO_DATE = re.compile(r"(?:19|20)\d\d[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01])")
# what a number after a context phrase is when it is no reference
YEAR = re.compile(
    r"(?:19|20)\d\d(?:\s*[-/–]\s*(?:(?:19|20)?\d\d))?|(?:19|20)\d\d(?: (?:19|20)\d\d)+"
)
CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")  # "at 0900"
AT_TIME = re.compile(r"\b(?:at|from|until|till|til|by|before|after|to|and)\s+$", re.IGNORECASE)
DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
COUNTED = re.compile(
    r"\s*(?:%|per\s?cent|[kKm]\b|(?:years?|yrs|months?|weeks?|days?|hours?|hrs|minutes?|mins|"
    r"staff|people|employees|workers|members|applicants|applications|candidates|students|"
    r"pounds|quid|pence|p\b|words|miles|times|calls|cases|posts|jobs|a\.?m\b|p\.?m\b)\b)",
    re.IGNORECASE,
)


def uk_phone_digits(surface: str) -> bool:
    """True if the digits make a UK phone number (a phone, not an ID)."""
    digits = re.sub(r"\D", "", surface)
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "123578"


def not_a_reference(text: str, start: int, end: int) -> bool:
    """Years, dates, money, counts and phone numbers standing where a reference could."""
    ref = text[start:end]
    if YEAR.fullmatch(ref) or DATE.fullmatch(ref) or uk_phone_digits(ref):
        return True
    if start and text[start - 1] in "£$€":
        return True
    if CLOCK.fullmatch(ref) and AT_TIME.search(text, max(0, start - 8), start):
        return True
    return COUNTED.match(text, end) is not None


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
        if not any(c.isdigit() for c in text):
            return []
        out = [
            result("ID", m.start(), m.end(), self.SCORE_CODED, self)
            for m in CODED.finditer(text)
            if not self._not_coded(m.group())
        ]
        for m in CONTEXT.finditer(text):
            if not not_a_reference(text, m.start("ref"), m.end("ref")):
                start = self._prefixed(text, m.start("ref"))  # "a ticket open now, cmn 88213"
                out.append(result("ID", start, m.end("ref"), self.SCORE_CONTEXT, self))
        for m in BARE.finditer(text):
            if COUNTED.match(text, m.end()) is None:
                out.append(result("ID", self._prefixed(text, m.start()), m.end(),
                                  self.SCORE_BARE, self))  # fmt: skip
        for m in GROUPED.finditer(text):
            start = self._prefixed(text, m.start())
            digits = sum(c.isdigit() for c in m.group())
            if digits < 8 and not (start < m.start() and digits >= 6):
                continue
            if not_a_reference(text, m.start(), m.end()):
                continue
            if ISO_DATE.fullmatch(m.group()):  # other dates: not_a_reference
                continue
            out.append(result("ID", start, m.end(), self.SCORE_BARE, self))
        return out

    @staticmethod
    def _not_coded(ref: str) -> bool:
        """ "mid-2020", "GCSE 2019", "KS 12": a year after a word, or under four digits after
        a word and a space ("GR-118" is a reference)."""
        parts = re.split(r"[ /-]", ref, maxsplit=1)
        if len(parts) < 2:
            return False
        spaced = ref[len(parts[0])] == " "
        return YEAR.fullmatch(parts[1]) is not None or (spaced and sum(map(str.isdigit, ref)) < 4)

    @staticmethod
    def _prefixed(text: str, start: int) -> int:
        """Start of a bare number, or of a short lower-case prefix said before it ("inc")."""
        m = PREFIX.search(text, max(0, start - 6), start)
        if m is None or m.group(1) in NOT_PREFIX or m.group(1).startswith(("no", "nos")):
            return start
        if is_vocabulary(m.group(1)) and m.group(1) not in TICKET_PREFIXES:
            return start  # "or text 07700900561": a word, not a prefix
        return m.start(1)
