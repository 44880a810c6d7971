"""Candidate quotes for a theme: representative, readable, spread across groups and speakers.

Maximal-marginal-relevance selection: each next quote is the member most similar to the theme
centroid, penalised for resembling quotes already chosen and for coming from a group (source)
or speaker already quoted. Quotes outside 15-120 words are ranked after all readable ones.
The text is always the segment's anonymised text, verbatim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MIN_WORDS = 15
MAX_WORDS = 120
REDUNDANCY = 0.5  # weight of similarity to quotes already chosen
SAME_GROUP = 0.15  # penalty per quote already taken from the same source
SAME_SPEAKER = 0.25  # penalty per quote already taken from the same speaker


@dataclass(frozen=True)
class Candidate:
    segment_id: int
    text: str
    source_id: int
    speaker_id: int | None


def readable(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def rank_quotes(
    candidates: Sequence[Candidate], embeddings: np.ndarray, limit: int = 10
) -> list[tuple[int, float]]:
    """(segment_id, score) best first; score is similarity to the centroid, less penalties."""
    if not candidates:
        return []
    X = np.asarray(embeddings, dtype=np.float64)  # noqa: N806
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)  # noqa: N806
    centroid = X.mean(axis=0)
    centroid /= max(np.linalg.norm(centroid), 1e-12)
    rep = X @ centroid
    remaining = list(range(len(candidates)))
    chosen: list[int] = []
    out: list[tuple[int, float]] = []
    groups: dict[int, int] = {}
    speakers: dict[int | None, int] = {}
    while remaining and len(out) < limit:
        best, best_score = None, None
        for i in remaining:
            c = candidates[i]
            score = rep[i]
            if chosen:
                score -= REDUNDANCY * float(np.max(X[chosen] @ X[i]))
            score -= SAME_GROUP * groups.get(c.source_id, 0)
            score -= SAME_SPEAKER * speakers.get(c.speaker_id, 0)
            if not readable(c.text):
                score -= 10.0  # after every readable quote
            key = (score, -c.segment_id)
            if best_score is None or key > best_score:
                best, best_score = i, key
        assert best is not None
        c = candidates[best]
        chosen.append(best)
        remaining.remove(best)
        groups[c.source_id] = groups.get(c.source_id, 0) + 1
        speakers[c.speaker_id] = speakers.get(c.speaker_id, 0) + 1
        out.append((c.segment_id, round(float(best_score[0]), 6)))
    return out
