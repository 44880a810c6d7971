"""Short readable theme labels from keywords: "Application form · jargon"."""

from __future__ import annotations

from collections.abc import Sequence


def short_label(keywords: Sequence[str], max_terms: int = 3, max_chars: int = 40) -> str:
    """Up to three keywords that do not repeat each other's words, first one capitalised."""
    chosen: list[str] = []
    used: set[str] = set()
    for kw in keywords:
        words = {w[:5] for w in kw.lower().split()}  # "panel" and "panels" repeat each other
        if not words or words & used:
            continue
        if chosen and len(" · ".join([*chosen, kw])) > max_chars:
            break
        chosen.append(kw)
        used |= {w for w in words}
        if len(chosen) == max_terms:
            break
    if not chosen:
        return "Unlabelled theme"
    label = " · ".join(chosen)
    return label[:1].upper() + label[1:]
