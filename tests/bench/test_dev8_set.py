"""Checks on the dev8 tuning set in bench/data/dev8 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with English local-government
staff (Birmingham, Kent, Blackpool, East Sussex), with places mentioned the way people talk
(districts, estates, streets with and without a street word, landmarks, rooms, towns that are
ordinary words, a lower-case Otter file), organisations by short names, and word-names.
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev8/README.md.
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
    check_session_rows_in_readme,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV8 = ROOT / "bench" / "data" / "dev8"
LABELS = ["D801", "D802", "D803", "D804"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 1})
REGIONS_WANTED = {"west-midlands", "south-east", "north-west"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 100,
    "PLACE": 93,
    "ORG": 60,
    "ID": 7,
    "PHONE": 7,
    "EMAIL": 5,
    "POSTCODE": 5,
}
PII_MINIMUM = {"PERSON": 90, "PLACE": 70, "ORG": 45}
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
)
# First names that are ordinary words: marked as a PERSON (alone or in a longer name) and
# also left unmarked as the ordinary word somewhere in the set.
WORD_NAMES = ("blessing", "frank", "summer", "precious")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "battle",
    "blessing",
    "council house",
    "deal",
    "frank",
    "next",
    "sandwich",
    "tower",
}
# Towns, landmarks and organisations whose name is an ordinary word, each marked at least once.
WORD_SURFACES = {
    "PLACE": ("Battle", "Deal", "Sandwich", "Rye", "Ore", "tower", "prom", "oxford"),
    "ORG": ("Next", "Conquest", "vic", "collegiate"),
}
# A town or county name used to mean its council, and the same name as a place.
TOWN_MEANING_COUNCIL = ("Solihull", "Sandwell", "Medway", "wyre", "preston", "Wealden", "Rother")
CITIES_ABROAD = ("Takoradi", "Wrocław", "Enugu", "Kowloon", "Porto", "casablanca", "gdańsk")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01214960\d{3}|01632960\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV8)
    assert found, "no gold files under bench/data/dev8/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV8 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV8, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 32 <= len(g["turns"]) <= 40, g["label"]
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
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(240, 280)
    )
    assert by_type["PERSON"] > by_type["PLACE"] > by_type["ORG"], "places second after people"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.50
    distinct = distinct_persons(golds)
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.50


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    titled = [
        p for p in persons if re.match(r"(Mr|Mrs|Dr|Cllr|Councillor|Prof|Inspector) ", p, re.I)
    ]
    assert len(titled) >= 10, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 3, "too few non-ASCII names"
    assert labelled_set.possessive_names(golds) >= 1


def test_marked_surfaces_unmarked_elsewhere_are_deliberate(golds: list[dict]) -> None:
    """A surface marked once but left unmarked elsewhere must be an intended ordinary word."""
    marked = {s["text"].casefold() for s in all_spans(golds)}
    masked = masked_texts(golds)
    found = set()
    for surface in marked:
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if any(pattern.search(text) for text in masked):
            assert surface in ORDINARY_WORD_USES, surface
            found.add(surface)
    assert found == ORDINARY_WORD_USES


def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    street_word = re.compile(r"\b(road|street|row|square|crescent|circus)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 8, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 15, "too few lower-case places"
    assert sum(bool(re.search(r"\b(house|hall|room|buildings)\b", p, re.I)) for p in places) >= 10
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    assert "Aston" in orgs and "Aston" in places, "a name as employer and as district"
    assert "preston" in orgs and "preston" in places
    for city in CITIES_ABROAD:
        assert city in places, city
    org_word = re.compile(r"\b(council|college|university|trust|police|branch|house)\b", re.I)
    assert sum(not org_word.search(o) for o in orgs) >= 40, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 10, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 6, "too few acronyms"


def test_otter_session_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert spans and all(s == s.lower() for s in spans)


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any("-" in p for p in phones), "no dashed number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


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


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    check_loe_and_theme_labels(golds)


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV8, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV8, tmp_path, monkeypatch)
