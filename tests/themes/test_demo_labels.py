"""On the demo project (real models): theme labels read as short phrases about the content,
and exported quotes are in the readable range unless marked short."""

from __future__ import annotations

import csv
import re

import pytest

pytestmark = pytest.mark.models

PSEUDONYM = re.compile(
    r"\[|\]|\b[PF]\d+\b|\bperson\b|\bplace\b|\bcouncil [a-z]\b|\bid\b|\d", re.IGNORECASE
)
FRAGMENTS = {"didn", "don", "doesn", "isn", "wasn", "couldn", "laughs", "yeah", "um", "erm"}


def _labels(root):
    import sqlite3

    db = sqlite3.connect(root / "project.db")
    try:
        return [r[0] for r in db.execute("SELECT label FROM themes WHERE status = 'active'")]
    finally:
        db.close()


def test_demo_labels_are_short_phrases_without_pseudonyms_or_fillers(demo_project):
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from research.themes.model import EXTRA_STOP_WORDS

    labels = _labels(demo_project)
    assert len(labels) >= 12
    for label in labels:
        assert not PSEUDONYM.search(label), label
        words = [w for w in re.split(r"[\s·]+", label.lower()) if w]
        assert not FRAGMENTS & set(words), label
        content = [w for w in words if w not in ENGLISH_STOP_WORDS | EXTRA_STOP_WORDS]
        assert content, f"only stop words or fillers: {label!r}"
        assert len(label) <= 40 and len(words) <= 7, label
    assert sum("·" not in label for label in labels) >= len(labels) * 0.8  # phrases, not lists


def test_demo_quote_sheet_prefers_readable_quotes(demo_project):
    path = demo_project / "exports" / "quotes.csv"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert rows
    for r in rows:
        n = len(r["quote"].split())
        assert 15 <= n <= 120 or r["starred"] == "yes" or r["note"].startswith("short quote"), r
    by_theme: dict[str, list[dict]] = {}
    for r in rows:
        by_theme.setdefault(r["line of enquiry"] + r["theme"], []).append(r)
    for quotes in by_theme.values():  # a short one only stands alone
        assert len(quotes) == 1 or not any(q["note"] for q in quotes)
