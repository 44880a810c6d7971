"""Checks on the dev3 tuning set in bench/data/dev3 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser, and aimed at hard cases in spoken
transcripts (brand-name employers, phone and ID spellings, word-names, name particles).
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev3/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_ids_emails_postcodes_have_varied_forms,
    check_loe_and_theme_labels,
    check_name_shapes_are_represented,
    check_no_consecutive_turns_by_one_speaker,
    check_orgs_mostly_without_org_words,
    check_person_origin_balance,
    check_phone_forms,
    check_pii_counts_match_the_readme,
    check_public_references_present_and_unmarked,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
    check_sessions_kinds_formats_and_sizes,
    check_word_names_marked_and_also_left_as_words,
)

ROOT = Path(__file__).resolve().parents[2]
DEV3 = ROOT / "bench" / "data" / "dev3"
FORMATS_WANTED = Counter(
    {"teams-vtt": 1, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {"scotland", "wales", "northern-ireland", "north-east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 144,
    "ORG": 58,
    "PLACE": 53,
    "ID": 25,
    "PHONE": 20,
    "EMAIL": 8,
    "POSTCODE": 6,
}
PII_MINIMUM = {
    "PERSON": 130,
    "ORG": 45,
    "PLACE": 40,
    "PHONE": 20,
    "ID": 25,
    "EMAIL": 8,
    "POSTCODE": 6,
}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "NHS",
    "DWP",
    "HMRC",
    "Stonewall",
    "Access to Work",
)
WORD_NAMES = (
    "will",
    "mark",
    "grace",
    "hope",
    "bill",
    "rose",
    "dawn",
    "sunny",
    "joy",
    "amber",
    "patience",
    "precious",
    "blessing",
)
TITLES = ("Cllr ", "Dr ", "Mrs ", "Mr ", "Pastor ", "Imam ", "Sister ", "Father ")
PARTICLES = ("van der ", "Mac an ", "O'", "al-", "bin ")
ORG_WORDS = re.compile(
    r"\b(council|ltd|limited|plc|trust|group|college|university|school|academy|homes|"
    r"housing|nhs|company)\b",
    flags=re.I,
)


def load_golds() -> list[dict]:
    return labelled_set.load_golds(DEV3)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/dev3/gold"
    return found


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV3, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict]) -> None:
    assert len(golds) == 5
    check_sessions_kinds_formats_and_sizes(golds, FORMATS_WANTED, regions=REGIONS_WANTED)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict]) -> None:
    readme = (DEV3 / "README.md").read_text(encoding="utf-8")
    check_pii_counts_match_the_readme(golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM)


def test_person_origin_balance(golds: list[dict]) -> None:
    check_person_origin_balance(golds, min_distinct_persons=100)


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    check_name_shapes_are_represented(golds, TITLES, PARTICLES)


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES)


def test_orgs_mostly_without_org_words(golds: list[dict]) -> None:
    check_orgs_mostly_without_org_words(golds, ORG_WORDS, bare=35, lower_case=5, acronyms=4)


def test_phone_forms(golds: list[dict]) -> None:
    check_phone_forms(golds, "ending 533")


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    check_ids_emails_postcodes_have_varied_forms(golds)


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    check_loe_and_theme_labels(golds)


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV3, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV3, tmp_path, monkeypatch)
