"""Checks on the held-out evaluation set in bench/data/heldout (scripts, rendered files, gold).

The set is hand-written and independent of the demo corpus; these tests keep it internally
consistent (gold spans match the text, turns align with the rendered files) and keep its
size and balance at what the benchmarks rely on.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    LOES,
    PII_TYPES,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_no_consecutive_turns_by_one_speaker,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "bench" / "data" / "heldout"
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "NHS",
    "Stephen Lawrence",
    "Windrush",
)
WORD_NAMES = (
    "faith",
    "hope",
    "dawn",
    "jade",
    "pearl",
    "rich",
    "frank",
    "grace",
    "ivy",
    "amber",
    "sky",
)


def load_golds() -> list[dict]:
    return labelled_set.load_golds(HELDOUT)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/heldout/gold"
    return found


def all_spans(golds: list[dict]) -> list[dict]:
    return [s for g in golds for t in g["turns"] for s in t["pii"]]


def distinct_persons(golds: list[dict]) -> dict[str, str]:
    """Distinct PERSON surfaces (case-folded) mapped to their origin."""
    out: dict[str, str] = {}
    for s in all_spans(golds):
        if s["type"] == "PERSON":
            out.setdefault(s["text"].casefold(), s["origin"])
    return out


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT, golds)


def test_sessions_kinds_formats_and_sizes(golds: list[dict]) -> None:
    assert len(golds) >= 6
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    for g in golds:
        n_turns = len(g["turns"])
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        if g["kind"] == "interview":
            assert 25 <= n_turns <= 35, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 35 <= n_turns <= 50, g["label"]
            assert 4 <= len(participants) <= 6, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_volume_and_type_coverage(golds: list[dict]) -> None:
    spans = all_spans(golds)
    assert len(spans) >= 200
    by_type = Counter(s["type"] for s in spans)
    assert set(by_type) == PII_TYPES
    for kind in ("EMAIL", "PHONE", "ID", "POSTCODE"):
        assert by_type[kind] >= 3, kind


def test_distinct_person_names_and_origin_balance(golds: list[dict]) -> None:
    persons = distinct_persons(golds)
    assert len(persons) >= 60
    non_anglo = sum(origin != "anglo" for origin in persons.values())
    assert 0.40 <= non_anglo / len(persons) <= 0.60
    assert len({o for o in persons.values() if o != "anglo"}) >= 9


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    persons = [s for s in all_spans(golds) if s["type"] == "PERSON"]
    texts = [s["text"] for s in persons]
    assert any(t[:1].islower() for t in texts), "no lower-case name"
    assert any(" " in t for t in texts), "no full name"
    possessive = 0
    for g in golds:
        for t in g["turns"]:
            for s in t["pii"]:
                if s["type"] == "PERSON" and t["text"][s["end"] : s["end"] + 2] == "'s":
                    possessive += 1
    assert possessive >= 2
    teams_speakers = [
        k for g in golds if g["format"].startswith("teams") for k in g["speakers"] if ", " in k
    ]
    assert len(teams_speakers) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    marked = {s["text"].casefold() for s in all_spans(golds) if s["type"] == "PERSON"}
    for word in WORD_NAMES:
        assert any(m == word or m.startswith(word + " ") for m in marked), word
        unmarked = 0
        for g in golds:
            for t in g["turns"]:
                masked = list(t["text"])
                for s in t["pii"]:
                    masked[s["start"] : s["end"]] = "#" * (s["end"] - s["start"])
                unmarked += len(re.findall(rf"\b{word}", "".join(masked), flags=re.I))
        assert unmarked >= 1, f"{word} never appears as an ordinary word"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    for ref in PUBLIC_REFERENCES:
        hits = 0
        for g in golds:
            for t in g["turns"]:
                for m in re.finditer(rf"\b{re.escape(ref)}\b", t["text"]):
                    hits += 1
                    for s in t["pii"]:
                        assert s["end"] <= m.start() or s["start"] >= m.end(), ref
        assert hits >= 1, ref


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    themes_by_loe: dict[str, set[str]] = {loe: set() for loe in LOES}
    sessions_by_theme: dict[str, set[str]] = {}
    for g in golds:
        for t in g["turns"]:
            assert set(t["loe"]) <= LOES and len(set(t["loe"])) == len(t["loe"])
            role = g["speakers"][t["speaker"]]["role"]
            if t["theme"] is None:
                assert not (t["loe"] and role == "participant"), (g["label"], t["i"])
                continue
            loe, slug = t["theme"].split("/", 1)
            assert loe in t["loe"] and re.fullmatch(r"[a-z0-9-]+", slug)
            themes_by_loe[loe].add(t["theme"])
            sessions_by_theme.setdefault(t["theme"], set()).add(g["label"])
    for loe, themes in themes_by_loe.items():
        assert 3 <= len(themes) <= 4, (loe, sorted(themes))
    for theme, labels in sessions_by_theme.items():
        assert len(labels) >= 2, f"{theme} does not recur across sessions"


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT, tmp_path, monkeypatch)
