"""Recognizers for terms the project already knows (speaker names, propagated orgs/places)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from presidio_analyzer import LocalRecognizer

from research.anonymise.recognizers.base import is_capitalised, name_context, nlp_doc, result
from research.anonymise.recognizers.lexicon import english_words
from research.anonymise.recognizers.matcher import TermMatcher, term_tokens


def is_ambiguous_term(term: str) -> bool:
    """One-word terms that are ordinary English words (or very short) need capitals."""
    toks = [t for t in term_tokens(term) if t.isalpha()]
    return len(toks) == 1 and (toks[0] in english_words() or len(toks[0]) <= 3)


class KnownTermsRecognizer(LocalRecognizer):
    """Matches a replaceable list of known terms of one entity type, in any case.

    A one-word term that is also an ordinary English word ("Will", "Reading") matches only
    when capitalised and either mid-sentence or where a name usually stands.
    """

    SCORE = 0.9

    def __init__(self, entity: str, name: str, terms: Iterable[str] = ()):
        self.entity = entity
        self.matcher = TermMatcher()
        super().__init__(supported_entities=[entity], supported_language="en", name=name)
        self.set_terms(terms)

    def load(self) -> None:
        return None

    def variants(self, term: str) -> list[str]:
        """The surfaces a term may take in text (subclasses add name parts)."""
        return [term]

    def set_terms(self, terms: Iterable[str]) -> None:
        """Replace the list of known terms."""
        matcher = TermMatcher()
        for term in terms:
            for v in self.variants(term):
                if v.strip():
                    matcher.add(v, is_ambiguous_term(v))
        self.matcher = matcher

    def accept(self, doc: Any, i: int, j: int, ambiguous: bool) -> bool:
        """Whether a match of tokens i..j-1 counts (ambiguous words need capitals + context)."""
        if not ambiguous:
            return True
        word = doc[i].text
        if not is_capitalised(word) or (word.isupper() and len(word) > 1 and len(word) <= 3):
            return False
        from research.anonymise.recognizers.base import sentence_start

        return not sentence_start(doc, i) or name_context(doc, i, j)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list:
        doc = nlp_doc(nlp_artifacts)
        if doc is None or not len(self.matcher):
            return []
        out = []
        for i, j, ambiguous in self.matcher.find(doc):
            if self.accept(doc, i, j, ambiguous):
                span = doc[i:j]
                score = self.SCORE + (0.05 if j - i > 1 else 0.0)
                out.append(result(self.entity, span.start_char, span.end_char, score, self))
        return out
