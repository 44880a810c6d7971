"""A fake detector: finds a fixed set of surfaces by string search (no spaCy)."""

from __future__ import annotations

import re

from research.anonymise.detect import BatchPerSource, Detection


class FakeDetector(BatchPerSource):
    def __init__(
        self,
        entities: dict[str, str],
        scores: dict[str, float] | None = None,
        only_after: dict[str, str] | None = None,
    ):
        self.entities = dict(entities)  # surface -> entity type
        self.scores = dict(scores or {})  # surface -> score (default 0.85)
        self.only_after = dict(only_after or {})  # surface -> the word it must follow
        self.known: list[str] = []
        self.calls = 0

    def set_known(self, people=(), orgs=(), places=()) -> None:
        self.known = list(people)

    def analyze(self, text: str) -> list[Detection]:
        found = []
        for surface, etype in self.entities.items():
            before = self.only_after.get(surface)
            lead = rf"(?<={re.escape(before)} )" if before else ""
            for m in re.finditer(rf"{lead}(?<!\w){re.escape(surface)}(?!\w)", text):
                score = self.scores.get(surface, 0.85)
                found.append(Detection(m.start(), m.end(), etype, m.group(0), score, "fake"))
        found.sort(key=lambda d: (d.start, -(d.end - d.start)))
        out = []
        for d in found:
            if not out or d.start >= out[-1].end:
                out.append(d)
        return out

    def analyze_batch(self, texts, progress=None):
        self.calls += 1
        res = [self.analyze(t) for t in texts]
        if progress:
            progress(len(texts))
        return res
