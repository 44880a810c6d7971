"""Fast multi-token term lookup over spaCy tokens: a dict keyed by the first token."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

# roughly how spaCy's English tokenizer splits a name: hyphens and commas apart, "O'Brien" kept
_PIECES = re.compile(r"[^\W\d_](?:[\w'’.]*\w)?\.?|\d+|[-,&]")


def term_tokens(term: str) -> tuple[str, ...]:
    """Lower-case tokens of a term as the English tokenizer would split it ("King's Lynn" ->
    king, 's, lynn: spaCy splits the possessive off)."""
    out: list[str] = []
    for m in _PIECES.finditer(term):
        tok = m.group(0).lower().rstrip(".") or m.group(0)
        for suffix in ("'s", "’s"):
            if tok.endswith(suffix) and len(tok) > len(suffix):
                out += [tok[: -len(suffix)], suffix]
                break
        else:
            out.append(tok)
    return tuple(out)


def doc_lowers(doc: Any) -> list[str]:
    """Lower-case token texts without a trailing dot, computed once per Doc (no Token objects)."""
    cached = doc.user_data.get("research_lowers")
    if cached is None:
        from spacy.attrs import LOWER

        strings = doc.vocab.strings
        cached = [strings[x] for x in doc.to_array(LOWER).tolist()]
        cached = [w.rstrip(".") or w for w in cached]
        doc.user_data["research_lowers"] = cached
    return cached


class TermMatcher:
    """Find the longest known term starting at each token; terms carry a payload."""

    def __init__(self, terms: Iterable[tuple[str, Any]] = ()):
        self._index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for term, payload in terms:
            self.add(term, payload)

    def add(self, term: str, payload: Any) -> None:
        self.add_tokens(term_tokens(term), payload)

    def add_tokens(self, toks: tuple[str, ...], payload: Any) -> None:
        """A term already split into lower-case tokens (by spaCy's own tokenizer, say)."""
        if not toks:
            return
        bucket = self._index.setdefault(toks[0], [])
        if all(t != toks for t, _ in bucket):
            bucket.append((toks, payload))
            bucket.sort(key=lambda e: -len(e[0]))

    def __len__(self) -> int:
        return sum(len(b) for b in self._index.values())

    def find(self, doc: Any) -> Iterator[tuple[int, int, Any]]:
        """Yield (start token, end token, payload), longest match first, not overlapping."""
        return self.find_lowers(doc_lowers(doc))

    def find_lowers(self, lowers: list[str]) -> Iterator[tuple[int, int, Any]]:
        """`find` over a Doc's lower-case token texts (doc_lowers)."""
        n = len(lowers)
        i = 0
        while i < n:
            bucket = self._index.get(lowers[i])
            hit = None
            if bucket:
                for toks, payload in bucket:
                    k = len(toks)
                    if i + k <= n and tuple(lowers[i : i + k]) == toks:
                        hit = (i, i + k, payload)
                        break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1
