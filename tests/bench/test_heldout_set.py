"""Checks on the held-out evaluation set in bench/data/heldout (scripts, rendered files, gold).

The set is hand-written and independent of the demo corpus; these tests keep it internally
consistent (gold spans match the text, turns align with the rendered files) and keep its
size and balance at what the benchmarks rely on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    PII_TYPES,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_public_references_present_and_unmarked,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
    check_sessions_kinds_formats_and_sizes,
    check_word_names_marked_and_also_left_as_words,
    distinct_persons,
    last_first_speakers,
    possessive_names,
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


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT, golds)


def test_sessions_kinds_formats_and_sizes(golds: list[dict]) -> None:
    assert len(golds) >= 6
    check_sessions_kinds_formats_and_sizes(
        golds, FORMATS_WANTED, interview_turns=(25, 35), group_turns=(35, 50)
    )


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
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert any(t[:1].islower() for t in texts), "no lower-case name"
    assert any(" " in t for t in texts), "no full name"
    assert possessive_names(golds) >= 2
    assert last_first_speakers(golds) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, unmarked_as_prefix=True)


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(
        golds, PUBLIC_REFERENCES, inside_longer_span_ok=False
    )


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    check_loe_and_theme_labels(golds)


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT, tmp_path, monkeypatch)
