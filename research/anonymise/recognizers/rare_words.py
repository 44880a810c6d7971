"""Rare words in a turn typed without capitals -> PLACE / ORG / PERSON, pending review.

Otter's casual style drops the capitals that tell a name from a word: "based out of leechmere
but my patch is mostly sulgrave". What still tells them apart is how rare the word is. A word
in none of the tool's word lists and rarer than about 1 in 300,000 words of English (wordfreq's
Zipf 2.5, common_words.txt.gz) is, in such a turn, far more often a name than a word: a street,
an estate, a firm, a nickname. Each is redacted and left pending the ethics lead's review
(score below review_below), so a jargon word the lists lack costs one review, not a leak.

The entity type is a guess from the word before: after "at", "in", "from"... a place; a word
with no vowel ("stsft", "whg") an organisation's initials; otherwise a person. Runs of such
words are one name ("eyres monsell"), with a place word that ends them ("leechmere road").
Only turns typed without capitals: in a cased turn a capital says more than rarity does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import lower_case_turn, nlp_doc, result
from research.anonymise.recognizers.lexicon import (
    common_acronyms,
    common_words,
    country_names,
    is_demonym,
    is_word_form,
    not_names,
)
from research.anonymise.recognizers.places import PLACE_NOUNS

PLACE_BEFORE = {"at", "in", "on", "from", "near", "round", "around", "towards", "past", "via"}
PLACE_BEFORE |= {"off", "opposite", "outside", "behind", "into", "across", "along", "of", "to"}
VOWELS = set("aeiouy")
MIN_LENGTH = 3


@lru_cache(maxsize=65536)
def is_rare(low: str) -> bool:
    """A lower-case alphabetic word in no word list, not frequent, not a known acronym."""
    if len(low) < MIN_LENGTH or not low.isalpha():
        return False
    if low in common_words() or is_word_form(low) or low in not_names():
        return False
    listed = low.upper() in common_acronyms() or low in country_names()
    return not (listed or is_demonym(low))


class RareWordRecognizer(LocalRecognizer):
    """Rare words in a lower-case turn, pending review (see the module docstring)."""

    SCORE = 0.4  # applied, and below review_below: the ethics lead decides

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON", "PLACE", "ORG"],
            supported_language="en",
            name="RareWordRecognizer",
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None or not lower_case_turn(doc):
            return []
        out = []
        k = 0
        while k < len(doc):
            if not is_rare(doc[k].lower_):
                k += 1
                continue
            i = j = k
            while j + 1 < len(doc) and is_rare(doc[j + 1].lower_):
                j += 1
            kind = self._kind(doc, i, j)
            if j + 1 < len(doc) and doc[j + 1].lower_ in PLACE_NOUNS:
                j, kind = j + 1, "PLACE"
            out.append(result(kind, doc[i].idx, doc[j].idx + len(doc[j]), self.SCORE, self))
            k = j + 1
        return out

    @staticmethod
    def _kind(doc: Any, i: int, j: int) -> str:
        if i == j and not VOWELS & set(doc[i].lower_):
            return "ORG"
        if i > 0 and doc[i - 1].lower_ in PLACE_BEFORE:
            return "PLACE"
        return "PERSON"
