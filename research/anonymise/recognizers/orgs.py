"""Named organisations other than councils -> ORG, from the shape of the name.

A Title Case run holding an organisation word ("Kent Community Health NHS Foundation Trust",
"Unity Care Solutions", "Hull Women's Aid", "Citizens Advice Hull"), a local union branch
("Cornwall Unison branch"), and council acronyms ("KCC", "GCC", "BMBC"). The run needs one
word that is not itself generic ("the Trust", "Health Board" alone are not identifying).
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import is_capitalised, nlp_doc, result, sentence_start
from research.anonymise.recognizers.lexicon import is_vocabulary

HEADS = {
    "brothers",
    "sons",
    "trust",
    "board",
    "partnership",
    "university",
    "college",
    "police",
    "constabulary",
    "housing",
    "homes",
    "association",
    "aid",
    "action",
    "advice",
    "care",
    "healthcare",
    "solutions",
    "services",
    "academy",
    "foundation",
    "charity",
    "society",
    "institute",
    "agency",
    "recruitment",
    "ltd",
    "limited",
    "plc",
    "llp",
    "group",
    "network",
    "federation",
    "alliance",
    "collective",
    "consortium",
    "hospitals",
    "commission",
}
# words that do not identify anyone on their own (with HEADS)
GENERIC = {
    "the",
    "a",
    "an",
    "our",
    "my",
    "their",
    "nhs",
    "national",
    "community",
    "health",
    "social",
    "mental",
    "public",
    "local",
    "royal",
    "county",
    "city",
    "district",
    "borough",
    "and",
    "of",
    "for",
    "&",
    "women's",
    "staff",
    "black",
    "race",
    "equality",
    "disability",
    "lgbt",
    "lgbtq",
    "carers",
    "young",
    "people",
    "integrated",
    "university",
}
CONNECTORS = {"and", "of", "for", "&", "on", "upon", "the"}
UNIONS = {"unison", "gmb", "unite", "rcn", "nasuwt", "neu", "bma", "pcs"}
# "KCC", "GCC", "BMBC", "CCC": council acronyms
COUNCIL_ACRONYM = re.compile(r"^[A-Z]{1,4}(?:CC|BC|DC|MBC|MDC|CBC)$")


def _cap(tok: Any) -> bool:
    text = tok.text
    return is_capitalised(text) and (tok.is_alpha or "'" in text or "’" in text)


class OrgNameRecognizer(LocalRecognizer):
    """ORG for Title Case names with an organisation word, union branches, council acronyms."""

    SCORE = 0.8
    SCORE_ACRONYM = 0.7

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ORG"], supported_language="en", name="OrgNameRecognizer"
        )

    def load(self) -> None:
        return None

    @staticmethod
    def _runs(doc: Any) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, connectors allowed between capitals."""
        runs, i, n = [], 0, len(doc)
        while i < n:
            if not _cap(doc[i]) and doc[i].lower_ not in {"'s", "’s"}:
                i += 1
                continue
            j = i
            while j < n:
                t = doc[j]
                inner = t.lower_ in CONNECTORS and j + 1 < n and _cap(doc[j + 1]) and j > i
                if _cap(t) or t.lower_ in {"'s", "’s"} or inner:
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j + 1
        return runs

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        out = []
        for i, j in self._runs(doc):
            lows = [doc[k].lower_ for k in range(i, j)]
            end = j
            # "Cornwall Unison branch", "the Hull GMB branch"
            if lows[-1] in UNIONS and j < len(doc) and doc[j].lower_ == "branch":
                end = j + 1
            elif not any(w in HEADS for w in lows):
                continue
            # leading articles, and a sentence-initial ordinary word ("Ask the NHS Trust")
            for _ in range(2):
                while i < end and doc[i].lower_ in CONNECTORS | {"a", "an"}:
                    i += 1
                low = doc[i].lower_ if i < end else ""
                if i < end and sentence_start(doc, i) and low not in HEADS and is_vocabulary(low):
                    i += 1
            names = [doc[k].lower_ for k in range(i, end)]
            if not any(w not in HEADS and w not in GENERIC and w not in UNIONS for w in names):
                continue
            if end - i < 2:
                continue
            out.append(
                result("ORG", doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), self.SCORE, self)
            )
        for tok in doc:
            if COUNCIL_ACRONYM.match(tok.text):
                out.append(
                    result("ORG", tok.idx, tok.idx + len(tok.text), self.SCORE_ACRONYM, self)
                )
        return out
