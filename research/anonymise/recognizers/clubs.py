"""Football and rugby clubs as fans name them -> ORG.

"Mo is a Gers man", "he's Rovers mad, so half the lads won't talk to him", "season ticket at
the Bucks", "come on you irons". A club by its nickname tells a reader the town as surely as
the town's name, and no gazetteer holds nicknames, so they are listed (sports_clubs.txt).

- A nickname that is no common English word ("Gers", "Mackems", "Latics") counts capitalised
  anywhere but at the start of a sentence, where it counts beside a word about football.
- One that is an ordinary word ("Tigers", "Saints", "Rovers", "Pompey") counts capitalised beside a
  word about football or another club in the turn ("I'm Hoops" after "a Gers man").
- Typed without capitals, any of them counts only in a fan's phrase: "support the tigers",
  "come on you irons", "rovers fan", "a season ticket at argyle" (pending review).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import result
from research.anonymise.recognizers.lexicon import club_names, common_words, is_word_form

# words that put a turn on football or rugby
CUES = re.compile(
    r"\b(?:fans?|support(?:s|ed|ing|er|ers)?|season[ \t]+tickets?|match(?:es)?|games?|football|"
    r"footy|rugby|league|cup|derby|stadium|ground|kick-?off|scored?|won|win|lost|lose|beat|"
    r"promot(?:ed|ion)|relegat(?:ed|ion)|shirts?|scarf|mad|play-?offs?|terraces?|home[ \t]+and"
    r"[ \t]+away|away[ \t]+days?|come[ \t]+on[ \t]+you|up[ \t]+the|playing|played|play)\b",
    re.IGNORECASE,
)
# typed low, the club must stand in a fan's phrase: a word before it...
FAN_BEFORE = re.compile(
    r"(?:\b(?:support|supports|supported|supporting|follow|follows|watch|watching|"
    r"come[ \t]+on[ \t]+you|up[ \t]+the|ticket[ \t]+at(?:[ \t]+the)?|watch[ \t]+the|"
    r"support[ \t]+the|follow[ \t]+the|season[ \t]+ticket[ \t]+for(?:[ \t]+the)?))[ \t]+$"
)
# ...or after it
FAN_AFTER = re.compile(
    r"^[ \t]+(?:fans?|mad|supporters?|shirts?|scarf|game|games|match|season|home|away|"
    r"are[ \t]+playing|were[ \t]+playing|won|lost|lose|beat|got[ \t]+relegated|got[ \t]+promoted|"
    r"play[ \t]+at[ \t]+home|matches|lose[ \t]+at[ \t]+home)\b"
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|^\s*)$")


@lru_cache(maxsize=1)
def clubs() -> dict[str, bool]:
    """Listed club names, lower case -> whether the name is made of ordinary words (listed
    and frequent: "tigers", "pompey"; not "mackems", which the word lists hold but no one says)."""
    out = {}
    common = common_words()
    for low in club_names():
        words = [w for w in low.split() if w != "and"]
        out[low] = all(is_word_form(w) and w in common for w in words)
    return out


WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in clubs())


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(clubs(), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in names)
    return re.compile(r"(?<![\w'’-])(?i:" + alternation + r")(?![\w-])")


class SportsClubRecognizer(LocalRecognizer):
    """ORG for a club's nickname (see the module docstring)."""

    SCORE = 0.9  # a listed nickname, capitalised where a club stands: surer than spaCy's guess
    SCORE_LOWER = 0.5  # typed low: pending the ethics lead's review

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="SportsClubRecognizer"
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        if _first_words().isdisjoint(WORDS.findall(text.lower())):
            return []  # no club's first word in the turn: the long pattern need not run
        hits = list(_pattern().finditer(text))
        if not hits:
            return []
        table = clubs()
        cased = any(c.isupper() for c in text)
        cue = CUES.search(text) is not None
        distinct = [
            m
            for m in hits
            if m.group()[0].isupper() and not table[_key(m.group())] and not _starts(text, m)
        ]
        out = []
        for m in hits:
            name = m.group()
            if not cased:
                before, after = text[: m.start()], text[m.end() :]
                if FAN_BEFORE.search(before) or FAN_AFTER.match(after):
                    out.append(result("ORG", m.start(), m.end(), self.SCORE_LOWER, self))
                continue
            if not all(w[0].isupper() for w in name.split() if w.lower() != "and"):
                continue
            ordinary = table[_key(name)]
            other_club = any(o is not m for o in distinct)
            if (not ordinary and not _starts(text, m)) or cue or other_club:
                out.append(result("ORG", m.start(), m.end(), self.SCORE, self))
        return out


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _starts(text: str, m: re.Match[str]) -> bool:
    """Whether the match is a sentence's first word (where every word has a capital)."""
    return SENTENCE_START.search(text[: m.start()]) is not None
