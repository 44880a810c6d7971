"""Checks on the dev11 tuning set in bench/data/dev11 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(Cardiff, Bristol, Leicester, Tower Hamlets) on equality, diversity and inclusion at work, in
four formats (Teams .vtt with 'Last, First' speakers, Zoom .vtt, an Otter .txt that is lower
case with no punctuation at all, a Teams .docx). It mixes ordinary mentions with hard cases:
names that are ordinary words, surnames alone, titles, nicknames; organisations by short name,
acronym or a town meaning its council; places named with 'the', streets with and without a
street word, Welsh place names, towns abroad; IDs read out digit by digit or letter by letter.
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev11/README.md.
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
DEV11 = ROOT / "bench" / "data" / "dev11"
LABELS = ["D1101", "D1102", "D1103", "D1104"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "teams-docx": 1})
REGIONS_WANTED = {"wales", "south-west", "east-midlands", "london"}
AUTHORITIES_WANTED = {"cardiff", "bristol", "leicester", "tower-hamlets"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 105,
    "PLACE": 92,
    "ORG": 84,
    "ID": 14,
    "PHONE": 8,
    "EMAIL": 6,
    "POSTCODE": 6,
}
PII_MINIMUM = {"PERSON": 90, "PLACE": 75, "ORG": 70}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Black History Month",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "WhatsApp",
    "Indeed",
    "NHS",
    "Unison",
    "GMB",
    "Unite",
    "Disability Confident",
)
# Names that are ordinary words (a virtue, a month, a job, a colour, a verb): marked as a
# PERSON (alone or in a longer name) and also left unmarked as the ordinary word somewhere.
WORD_NAMES = ("grace", "hope", "june", "joy", "will", "baker", "green")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {"baker", "grace", "pill", "walkers", "will"}
# Surnames used alone, each marked at least once.
SURNAMES_ALONE = ("Mason", "Nasser", "Gray", "Baker", "Chapman", "cooper", "okafor")
# Places and organisations whose name is an ordinary word, each marked at least once.
WORD_SURFACES = {
    "PLACE": ("Heath", "Downs", "Pill", "Broadway", "saffron", "golden mile"),
    "ORG": ("Admiral", "Sovereign", "Spark", "Rise", "Matrix", "walkers", "tigers"),
}
# A town or borough name used to mean its council.
TOWN_MEANING_COUNCIL = ("Newport", "Bristol", "South Glos", "Tower Hamlets", "Newham", "Hackney")
WELSH_PLACES = ("Caerffili", "Ystrad Mynach", "Pen-y-lan", "Llanishen", "Llanrumney")
PLACES_ABROAD = ("Aden", "Hargeisa", "Lublin", "Burao", "Katowice", "Navsari", "iasi", "abeokuta")
STAFF_NETWORKS = ("Cymuned", "Kaleidoscope", "Ubuntu", "Spark", "sankofa", "Ekota", "Rise")
DRAMA_PHONE = re.compile(r"07700900\d{3}|02920180\d{3}|01174960\d{3}|01164960\d{3}|02079460\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV11)
    assert found, "no gold files under bench/data/dev11/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV11 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV11, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert {g["attrs"]["authority"] for g in golds} == AUTHORITIES_WANTED
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt|docx)", g["file"])
        assert 35 <= len(g["turns"]) <= 40, g["label"]
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 3 <= len(participants) <= 5, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    assert labelled_set.last_first_speakers(golds) >= 6, "Teams .vtt speakers are 'Last, First'"
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(280, 330)
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert 0.55 <= non_anglo <= 0.75
    distinct = distinct_persons(golds)
    assert len(distinct) >= 85
    assert 0.55 <= sum(o != "anglo" for o in distinct.values()) / len(distinct) <= 0.75


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    titled = [p for p in persons if re.match(r"(Mr|Mrs|Ms|Dr|Cllr) ", p, flags=re.I)]
    assert len(titled) >= 12, "too few titled names"
    assert sum(p[:1].islower() for p in persons) >= 20, "too few lower-case names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 3, "too few non-ASCII names"
    for surname in SURNAMES_ALONE:
        assert surname in persons, surname
    assert labelled_set.possessive_names(golds) >= 2
    assert labelled_set.names_opening_a_sentence(golds) >= 10


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


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    street_word = re.compile(r"\b(road|street|square|close|way|lane)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 10, "too few named streets"
    building = re.compile(r"\b(house|hall|room|centre|place)\b", flags=re.I)
    assert sum(bool(building.search(p)) for p in places) >= 10, "too few named buildings"
    assert sum(p[:1].islower() for p in places) >= 20, "too few lower-case places"
    for surface in WORD_SURFACES["PLACE"] + WELSH_PLACES + PLACES_ABROAD:
        assert surface in places, surface
    # A place usually said with 'the': the span leaves the article outside.
    the_before = 0
    for g in golds:
        for t in g["turns"]:
            for s in t["pii"]:
                if s["type"] == "PLACE" and t["text"][: s["start"]].lower().endswith("the "):
                    the_before += 1
    assert the_before >= 8, "too few places named with 'the'"
    assert not any(p.lower().startswith("the ") for p in places)


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    for surface in WORD_SURFACES["ORG"] + TOWN_MEANING_COUNCIL + STAFF_NETWORKS:
        assert surface in orgs, surface
    org_word = re.compile(
        r"\b(council|college|university|trust|branch|centre|group|research)\b", flags=re.I
    )
    assert sum(not org_word.search(o) for o in orgs) >= 55, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 12, "too few lower-case orgs"
    acronyms = {o for o in orgs if o.isupper() and 2 <= len(o) <= 5}
    assert len(acronyms) >= 8, "too few distinct acronyms"
    opening = sum(
        s["type"] == "ORG"
        and (s["start"] == 0 or t["text"][: s["start"]].rstrip().endswith((".", "?", "!")))
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
    )
    assert opening >= 1, "no organisation opening a sentence"
    assert sum(o.endswith(" branch") for o in orgs) >= 3, "union branches"


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    for t in otter[0]["turns"]:
        assert re.fullmatch(r"[a-z0-9 ]+", t["text"]), t["i"]
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert spans and all(s == s.lower() for s in spans)


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"qq \d\d \d\d \d\d [a-d]", i) for i in ids), "no lower-case NI"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    assert any(
        re.fullmatch(r"(?:(?:one|two|three|four|five|six|seven|eight|nine|oh) ?)+", i) for i in ids
    ), "no reference read out digit by digit"
    assert any(re.fullmatch(r"(?:[A-Z0-9]-)+[A-Z0-9]", i) for i in ids), "no spelled reference"
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
    check_rendered_files_align_with_gold_turns(DEV11, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV11, tmp_path, monkeypatch)
