"""Ordinary words capitalised mid-sentence, that nothing else explains -> ORG / PLACE, pending.

"Matrix supply most of our temps", "What worked was when Unity got a councillor in",
"the levy with Stoke College and Realise". A firm, a charity or a staff network named by an
ordinary word is told from the word only by its capital. Mid-sentence, where the capital is
not the sentence's, such a word in no list of what the tool keeps on purpose (months, days,
nationalities, departments, public bodies, titles) is redacted and left for the ethics lead
(score below review_below): a name missed is a leak, a word redacted is one review. A run
ending in a place word ("on Mill Bank") is a place; any other an organisation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import lower_case_turn, nlp_doc, result, sentence_start
from research.anonymise.recognizers.brands import public_bodies
from research.anonymise.recognizers.lexicon import (
    country_names,
    is_demonym,
    is_word_form,
    not_names,
)
from research.anonymise.recognizers.lower_case import OPEN_HEADS
from research.anonymise.recognizers.places import PLACE_NOUNS

MAX_WORDS = 3
# where a candidate can be: a capitalised word of three letters or more after a character that
# ends no sentence (a cheap test before the tokens are read)
MID_CAPITAL = re.compile(r"[^\s.!?]\s+[A-Z][^\W\d_]{2,}")
PLACE_HEADS = PLACE_NOUNS | OPEN_HEADS


@lru_cache(maxsize=1)
def _kept() -> frozenset[str]:
    """Lower-case words a capital does not make a name: departments, generic organisation
    words, titles, faiths and identities."""
    from research.anonymise.names import HONORIFICS, TITLES
    from research.anonymise.recognizers.orgs import DEPARTMENT_WORDS, GENERIC

    words = set(DEPARTMENT_WORDS) | set(GENERIC) | set(TITLES) | set(HONORIFICS)
    words |= IDENTITY
    return frozenset(words)


# identities, faiths, family words and talk people capitalise: never a name on their own
# (not_names.txt, checked too, holds the faiths, festivals and nationalities already)
IDENTITY = {
    "mixed", "muslims", "christians", "jew", "jews", "sikhs", "hindus", "catholics",
    "protestant", "islamic", "deaf", "bible", "quran", "koran", "mum", "mam", "mom", "dad",
    "nan", "gran", "grandad", "traveller", "travellers", "gypsy", "roma", "lgbtq", "pride",
    "internet", "online", "level", "year", "stage", "key", "grade", "band", "part", "chapter",
    "okay", "ok", "oh", "yes", "no", "hi", "hello", "thanks", "thank", "section", "otter",
    "perfect", "seriously", "let", "great", "brilliant", "right", "sorry", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "city", "county",
    "borough", "town", "village", "council", "street", "road", "avenue",
}  # fmt: skip


class CapitalisedWordRecognizer(LocalRecognizer):
    """ORG for a run of capitalised ordinary words mid-sentence (see the module docstring)."""

    SCORE = 0.4  # applied, and below review_below: the ethics lead decides

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG", "PLACE"],
            supported_language="en",
            name="CapitalisedWordRecognizer",
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        if not MID_CAPITAL.search(text):
            return []  # no capitalised word after anything but a sentence's end
        doc = nlp_doc(nlp_artifacts)
        if doc is None or lower_case_turn(doc):
            return []
        kept = _kept()
        out = []
        k, n = 0, len(doc)
        while k < n:
            if not self._candidate(doc[k], kept) or self._opens(doc, k):
                k += 1
                continue
            j = k
            while j + 1 < n and j + 1 - k < MAX_WORDS and self._candidate(doc[j + 1], kept):
                j += 1
            if not self._joined(doc, k, j) and not self._public(doc, k, j):
                kind = "PLACE" if doc[j].lower_ in PLACE_HEADS else "ORG"  # "on Mill Bank"
                out.append(result(kind, doc[k].idx, doc[j].idx + len(doc[j]), self.SCORE, self))
            k = j + 1
        return out

    @staticmethod
    def _joined(doc: Any, k: int, j: int) -> bool:
        """Part of a longer title-case phrase (another recognizer's to judge), of a compound
        ("Well-being", "Drop-in") or beside a placeholder ("Tell [Organisation C]")."""
        before = doc[k - 1].text if k > 0 else ""
        after = doc[j + 1] if j + 1 < len(doc) else None
        if before[:1].isupper() or before in {"-", "–"}:
            return True
        return after is not None and (
            (after.text[:1].isupper() and after.is_alpha)
            or after.text.startswith("[")
            or after.text in {"-", "–"}
        )

    @staticmethod
    def _public(doc: Any, k: int, j: int) -> bool:
        """Inside a national body the tool keeps: "Citizens Advice", "Access to Work"."""
        bodies = public_bodies()
        return any(
            doc[i:e].text.lower() in bodies
            for i in range(max(0, k - 3), k + 1)
            for e in range(j + 1, min(len(doc), j + 4) + 1)
        )

    @staticmethod
    def _opens(doc: Any, k: int) -> bool:
        """A sentence's first word, or the first after a bracket or quote ("[laughs] Let's",
        "[Person 3] Thank you", "'Candidate C-40918'"), whose capital says nothing."""
        if sentence_start(doc, k):
            return True
        prev = doc[k - 1].text
        return prev[-1:] in {"[", "(", "]", ")", "'", "‘", '"', "“", "-", "–", "—", "…"}

    @staticmethod
    def _candidate(tok: Any, kept: frozenset[str]) -> bool:
        text, low = tok.text, tok.lower_
        if not (tok.is_alpha and text[0].isupper() and text[1:].islower() and len(text) > 2):
            return False
        if low in kept or low in not_names() or is_demonym(low) or low in country_names():
            return False
        return is_word_form(low)
