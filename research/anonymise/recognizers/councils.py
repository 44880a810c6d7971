"""UK councils -> ORG: a gazetteer of local authorities plus "<Name> ... Council" on tokens.

"Sandwell Metropolitan Borough Council", "Sandwell MBC", "Dudley Council" and a bare
"Walsall" where an employer or programme stands ("I work for Walsall", "the Staffordshire
course") are ORG; after "in/from/near" it is a PLACE. "the city council" scores low (0.5): in
a study of a few councils of one region it still points at one of them.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import (
    is_capitalised,
    lower_case_turn,
    nlp_doc,
    result,
    sentence_start,
)
from research.anonymise.recognizers.lexicon import (
    english_words,
    first_names,
    gb_places,
    uk_councils,
)
from research.anonymise.recognizers.matcher import TermMatcher

KINDS = {
    "metropolitan",
    "borough",
    "city",
    "county",
    "district",
    "town",
    "parish",
    "unitary",
    "combined",
    "authority",
    "the",
    "of",
}
SUFFIX_ABBR = {"mbc", "cc", "dc", "bc", "mdc", "ccc", "cbc"}
CONNECTORS = {"and", "upon", "on", "of", "-", "in", "under", "with", "&"}
PLACE_BEFORE = {
    "in",
    "from",
    "near",
    "around",
    "outside",
    "towards",
    "across",
    "through",
    "live",
    "lives",
    "lived",
    "living",
    "grew",
    "based",
}
ORG_BEFORE = {"at", "for", "joined", "join", "with", "by", "left", "employer", "employed"}


# In a study of a few councils of one region, "the city council" names one of them.
GENERIC = re.compile(r"\bthe (?:city|county|borough|metropolitan borough) council\b", re.I)


class UkCouncilRecognizer(LocalRecognizer):
    """ORG for UK local authorities by name (see data/uk_councils.txt) and "X Council"."""

    SCORE_FULL = 0.9
    SCORE_BARE = 0.8
    SCORE_GENERIC = 0.5

    def __init__(self) -> None:
        self.matcher: TermMatcher | None = None  # set before: Presidio's __init__ calls load()
        super().__init__(
            supported_entities=["ORG", "PLACE"], supported_language="en", name="UkCouncilRecognizer"
        )

    def load(self) -> None:
        words = english_words()
        names = first_names()
        matcher = TermMatcher()
        for c in uk_councils():
            low = c.lower()
            ambiguous = low in words or low in names or " " not in c and len(c) <= 4
            matcher.add(c, ambiguous)
            if "-" in c:  # "stoke on trent" as well as "Stoke-on-Trent"
                matcher.add(c.replace("-", " "), ambiguous)
        self.matcher = matcher
        self.places = set(gb_places())

    @staticmethod
    def _suffix_end(doc: Any, j: int) -> int | None:
        """End token of a "(Metropolitan Borough|City|...) Council" / "MBC" suffix at j."""
        k = j
        while k < len(doc) and doc[k].lower_ in KINDS - {"the", "of"} and k - j < 3:
            k += 1
        if k < len(doc) and (
            doc[k].lower_ in {"council", "councils"} or (k == j and doc[k].lower_ in SUFFIX_ABBR)
        ):
            return k + 1
        return None

    def _named_councils(self, doc: Any, taken: set[int]) -> list[tuple[int, int]]:
        """Spans "<Capitalised words> [kind] Council" for councils not in the gazetteer."""
        spans = []
        if "Council" not in doc.text:
            return spans
        for k, tok in enumerate(doc):
            if tok.text != "Council" or k in taken:
                continue
            i = k
            while i > 0:
                prev = doc[i - 1]
                if (
                    is_capitalised(prev.text)
                    and prev.is_alpha
                    or prev.lower_ in CONNECTORS
                    and i > 1
                    and is_capitalised(doc[i - 2].text)
                ):
                    i -= 1
                else:
                    break
            while i < k and (doc[i].lower_ in KINDS or doc[i].lower_ in CONNECTORS):
                i += 1
            if any(
                doc[m].lower_ not in KINDS and doc[m].lower_ not in CONNECTORS for m in range(i, k)
            ):
                spans.append((i, k + 1))
        return spans

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        if self.matcher is None:
            self.load()
        out = []
        taken: set[int] = set()
        for i, j, ambiguous in self.matcher.find(doc):
            first = doc[i].text
            end = self._suffix_end(doc, j)
            prev = doc[i - 1].lower_ if i > 0 else ""
            if end is None:
                lower_turn = not ambiguous and lower_case_turn(doc)  # "someone from sandwell"
                if not is_capitalised(first) and prev not in ORG_BEFORE and not lower_turn:
                    continue
                if ambiguous and (not is_capitalised(first) or sentence_start(doc, i)):
                    continue
                if prev in PLACE_BEFORE:
                    # "in Dudley": a place; towns are left to the place recognizer
                    if " ".join(t.text for t in doc[i:j]) not in self.places:
                        out.append(
                            result(
                                "PLACE",
                                doc[i].idx,
                                doc[j - 1].idx + len(doc[j - 1]),
                                self.SCORE_BARE - 0.1,
                                self,
                            )
                        )
                    continue
                score = self.SCORE_BARE if prev in ORG_BEFORE else self.SCORE_BARE - 0.15
                end = j
            else:
                score = self.SCORE_FULL
            taken.update(range(i, end))
            out.append(result("ORG", doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), score, self))
        for m in GENERIC.finditer(text):
            out.append(result("ORG", m.start(), m.end(), self.SCORE_GENERIC, self))
        for i, end in self._named_councils(doc, taken):
            out.append(
                result(
                    "ORG", doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), self.SCORE_FULL, self
                )
            )
        return out
