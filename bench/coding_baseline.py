"""Keyword baseline: a code applies when any of its codebook `keywords` occurs in the segment."""

from __future__ import annotations

import re

from research.coding.autocoder import Item
from research.coding.codebook import Codebook


class KeywordCoder:
    def __init__(self, book: Codebook):
        self.patterns = {
            c.id: re.compile(
                r"\b(" + "|".join(re.escape(k.lower()) for k in c.keywords) + r")", re.I
            )
            for c in book.codes
            if c.keywords
        }

    def predict(self, items: list[Item]) -> list[set[str]]:
        return [{c for c, pat in self.patterns.items() if pat.search(it.text)} for it in items]
