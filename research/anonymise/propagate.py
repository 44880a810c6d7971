"""Propagation: a name found anywhere in the project is redacted everywhere it occurs.

spaCy finds "Priya" in one sentence and misses "priya" in the next; speakers' own names occur
in other people's turns. Every name the project knows is searched for in every turn, in any
case and with possessives. Names that are also ordinary English words (Grace, Will, Hope...)
are matched only when capitalised, so "grace period" and "I hope" survive.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from research.anonymise.names import is_contraction, name_key

MIN_TOKEN = 2
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _fold(word: str) -> str:
    """Case- and accent-insensitive form, as name_key folds names ("José" -> "jose")."""
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
    hi hello thanks thank sorry well right so like just really actually honestly maybe sure
    cheers bye hiya morning afternoon evening""".split()
)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from research.anonymise.recognizers.lexicon import first_names

    return frozenset(first_names())


# before a month, a weekday or a country: "on Sunday", "every June", "back in Jordan"
TIMED_BEFORE = {
    "in", "on", "by", "since", "until", "till", "from", "last", "next", "this", "of", "early",
    "late", "mid", "end", "during", "before", "after", "through", "every", "each", "that",
    "to", "into", "between", "or", "a", "the", "for", "over", "about", "around",
}  # fmt: skip


def _not_names() -> frozenset[str]:
    from research.anonymise.recognizers.lexicon import not_names

    return not_names()


def _word_not_name(tok: str) -> bool:
    """An inflected English word that no name list holds ("works", "said")."""
    from research.anonymise.recognizers.lexicon import is_word_form, surnames

    return is_word_form(tok) and tok not in _first_names() and tok not in surnames()


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


# in a turn typed without capitals, a known name that is also a word ("grace") is someone's
# only where it is said to or of a person: "i'm grace, i'm a nurse", "can i check grace, the rph"
INTRODUCED_BY = {"i'm", "im", "i’m", "thanks", "cheers", "hiya", "hi", "hello", "morning", "is"}
ADDRESSED_AFTER = {"and", "check", "ask", "thanks", "cheers", "sorry", "right", "ok", "okay"}
ADDRESSED_AFTER |= {"so", "yes", "yeah", "no", "well", "over", "to", "oh", "hiya", "hi", "hello"}
_CASED = re.compile(r"\b[A-Z][a-z]")


def _addressed(text: str, words: list, i: int, end: int) -> bool:
    """In a lower-case turn, the word at i introduced ("i'm grace", "my name is grace") or
    addressed with a comma after it ("and grace, you wanted...", "check grace, the rph")."""
    before = _fold(words[i - 1][2]) if i > 0 else ""
    if before in INTRODUCED_BY:
        return before != "is" or (i > 2 and _fold(words[i - 2][2]) in {"name", "name's"})
    if end < len(text) and text[end] == ",":
        gap = text[words[i - 1][1] : words[i][0]] if i > 0 else ""
        return i == 0 or before in ADDRESSED_AFTER or "," in gap
    return False


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
                    # "Adam and Eve" spreads Adam and Eve, never "And"; "Cheers Ruth" not "Cheers"
                    if len(tok) >= MIN_TOKEN and tok not in _PARTICLES and tok not in STOP_WORDS:
                        if _word_not_name(tok) or is_contraction(tok):
                            continue  # spaCy's "sandra works", "paul i'm": no name to spread
                        variants.setdefault(tok, tok)
        self.case_free: list[str] = []
        self.capitalised: list[str] = []
        never = _not_names()
        for v in variants:
            toks = v.split()
            if len(toks) == 1 and (ambiguous(v) or len(v) < 3 or v in never):
                self.capitalised.append(v)
            else:
                self.case_free.append(v)
        self._free = {_fold(v) for v in self.case_free}
        self._caps = {_fold(v) for v in self.capitalised}
        # a month, weekday or country that is also someone's name ("Sunday Okoro", "Jordan"):
        # capitalised, and not where a time or a place stands ("on Sunday", "in Jordan")
        self._timed = {_fold(v) for v in self.capitalised if v in never}
        self._longest = max((len(v.split()) for v in variants), default=0)
        # Only a word that starts some name can start a match: one set lookup for all others.
        self._starts = {v.split()[0] for v in self._free | self._caps}

    @staticmethod
    def _compile(variants: list[str], flags: int) -> re.Pattern | None:
        if not variants:
            return None
        # Longest first so "priya sharma" wins over "priya"; whitespace in names is flexible.
        alts = sorted(variants, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(t) for t in v.split()) for v in alts)
        return re.compile(rf"(?<![\w@.-])(?:{body})(?![\w@]|[.-]\w)", flags)

    def find(self, text: str) -> list[Hit]:
        """Longest known name at each word, left to right, never overlapping.

        Words are looked up in a dictionary (a regex alternation of thousands of names was the
        slowest part of re-applying a large project). "Priya's" matches "priya"; a word inside
        an e-mail address or a dotted name ("priya.sharma@...") does not match.
        """
        if not self._longest:
            return []
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        starts = self._starts
        out: list[Hit] = []
        lower_turn: bool | None = None
        i = 0
        while i < len(words):
            w = _fold(words[i][2])
            if w not in starts and (w[-2:] not in ("'s", "’s") or w[:-2] not in starts):
                i += 1
                continue
            if lower_turn is None:  # once per turn, and only where a word could start a name
                lower_turn = not _CASED.search(text)
            hit = self._longest_at(text, words, i, lower_turn)
            if hit is None:
                i += 1
                continue
            out.append(hit[0])
            i += hit[1]
        return out

    def _longest_at(
        self, text: str, words: list, i: int, lower_turn: bool
    ) -> tuple[Hit, int] | None:
        start = words[i][0]
        if start > 0 and text[start - 1] in "@.":
            return None
        for n in range(min(self._longest, len(words) - i), 0, -1):
            span = words[i : i + n]
            if any(not text[a[1] : b[0]].isspace() for a, b in zip(span, span[1:], strict=False)):
                continue
            last_start, last_end, last = span[-1]
            forms = [(last_end, last)]
            if last[-2:].casefold() in ("'s", "’s"):
                forms.append((last_end - 2, last[:-2]))
            head = [_fold(w) for _, _, w in span[:-1]]
            for end, form in forms:
                if end < len(text) and (
                    text[end] == "@"
                    or (text[end] in ".-" and end + 1 < len(text) and text[end + 1].isalnum())
                ):
                    continue
                key = " ".join([*head, _fold(form)])
                if (
                    n == 1
                    and key in self._timed
                    and i > 0
                    and _fold(words[i - 1][2]) in TIMED_BEFORE
                ):
                    continue
                if key in self._free or (n == 1 and key in self._caps and form[:1].isupper()):
                    return Hit(start, end, text[start:end], text[start:end]), n
                if n == 1 and lower_turn and key in self._caps and _addressed(text, words, i, end):
                    return Hit(start, end, text[start:end], text[start:end]), n
        return None


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
