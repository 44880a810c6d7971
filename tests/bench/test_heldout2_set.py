"""Checks on the second held-out evaluation set in bench/data/heldout2 (scripts, files, gold).

The set is hand-written, blind to the anonymiser and independent of the other sets; these
tests keep it internally consistent (gold spans match the text, turns align with the rendered
files, a re-render is byte-identical) and hold its size and balance to what its README states.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    PII_TYPES,
    SPOKEN_DIGITS,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_phones_in_drama_ranges,
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
HELDOUT2 = ROOT / "bench" / "data" / "heldout2"
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS = {"east-of-england", "south-east", "london"}
MINIMUM_BY_TYPE = {
    "PERSON": 150,
    "ORG": 40,
    "PLACE": 35,
    "PHONE": 20,
    "ID": 20,
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
    "ACAS",
    "Stonewall",
    "Mind",
    "Access to Work",
)
WORD_NAMES = (
    "will",
    "joy",
    "mark",
    "miles",
    "summer",
    "april",
    "patience",
    "blessing",
    "hazel",
    "bill",
    "sunny",
    "rose",
)
# Ofcom numbers reserved for drama: mobiles 07700 900xxx, London 020 7946 0xxx,
# 0113-0118 and 0121-0161 496 0xxx, 01632 960xxx, freephone 0808 157 0xxx (national digits).
DRAMA_PHONE = re.compile(r"0(7700900|2079460|11[3-8]4960|1[2-6]14960|1632960|8081570)\d{3}")
SPOKEN_WORD = re.compile(rf"\b({'|'.join(SPOKEN_DIGITS)}|double)\b")
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Councillor ", "Inspector ")


def load_golds() -> list[dict]:
    return labelled_set.load_golds(HELDOUT2)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/heldout2/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (HELDOUT2 / "README.md").read_text(encoding="utf-8")


def stated_counts(readme: str, heading: str) -> dict[str, int]:
    """`NAME n, NAME n, ...` pairs in the README paragraph that starts with `heading`."""
    paragraph = readme.split("\n" + heading, 1)[1].split("\n\n", 1)[0]
    return {k: int(v) for k, v in re.findall(r"([A-Za-z_]+) (\d+)", paragraph)}


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT2, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict]) -> None:
    assert len(golds) == 6
    check_sessions_kinds_formats_and_sizes(
        golds, FORMATS_WANTED, regions=REGIONS, interview_turns=(30, 45), group_turns=(35, 50)
    )


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_readme_and_minimums(golds: list[dict], readme: str) -> None:
    by_type = Counter(s["type"] for s in all_spans(golds))
    assert set(by_type) == PII_TYPES
    for kind, least in MINIMUM_BY_TYPE.items():
        assert by_type[kind] >= least, kind
    assert stated_counts(readme, "By type:") == dict(by_type)
    total = re.search(r"## PII counts \((\d+) marked mentions\)", readme)
    assert total and int(total.group(1)) == sum(by_type.values())


def test_person_origins_match_readme_and_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert stated_counts(readme, "PERSON mentions by origin:") == dict(mentions)
    share = 1 - mentions["anglo"] / sum(mentions.values())
    assert 0.50 <= share <= 0.62, share
    persons = distinct_persons(golds)
    distinct = Counter(persons.values())
    assert stated_counts(readme, "Distinct person surfaces by origin:") == dict(distinct)
    distinct_share = 1 - distinct["anglo"] / len(persons)
    assert 0.50 <= distinct_share <= 0.62, distinct_share
    assert len({o for o in persons.values() if o != "anglo"}) >= 10


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert any(t[:1].islower() for t in texts), "no lower-case name"
    assert sum(" " in t for t in texts) >= 20, "too few full names"
    assert any(not t.isascii() for t in texts), "no non-ASCII name"
    assert any("-" in t for t in texts), "no hyphenated name"
    assert any(re.search(r"\b[A-Z]\.", t) for t in texts), "no initial"
    assert sum(t.startswith(TITLES) for t in texts) >= 10, "too few titles"
    assert any(re.search(r" (van|de|da|Nic) ", t) for t in texts), "no name with a particle"
    assert possessive_names(golds) >= 4
    assert last_first_speakers(golds) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES)


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(
        golds, PUBLIC_REFERENCES, inside_longer_span_ok=False
    )


def test_phones_are_fictional_and_few_are_spoken(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges([p for p in phones if not SPOKEN_WORD.search(p)], DRAMA_PHONE)
    assert 1 <= sum(bool(SPOKEN_WORD.search(p)) for p in phones) <= 2


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, loe_only_with_theme=True)
    stated = re.search(r"## Gold themes \(coded participant turns: (\d+)\)", readme)
    assert stated and int(stated.group(1)) == coded.total()
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        assert re.search(rf"\| {loe} \|[^\n]*\b{re.escape(slug)} {n}\b", readme), theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT2, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT2, tmp_path, monkeypatch)
