"""The person named right after who they are to the speaker -> PERSON.

"My cousin Memory says...", "her husband Binu got a job", "a mentor rumbi, she runs her own
agency", "one of my friends lijo borrowed money". After a word for a relative, friend or
colleague, a capitalised word mid-sentence is a name even when it is an ordinary word (no name
list has "Memory" or "Gift"), and in a transcript without capitals a word in no word list is.
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import (
    ROLES_BEFORE,
    VERB_FORMS,
    is_capitalised,
    lower_case_turn,
    nlp_doc,
    result,
)
from research.anonymise.recognizers.lexicon import country_names, is_demonym, is_word_form

KIN = ROLES_BEFORE | {
    "mum", "mom", "mam", "mother", "dad", "father", "son", "daughter", "niece", "nephew",
    "grandson", "granddaughter", "grandma", "grandad", "nan", "gran", "aunt", "aunty",
    "stepmum", "stepdad", "fiance", "fiancé", "fiancee", "fiancée", "flatmate", "housemate",
    "friends", "cousins", "sisters", "brothers", "colleagues", "mentee", "apprentice",
}  # fmt: skip
OWNERS = {"my", "his", "her", "our", "their", "your", "a", "whose"}
# capitalised after a relative without naming anyone
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "eid", "diwali", "ramadan", "i", "god",
    "allah", "jesus", "hr", "ok", "okay", "yes", "no", "and", "but", "or", "so", "who",
}  # fmt: skip


class RelationNameRecognizer(LocalRecognizer):
    """PERSON for the word right after "my cousin", "her husband", "a mentor"..."""

    SCORE = 0.7
    SCORE_LOWER = 0.55  # lower case: pending the ethics lead's review

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON"], supported_language="en", name="RelationNameRecognizer"
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None:
            return []
        lower = lower_case_turn(doc)
        out = []
        for k in range(2, len(doc)):
            kin, owner, tok = doc[k - 1].lower_, doc[k - 2].lower_, doc[k]
            if kin not in KIN or owner not in OWNERS:
                continue
            low = tok.lower_
            if not tok.is_alpha or len(low) < 2 or low in NOT_NAMES or low in VERB_FORMS:
                continue
            if is_demonym(low) or low in country_names():
                continue  # "my wife Nigerian", "my mum Jamaica-born"
            if lower:
                if len(low) < 3 or tok.is_stop or is_word_form(low):
                    continue  # "my friends lijo": a word in no list; "my mum works" is a verb
                out.append(result("PERSON", tok.idx, tok.idx + len(tok), self.SCORE_LOWER, self))
            elif is_capitalised(tok.text) and not tok.text.isupper():
                out.append(result("PERSON", tok.idx, tok.idx + len(tok), self.SCORE, self))
        return out
