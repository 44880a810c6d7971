"""Checks on the dev7 tuning set in bench/data/dev7 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser, with emphasis on places of every kind
(streets with and without a street word, estates, villages, rooms, places that are ordinary
words), organisations named the way staff talk, and surnames that are ordinary words.
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev7/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    ORIGINS,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_phones_in_drama_ranges,
    check_pii_counts_match_the_readme,
    check_public_references_present_and_unmarked,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV7 = ROOT / "bench" / "data" / "dev7"
FORMATS_WANTED = Counter(
    {"teams-vtt": 1, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {"north-west", "east", "south-west"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 123,
    "PLACE": 107,
    "ORG": 68,
    "ID": 18,
    "PHONE": 12,
    "EMAIL": 7,
    "POSTCODE": 5,
}
PII_MINIMUM = {"ID": 12, "PHONE": 12, "EMAIL": 5, "POSTCODE": 4}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "NHS",
    "DWP",
    "HMRC",
    "ACAS",
    "Unison",
    "GMB",
    "Unite",
    "Indeed",
    "Guardian",
)
# Surnames that are ordinary words: each is marked as a PERSON (alone or in a longer name)
# and also appears unmarked as the ordinary word somewhere in the set.
WORD_SURNAMES = ("baker", "wood", "hill", "brown", "gold", "marsh", "booth", "cook")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "baker",
    "wood",
    "hill",
    "marsh",
    "booth",
    "cook",
    "mind",
    "posh",
    "eye",
    "pool",
}
DRAMA_PHONE = re.compile(r"07700900\d{3}|01514960\d{3}|01174960\d{3}|01632960\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", flags=re.I)


def load_golds() -> list[dict]:
    return labelled_set.load_golds(DEV7)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/dev7/gold"
    return found


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV7, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict]) -> None:
    assert [g["label"] for g in golds] == ["D701", "D702", "D703", "D704", "D705"]
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|docx|txt)", g["file"])
        assert 35 <= len(g["turns"]) <= 42, g["label"]
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 3 <= len(participants) <= 5, g["label"]  # 4-6 speakers with the facilitator
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict]) -> None:
    readme = (DEV7 / "README.md").read_text(encoding="utf-8")
    check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(300, 340)
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins) in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) <= ORIGINS
    assert len(mentions) >= 10, "too few origins represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.50
    distinct = distinct_persons(golds)
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.50


def test_word_surnames_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_SURNAMES, anywhere_in_name=True)
    persons = [s["text"].casefold() for s in all_spans(golds, "PERSON")]
    alone = {p for p in persons if p in WORD_SURNAMES}
    assert len(alone) >= 4, "too few word-surnames used on their own"
    titled = [p for p in persons if re.match(r"(mr|mrs|cllr|dr) ", p)]
    assert len(titled) >= 8, "too few titled names"


def test_marked_surfaces_unmarked_elsewhere_are_deliberate(golds: list[dict]) -> None:
    """A surface marked once but left unmarked elsewhere must be an intended ordinary word."""
    marked = {s["text"].casefold() for s in all_spans(golds)}
    masked = masked_texts(golds)
    for surface in marked:
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if any(pattern.search(text) for text in masked):
            assert surface in ORDINARY_WORD_USES, surface


def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    street_word = re.compile(r"\b(road|street|lane|square)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 12, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 15, "too few lower-case places"
    assert (
        sum(bool(re.search(r"\b(house|hall|room|building|buildings)\b", p, re.I)) for p in places)
        >= 10
    )
    assert any(re.search(r"\d", p) for p in places), "no numbered room"
    org_word = re.compile(r"\b(council|college|university|trust|primary|church|services)\b", re.I)
    assert sum(not org_word.search(o) for o in orgs) >= 40, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 8, "too few lower-case orgs"
    # a town or county name used to mean its council
    for council in ("Sefton", "Bootle", "Croydon", "Swindon", "cambridgeshire"):
        assert council in orgs, council


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any("-" in p for p in phones), "no dashed number"
    assert any(" ext " in p for p in phones)


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(i.islower() for i in ids), "no lower-case reference"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"
    assert len({len(p.split()[0]) for p in postcodes}) >= 3, "postcode shapes not varied"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    check_loe_and_theme_labels(golds)


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV7, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV7, tmp_path, monkeypatch)
