"""Name normalisation shared by the speaker registry, pseudonyms and propagation."""

from __future__ import annotations

import re
import unicodedata

TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "cllr",
        "councillor",
        "lady",
        "lord",
    }
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"\s*[\(\[].*?[\)\]]\s*")  # "Priya Sharma (She/Her)", "[Guest]"


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def display_to_natural(name: str) -> str:
    """'Okonkwo, Chidi' -> 'Chidi Okonkwo'; '(She/Her)' and similar tags dropped."""
    name = _BRACKETED.sub(" ", name)
    name = _SPACE.sub(" ", name).strip()
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if last and first:
            name = f"{first} {last}"
    return name


def name_key(text: str) -> str:
    """Case- and accent-insensitive key of a person name: 'Priya's' and 'PRIYA' -> 'priya'."""
    text = display_to_natural(strip_possessive(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    tokens = [t for t in re.split(r"[^\w'-]+", text.casefold()) if t]
    while tokens and tokens[0].rstrip(".") in TITLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def name_tokens(text: str) -> list[str]:
    return name_key(text).split()


_ORG_SUFFIX = re.compile(
    r"\b(metropolitan borough|metropolitan district|city|county|borough|district|"
    r"unitary|town|parish)?\s*council\b",
    re.IGNORECASE,
)


def org_key(text: str) -> str:
    """'Sandwell Metropolitan Borough Council', 'Sandwell Council', "Sandwell's" -> 'sandwell'."""
    text = strip_possessive(text).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    stripped = _ORG_SUFFIX.sub("", text).strip(" ,.-")
    return _SPACE.sub(" ", stripped or text).strip()


def is_council(text: str) -> bool:
    return "council" in text.casefold() or "authority" in text.casefold()


def plain_key(text: str) -> str:
    return _SPACE.sub(" ", strip_possessive(text).casefold()).strip()
