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
# Religious, nursing, family and rank honorifics: titles only when capitalised before a name
# ("Sister O'Hare", "Pastor Chikwanha", "Inspector Greenhalgh"), never in "my sister Huong".
HONORIFICS = frozenset(
    {
        "father",
        "fr",
        "sister",
        "brother",
        "pastor",
        "imam",
        "rabbi",
        "rev",
        "revd",
        "reverend",
        "canon",
        "bishop",
        "sheikh",
        "auntie",
        "aunty",
        "uncle",
        # ranks and posts said as a title ("Inspector Greenhalgh", "Sergeant O'Mahony")
        "inspector",
        "sergeant",
        "sgt",
        "constable",
        "superintendent",
        "supt",
        "matron",
        "colonel",
        "commander",
        "corporal",
        "lieutenant",
    }
)
RANKS = frozenset({"inspector", "sergeant", "constable", "superintendent", "commander", "officer"})
# the grade said before a rank: "Watch Commander Hegarty", "Detective Sergeant Kaur"
_RANK_GRADE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Watch|Station|Crew|Group|Area|Chief|Detective|Deputy|Assistant|"
    r"Divisional|Police|Fire)[ \t]+$"
)
# police ranks written short, before a capitalised name: "PC Rhys Morgan", "DS Kaur"
_POLICE_RANK_BEFORE = re.compile(r"(?<![\w'’-])(?:PC|WPC|PCSO|DC|DS|DI|DCI|DSI|DCS|PS)\.?[ \t]+$")
_TITLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<title>[A-Z][a-z]{1,9})\.?[ \t]+$"
)  # "Mr ", "Dr. ", "Sister "
# lower-case transcripts ("mr trelawny", "cllr penhaligon"): only titles that are never words
_LOWER_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?P<title>mrs|mr|ms|mx|dr|cllr|prof)\.?[ \t]+$")
# "Big Dave", "Little Mo": nickname words that belong to the name
_NICKNAME_BEFORE = re.compile(r"(?<![\w'’-])(?:Big|Little|Young|Old|Wee)[ \t]+$")
_HYPHEN_AFTER = re.compile(r"(?:-[^\W\d_][\w'’]*)+")  # "-Rees", "-woo"
_HYPHEN_BEFORE = re.compile(r"(?:[^\W\d_][\w'’]*-)+$")  # "Akhtar-", "Hyun-"
# "Eilidh Mac an tSaoir", "Grace van der Berg", "Omar bin Hassan": particles, then a name word
_PARTICLE_AFTER = re.compile(
    r"^(?:[ \t]+(?:Mac|Nic|Mc|Ó|Ní|Ua|an|de|da|do|dos|das|del|della|der|den|van|von|di|du|"
    r"la|le|al|el|bin|bint|ibn|abu|ter|ten)){1,3}[ \t]+(?:[tnh](?=[A-Z]))?[A-Z][\w'’-]*"
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


def titled_at(text: str, start: int) -> int | None:
    """Where a title or honorific just before `start` begins ("Mr ", "Sister ", "cllr ",
    "Watch Commander ", "PC "), else None."""
    before = text[:start]
    m = _TITLE_BEFORE.search(before)
    if m and m.group("title").lower() in TITLES | HONORIFICS:
        if m.group("title").lower() in RANKS:
            grade = _RANK_GRADE_BEFORE.search(before, 0, m.start())
            return grade.start() if grade else m.start()
        return m.start()
    m = _POLICE_RANK_BEFORE.search(before)
    if m and text[start : start + 1].isupper():
        return m.start()
    rank = re.match(r"[A-Z][a-z]+", text[start : start + 16])
    if rank and rank.group().lower() in RANKS:  # the span begins at the rank already
        m = _RANK_GRADE_BEFORE.search(before)
        if m:
            return m.start()
    m = _LOWER_TITLE_BEFORE.search(before)
    return m.start() if m else None


def widen_person(text: str, start: int, end: int) -> tuple[int, int]:
    """A person span grown to the whole name as written: a title or honorific before it
    ("Mr Devlin", "Dr Samira al-Sayed", "Sister O'Hare"), both halves of a hyphenated name
    ("Akhtar-Rees", "Hyun-woo") and particles after it ("Eilidh Mac an tSaoir").

    A title reveals gender, religion or profession, so it goes with the name it precedes.
    """
    while True:
        before, grown = text[:start], (start, end)
        m = _HYPHEN_BEFORE.search(before)
        if m:
            start = m.start()
        title = titled_at(text, start)
        if title is not None:
            start = title
        m = _NICKNAME_BEFORE.search(text[:start])
        if m:
            start = m.start()
        m = _HYPHEN_AFTER.match(text, end) if end < len(text) else None
        if m:
            end = m.end()
        m = _PARTICLE_AFTER.match(text[end:]) if end < len(text) else None
        if m:
            end += m.end()
        if (start, end) == grown:
            return start, end


def name_key(text: str) -> str:
    """Case- and accent-insensitive key of a person name: 'Priya's' and 'PRIYA' -> 'priya'."""
    text = display_to_natural(strip_possessive(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    tokens = [t for t in re.split(r"[^\w'-]+", text.casefold()) if t]
    while len(tokens) > 1 and tokens[0].rstrip(".") in TITLES | HONORIFICS:
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


CONTRACTION = re.compile(r"[a-z]+['’](?:m|s|re|ve|d|ll|t)")
# pronouns and auxiliaries that take a clitic
CLITIC_HOSTS = {
    "i", "you", "he", "she", "it", "we", "they", "that", "there", "here", "what", "who",
    "where", "when", "how", "this", "let", "don", "doesn", "didn", "won", "wouldn", "can",
    "couldn", "shouldn", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "ain",
    "y'all", "everyone", "everybody", "nobody", "somebody", "someone",
}  # fmt: skip


def is_contraction(word: str) -> bool:
    """A pronoun or auxiliary with its clitic ("i'm", "we're", "that's", "don't"): never part of
    a name. "o'neill" and "d'souza" are none (the part after the mark is no clitic)."""
    word = word.lower()
    return bool(CONTRACTION.fullmatch(word)) and re.split(r"['’]", word)[0] in CLITIC_HOSTS
