"""Known people: every speaker's display name and its parts, plus names propagated in."""

from __future__ import annotations

import re
from collections.abc import Iterable

from research.anonymise.recognizers.base import TITLES
from research.anonymise.recognizers.known_terms import KnownTermsRecognizer
from research.anonymise.recognizers.lexicon import name_words

_BRACKETED = re.compile(r"\s*[\(\[].*?[\)\]]\s*")  # "Priya Sharma (She/Her)", "[Guest]"
_PARTICLES = {
    "al",
    "el",
    "de",
    "da",
    "del",
    "der",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "bin",
    "bint",
    "ibn",
    "abu",
    "st",
    "mc",
    "mac",
}


def name_variants(display: str) -> list[str]:
    """'Okonkwo, Chidi' -> ['Okonkwo, Chidi', 'Chidi Okonkwo', 'Chidi', 'Okonkwo'].

    Parts shorter than 2 letters, titles, particles and English stop words are left out,
    except stop words that are common names (Will, May: see data/english_name_words.txt).
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    display = " ".join(_BRACKETED.sub(" ", display).split())
    if not display or "@" in display:
        return [display] if display else []
    out = [display]
    natural = display
    if display.count(",") == 1:
        last, first = (p.strip() for p in display.split(","))
        if last and first:
            natural = f"{first} {last}"
            out.append(natural)
    words = [w.strip(".") for w in natural.split()]
    words = [w for w in words if w.lower() not in TITLES]
    if len(words) > 1:
        out.append(" ".join(words))
    for w in words:
        for part in [w, *w.split("-")] if "-" in w else [w]:
            low = part.lower()
            stop = low in STOP_WORDS and low not in name_words()  # "Will", "May" stay
            if len(part) >= 2 and not stop and low not in _PARTICLES:
                out.append(part)
    return list(dict.fromkeys(out))


class KnownPeopleRecognizer(KnownTermsRecognizer):
    """PERSON for speaker names and propagated names, whole or in parts, any case."""

    def __init__(self, people: Iterable[str] = ()):
        super().__init__("PERSON", "KnownPeopleRecognizer", people)

    def variants(self, term: str) -> list[str]:
        return name_variants(term)
