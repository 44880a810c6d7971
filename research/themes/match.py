"""Carry themes across a re-fit: match new topics to old themes by member overlap (Jaccard).

Old themes include those a researcher merged away (with the members they had when merged),
so when a re-fit finds a merged theme again it is merged again into the same target.
"""

from __future__ import annotations

from collections.abc import Mapping

MATCH_MIN = 0.2


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def match_topics(
    new: Mapping[int, set[int]],
    old: Mapping[int, set[int]],
    merged_into: Mapping[int, int | None] | None = None,
    min_jaccard: float = MATCH_MIN,
) -> dict[int, int | None]:
    """New topic -> the old theme id it continues (after following merges), or None if new.

    One-to-one greedy matching by decreasing Jaccard (ties by ids, so it is deterministic);
    then a topic matched to a merged theme is mapped to that theme's final merge target.
    """
    merged_into = merged_into or {}
    pairs = sorted(
        (
            (jaccard(members, old_members), t, o)
            for t, members in new.items()
            for o, old_members in old.items()
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    out: dict[int, int | None] = {t: None for t in new}
    used_t: set[int] = set()
    used_o: set[int] = set()
    for score, t, o in pairs:
        if score < min_jaccard:
            break
        if t in used_t or o in used_o:
            continue
        used_t.add(t)
        used_o.add(o)
        out[t] = _final(o, merged_into)
    return out


def _final(theme: int, merged_into: Mapping[int, int | None]) -> int:
    seen = {theme}
    while merged_into.get(theme) is not None and merged_into[theme] not in seen:
        theme = merged_into[theme]  # type: ignore[assignment]
        seen.add(theme)
    return theme
