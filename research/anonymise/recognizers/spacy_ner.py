"""spaCy NER (PERSON, ORG, GPE/LOC/FAC -> PLACE) without its usual transcript false positives.

Measured on the demo corpus: spaCy's ORG fires on "Otter", "Teams", "HR" and programme names,
so an ORG is kept only if it holds an organisation word ("Council", "Trust"...), or when
``keep_all_orgs`` is set. PERSON made only of titles, stop words or a short acronym ("Mrs",
"No Mx", "CV"), or one ordinary English word opening a sentence ("Glass ceiling."), is dropped.
A PLACE that is a country, continent or large region ("Ghana", "UK", "West Midlands") is not
identifying and is dropped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from research.anonymise.recognizers.base import TITLES
from research.anonymise.recognizers.lexicon import english_words

ORG_WORDS = {
    "council",
    "councils",
    "authority",
    "trust",
    "nhs",
    "police",
    "university",
    "college",
    "school",
    "hospital",
    "agency",
    "ltd",
    "limited",
    "plc",
    "group",
    "partnership",
    "association",
    "service",
    "services",
    "housing",
    "foundation",
    "charity",
    "bank",
    "academy",
    "centre",
    "network",
    "union",
    "board",
    "department",
    "ministry",
    "mbc",
    "cc",
}
NOT_ENTITIES = {"teams", "zoom", "otter", "microsoft teams"}
# what people call their parents and grandparents: "look after Dad", "Mum's carer"
NOT_ENTITIES |= {"dad", "mum", "mam", "mom", "nan", "nana", "gran", "granny", "grandad"}
NOT_ENTITIES |= {"grandma", "grandpa", "daddy", "mummy", "papa", "mama", "dad's", "mum's"}
# regions too large to identify anyone (the study itself is of West Midlands councils)
REGIONS = {
    "uk",
    "u.k.",
    "britain",
    "great britain",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "europe",
    "the uk",
    "west midlands",
    "the west midlands",
    "midlands",
    "the midlands",
    "black country",
    "the black country",
    "the north",
    "the south",
    "down south",
    "up north",
    "commonwealth",
}


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names (packaged list) plus continents and nationality words: never PII here."""
    from research.anonymise.recognizers.lexicon import country_names, not_names

    return frozenset(country_names() | not_names() | REGIONS)


def opens_sentence(start: int, text: str) -> bool:
    """True if nothing but an opening quote or bracket stands between a sentence end and start."""
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".?!:;…-–—"


class FilteredSpacyRecognizer(SpacyRecognizer):
    """Presidio's SpacyRecognizer with the filters described in the module docstring."""

    def __init__(self, keep_all_orgs: bool = False):
        super().__init__(
            supported_entities=["PERSON", "ORG", "PLACE"], ner_strength=0.85, name="SpacyRecognizer"
        )
        self.keep_all_orgs = keep_all_orgs

    def keep(self, entity: str, surface: str, start: int, text: str) -> bool:
        from spacy.lang.en.stop_words import STOP_WORDS

        toks = [w.strip(".,'’").lower() for w in surface.split()]
        toks = [t for t in toks if t]
        if not toks or " ".join(toks) in NOT_ENTITIES:
            return False
        if entity == "PLACE":
            return " ".join(toks) not in countries()
        if entity == "ORG":
            return self.keep_all_orgs or bool(set(toks) & ORG_WORDS)
        if entity == "PERSON":
            if all(t in TITLES or t in STOP_WORDS for t in toks):
                return False
            if len(toks) == 1 and surface.isupper() and len(surface) <= 4:
                return False
            if len(toks) == 1 and toks[0] in english_words() and opens_sentence(start, text):
                return False
        return True

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        results = super().analyze(text, entities, nlp_artifacts)
        return [
            r for r in results if self.keep(r.entity_type, text[r.start : r.end], r.start, text)
        ]
