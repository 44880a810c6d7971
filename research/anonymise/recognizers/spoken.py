"""Phone numbers, references and e-mail addresses said in words, as transcribed speech has them.

- PHONE: a UK number of 10-11 digits read out ("oh one nine one, four nine eight, oh seven
  seven two", "oh seven seven double oh, nine double oh, three four one", "zero seven seven
  hundred ...", "plus four four seven seven ..."), digit words and digit groups mixed, with
  commas, hyphens or "and" between groups; an extension read out after "extension"/"ext".
- ID: four or more digits read out within a few words after an identifier word ("my staff
  number is four four eight two one three", "badge seven seven three one").
- EMAIL: an address read out ("b dot ajayi at gateshead dot gov dot uk", "jo underscore smith
  at gmail dot com", "b.ajayi at gateshead dot gov dot uk"); not when the part before "at" is
  an ordinary word ("email me at gmail dot com", "I work at tesco dot com").
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result
from research.anonymise.recognizers.phone import is_uk_national

UNITS = {
    "oh": "0",
    "o": "0",
    "zero": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
TEENS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
}
TENS = {
    "twenty": "2",
    "thirty": "3",
    "forty": "4",
    "fifty": "5",
    "sixty": "6",
    "seventy": "7",
    "eighty": "8",
    "ninety": "9",
}
REPEAT = {"double": 2, "treble": 3, "triple": 3}
ZEROS = {"hundred": "00"}
WORDS = [*UNITS, *TEENS, *TENS, *REPEAT, *ZEROS]
ATOM = r"(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r"|\d+)"
SEP = r"(?:[ \t]*[,;–-][ \t]*|[ \t]+)(?:and[ \t]+)?"
# a run of number words and digit groups (at least three tokens: phrases like "one or two"
# or "two and a half" never get that far)
RUN = re.compile(rf"(?<![\w'’-])(?:plus{SEP})?{ATOM}(?:{SEP}{ATOM}){{2,}}(?![\w'’])", re.IGNORECASE)
MAX_TOKENS = 16  # a number read out is at most this many words ("plus four four seven ...")
TOKEN = re.compile(rf"{ATOM}|plus", re.IGNORECASE)
EXT_BEFORE = re.compile(r"\bext(?:ension)?\.?(?:\s+(?:no\.?|number))?[\s,:]*$", re.IGNORECASE)

# up to four letters said before the digits of a reference ("E one oh four five eight two",
# "r e c zero four four seven one"), never the article or the pronoun
LETTER_PREFIX = re.compile(
    r"(?<![\w'’])((?![aAI]\b)[A-Za-z](?:[ \t]+(?![aAI]\b)[A-Za-z]){0,3}|[A-Z]{2})[ \t]+$"
)
# a short code said as one word before the digits of a reference ("ag four four one seven")
CODE_BEFORE = re.compile(r"(?<![\w'’])([A-Za-z]{2,3})[ \t]+$")
NOT_CODES = {
    "is", "was", "its", "my", "me", "no", "the", "an", "of", "to", "on", "at", "and", "or", "as",
    "id", "ref", "it", "be", "by", "for", "are", "his", "her", "our", "one", "two", "six",
    "ten", "oh", "um", "er", "erm", "so", "say", "yes", "yeah", "now", "not", "but", "had", "has",
}  # fmt: skip
# identifier words a read-out reference follows within a few words (as in staff_refs)
ID_BEFORE = re.compile(
    r"\b(?:staff|payroll|employee|badge|candidate|applicant|application|member(?:ship)?|case|"
    r"ticket|NI|insurance|DBS|certificate|pension|reference|ref|ID|pin|student|learner|"
    r"matric(?:ulation)?|NHS|PVG|SSSC|HCPC|NMC|registration|licen[cs]e|passport|visa|BRP|"
    r"account|customer|tenancy|claim|works|clock|number)(?:'s|’s)?"
    r"(?:[\s,:;#=]+[\w'’]+){0,5}[\s,:;#=]*$",
    re.IGNORECASE,
)

TLDS = set(
    "uk com org net gov ac nhs co io scot wales cymru info biz edu ie eu me mail london".split()
)
LOCAL_SEP = r"(?:\s+(?:dot|point|underscore|dash|hyphen)\s+|[._-])"
DOMAIN_SEP = r"(?:\s+(?:dot|point)\s+|\.)"
LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
# a domain label with a hyphen said aloud: "pennine hyphen insight dot co dot uk"
DLABEL = rf"{LABEL}(?:\s+(?:hyphen|dash)\s+{LABEL})*"
EMAIL = re.compile(
    rf"(?<![\w@.-])(?P<local>{LABEL}(?:{LOCAL_SEP}{LABEL}){{0,4}})"
    r"(?P<at>\s+at(?:\s+(?:sign|symbol))?\s+|\s*@\s*)"
    # a firm's name said as two words: "at nant research dot co dot uk"
    rf"(?P<domain>{DLABEL}(?:\s+(?!(?:dot|point|at)\b){LABEL})?(?:{DOMAIN_SEP}{DLABEL}){{1,4}})"
    r"(?![\w@-]|\.[a-z0-9])",
    re.IGNORECASE,
)
SPACED_AT = re.compile(r"\s@|@\s")  # "b.ajayi @ gateshead.gov.uk", as typed into a chat
YEAR = re.compile(r"(?:19|20)\d\d")
SPOKEN = re.compile(r"\b(?:dot|point|underscore|dash|hyphen|at)\b", re.IGNORECASE)
# an ordinary word before "at" is no mailbox: "email me at gmail dot com"
NOT_LOCAL = set(
    "me us him her them it is was am are be been email e-mail mail address one that "
    "this there here you i we they she he or and on just mine hers his theirs ours "
    "yours work home else everyone anyone someone directly look looked works worked "
    "based live lives lived stay stayed go went apply applied online advertised "
    "posted listed found find".split()
)


def read_digits(words: list[str], plain: bool = False) -> str | None:
    """The digits a run of number words and digit groups spells, or None if it is no number.

    ``plain``: digit words, "double"/"treble" and digit groups only (references: "twenty
    twenty one" is a year, "seven hundred and fifty" an amount).
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i].lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if w.isdigit():
            out.append(w)
        elif w in REPEAT:
            if nxt in UNITS:
                out.append(UNITS[nxt] * REPEAT[w])
            elif nxt.isdigit() and len(nxt) == 1:
                out.append(nxt * REPEAT[w])
            else:
                return None
            i += 1
        elif w in UNITS:
            out.append(UNITS[w])
        elif plain and (w in TEENS or w in TENS or w in ZEROS or w == "plus"):
            return None
        elif w in TEENS:
            out.append(TEENS[w])
        elif w in TENS:
            if nxt in UNITS and UNITS[nxt] != "0" and nxt not in ("o", "oh"):
                out.append(TENS[w] + UNITS[nxt])
                i += 1
            else:
                out.append(TENS[w] + "0")
        elif w in ZEROS:
            if not out:
                return None  # "hundred" needs a digit before it: "seven hundred"
            out.append(ZEROS[w])
        elif w == "plus":
            if i:
                return None
            out.append("+")
        else:
            return None
        i += 1
    return "".join(out)


def uk_phone(digits: str) -> bool:
    if digits.startswith("+44"):
        digits = "0" + digits[3:].lstrip("0")
    return is_uk_national(digits)


class SpokenRecognizer(LocalRecognizer):
    """PHONE, ID and EMAIL read out in words."""

    SCORE_PHONE = 0.8
    SCORE_EXTENSION = 0.6
    SCORE_ID = 0.7
    SCORE_BARE_ID = 0.5
    SCORE_EMAIL = 0.85

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PHONE", "ID", "EMAIL"],
            supported_language="en",
            name="SpokenRecognizer",
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        out = []
        if not entities or "PHONE" in entities or "ID" in entities:
            out += self._numbers(text)
        if (not entities or "EMAIL" in entities) and ("@" in text or SPOKEN.search(text)):
            out += self._emails(text)
        return out

    def _numbers(self, text: str) -> list:
        out = []
        for m in RUN.finditer(text):
            tokens = [(t.start(), t.end(), t.group()) for t in TOKEN.finditer(m.group())]
            if all(w.isdigit() for _, _, w in tokens):
                continue  # written digits: the phone and reference patterns' job
            found = self._best(text, m.start(), tokens)
            if found is not None:
                out.append(found)
        return out

    def _best(self, text: str, base: int, tokens: list[tuple[int, int, str]]) -> Any:
        """The longest phone number in a run, else an extension or a reference (a leading
        word may belong to the sentence: "no one" ... is tried without it)."""
        spans = [
            (i, j, [w for _, _, w in tokens[i:j]])
            for i in range(len(tokens))
            for j in range(min(len(tokens), i + MAX_TOKENS), i + 1, -1)
        ]
        spans = [(i, j, w) for i, j, w in spans if not all(x.isdigit() for x in w)]
        for i, j, words in spans:
            digits = read_digits(words)
            if digits and uk_phone(digits):
                start, end = base + tokens[i][0], base + tokens[j - 1][1]
                return result("PHONE", start, end, self.SCORE_PHONE, self)
        for i, j, words in spans:
            digits = read_digits(words, plain=True)
            if not digits or len(digits) < 3:
                continue
            start, end = base + tokens[i][0], base + tokens[j - 1][1]
            before = text[max(0, start - 60) : start]
            ext = EXT_BEFORE.search(before)
            if ext and len(digits) <= 5:
                begin = start - len(before) + ext.start()
                return result("PHONE", begin, end, self.SCORE_EXTENSION, self)
            if len(digits) > 16 or YEAR.fullmatch(digits):
                continue
            prefix = LETTER_PREFIX.search(before)
            if prefix and len(digits) >= 4:  # "it's E one oh four five", "p zero zero four"
                begin = start - len(before) + prefix.start(1)
                return result("ID", begin, end, self.SCORE_ID, self)
            if len(digits) >= 4 and ID_BEFORE.search(before):
                code = CODE_BEFORE.search(before)  # "my staff number is ag four four one seven"
                if code and code.group(1).lower() not in NOT_CODES:
                    start = start - len(before) + code.start(1)
                return result("ID", start, end, self.SCORE_ID, self)
            if len(digits) >= 6:  # six digits read one by one: nobody counts like that
                return result("ID", start, end, self.SCORE_BARE_ID, self)
        return None

    def _emails(self, text: str) -> list:
        out = []
        pos = 0
        while (m := EMAIL.search(text, pos)) is not None:
            pos = m.start("domain")  # "her at sarah dot jones at nhs dot net": look again
            if not SPOKEN.search(m.group()) and not SPACED_AT.search(m.group()):
                continue  # a written address: OfflineEmailRecognizer's job
            local = m.group("local").lower()
            if local in NOT_LOCAL or (local.isalpha() and local.endswith(("ing", "ed"))):
                continue  # "email me at ...", "I work at tesco dot com": no mailbox
            labels = list(re.finditer(LABEL, m.group("domain"), re.IGNORECASE))
            ends = [
                m.start("domain") + x.end()
                for k, x in enumerate(labels)
                if k and x.group().lower() in TLDS
            ]
            if ends:  # not "at two point five"
                out.append(result("EMAIL", m.start(), ends[-1], self.SCORE_EMAIL, self))
                pos = ends[-1]
        return out
