"""Propagation: a name found anywhere in the project is redacted everywhere it occurs.

spaCy finds "Priya" in one sentence and misses "priya" in the next; speakers' own names occur
in other people's turns. Every name the project knows is searched for in every turn, in any
case and with possessives. Names that are also ordinary English words (Grace, Will, Hope...)
are matched only when capitalised, so "grace period" and "I hope" survive.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from research.anonymise.names import name_key

MIN_TOKEN = 2
_PARTICLES = {
    "de",
    "da",
    "del",
    "der",
    "van",
    "von",
    "bin",
    "bint",
    "al",
    "el",
    "la",
    "le",
    "di",
    "du",
    "mc",
    "st",
}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case ordinary English words (shipped list) plus the curated name-words."""
    words: set[str] = set()
    data = resources.files("research.anonymise").joinpath("data")
    for name in ("english_words.txt.gz", "english_name_words.txt"):
        f = data.joinpath(name)
        if not f.is_file():
            continue
        raw = f.read_bytes()
        text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            words.update(w.casefold() for w in line.split())
    return frozenset(words)


def is_ambiguous(token: str) -> bool:
    return token.casefold() in english_words()


# Function words are never names, whatever a statistical model thought once ("My", "To").
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves yeah yes okay ok oh um uh er erm mm
    hi hello thanks thank sorry well right so like just really actually honestly maybe sure""".split()
)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from research.anonymise.recognizers.lexicon import first_names

    return frozenset(first_names())


def propagatable(surface: str) -> bool:
    """Whether a detected person name is safe to search for everywhere.

    A single ordinary word is propagated only if it is also a known first name ("Grace" yes,
    "Glass" no); function words never are. Speakers' names are always propagated (not here).
    """
    tokens = name_key(surface).split()
    if not tokens or tokens[0] in STOP_WORDS:
        return False
    if len(tokens) == 1:
        t = tokens[0]
        return len(t) >= 2 and (not is_ambiguous(t) or t in _first_names())
    return not all(t in STOP_WORDS or is_ambiguous(t) and t not in _first_names() for t in tokens)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    name: str  # the known name (natural form) that matched


class NameMatcher:
    """Finds every occurrence of a set of names in text."""

    def __init__(self, names: Iterable[str], ambiguous: Callable[[str], bool] = is_ambiguous):
        variants: dict[str, str] = {}
        for name in names:
            key = name_key(name)
            if not key:
                continue
            tokens = key.split()
            variants.setdefault(key, key)
            if len(tokens) > 1:
                for tok in tokens:
                    if len(tok) >= MIN_TOKEN and tok not in _PARTICLES:
                        variants.setdefault(tok, tok)
        self.case_free: list[str] = []
        self.capitalised: list[str] = []
        for v in variants:
            toks = v.split()
            if len(toks) == 1 and (ambiguous(v) or len(v) < 3):
                self.capitalised.append(v)
            else:
                self.case_free.append(v)
        self._free = self._compile(self.case_free, re.IGNORECASE)
        self._caps = self._compile(self.capitalised, re.IGNORECASE)

    @staticmethod
    def _compile(variants: list[str], flags: int) -> re.Pattern | None:
        if not variants:
            return None
        # Longest first so "priya sharma" wins over "priya"; whitespace in names is flexible.
        alts = sorted(variants, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(t) for t in v.split()) for v in alts)
        return re.compile(rf"(?<![\w@.-])(?:{body})(?![\w@]|[.-]\w)", flags)

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        if self._free:
            hits += [
                Hit(m.start(), m.end(), m.group(0), m.group(0)) for m in self._free.finditer(text)
            ]
        if self._caps:
            for m in self._caps.finditer(text):
                if m.group(0)[0].isupper():
                    hits.append(Hit(m.start(), m.end(), m.group(0), m.group(0)))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in hits:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out


class PhraseMatcher:
    """Exact phrases (hand-added redactions), case-insensitive, on word boundaries."""

    def __init__(self, phrases: Iterable[str]):
        alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(t) for t in p.split()) for p in alts)
        self._re = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if alts else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        return [(m.start(), m.end(), m.group(0)) for m in self._re.finditer(text)]


class SurfaceMatcher:
    """Whole surfaces (councils, places) found elsewhere: any case, unless the surface is an
    ordinary word ("Reading", "Bath"), which then must be capitalised."""

    def __init__(self, surfaces: Iterable[str], ambiguous: Callable[[str], bool] = is_ambiguous):
        from research.anonymise.names import strip_possessive

        clean = {strip_possessive(s).strip() for s in surfaces}
        clean = {s for s in clean if len(s) >= 3 and s.split()[0].casefold() not in STOP_WORDS}
        self.case_free = sorted(s for s in clean if not (len(s.split()) == 1 and ambiguous(s)))
        self.capitalised = sorted(s for s in clean if len(s.split()) == 1 and ambiguous(s))
        self._free = NameMatcher._compile([s.casefold() for s in self.case_free], re.IGNORECASE)
        self._caps = NameMatcher._compile([s.casefold() for s in self.capitalised], re.IGNORECASE)

    def find(self, text: str) -> list[Hit]:
        hits = []
        if self._free:
            hits += [
                Hit(m.start(), m.end(), m.group(0), m.group(0)) for m in self._free.finditer(text)
            ]
        if self._caps:
            hits += [
                Hit(m.start(), m.end(), m.group(0), m.group(0))
                for m in self._caps.finditer(text)
                if m.group(0)[0].isupper()
            ]
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in hits:
            if not out or h.start >= out[-1].end:
                out.append(h)
        return out
