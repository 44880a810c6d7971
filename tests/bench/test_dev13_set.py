"""Checks on the dev13 tuning set in bench/data/dev13 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: five sessions (four focus groups, one
interview) with UK public-sector staff about equality, diversity and inclusion at work
(Bradford and Kirklees, Nottingham, Sunderland adult social care, Ealing, Southampton), in
all five formats, with ordinary mentions of people, employers, councils, towns and contact
details and a fair share of hard cases (word-names, nicknames, short-name organisations,
estates, streets, rooms, a spoken phone, e-mail and ID, a lower-case Otter file without
punctuation). These tests keep it internally consistent (gold spans match the text, turns align
with the rendered files, a re-render is byte-identical) and keep the counts and balance stated
in bench/data/dev13/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_person_origin_balance,
    check_phones_in_drama_ranges,
    check_pii_counts_match_the_readme,
    check_public_references_present_and_unmarked,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
    check_session_rows_in_readme,
    check_sessions_kinds_formats_and_sizes,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV13 = ROOT / "bench" / "data" / "dev13"
LABELS = ["D1301", "D1302", "D1303", "D1304", "D1305"]
FORMATS_WANTED = Counter(
    {"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "teams-docx": 1, "plain-txt": 1}
)
REGIONS_WANTED = {"yorkshire", "east-midlands", "north-east", "london", "south-east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 140,
    "PLACE": 137,
    "ORG": 69,
    "ID": 12,
    "PHONE": 8,
    "EMAIL": 5,
    "POSTCODE": 5,
}
PII_MINIMUM = {"PERSON": 120, "PLACE": 100, "ORG": 55}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "black lives matter",
    "Equality Act 2010",
    "Race Relations Act",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "WhatsApp",
    "whatsapp",
    "Facebook",
    "facebook",
    "NHS",
    "GMB",
    "unison",
    "Access to Work",
    "National Insurance",
)
# First names that are ordinary words: marked as a PERSON (alone or in a longer name) and
# also left unmarked as the ordinary word somewhere in the set.
WORD_NAMES = ("dawn", "joy", "gift", "memory", "rose", "will", "mark", "patience")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {"dawn", "gift", "joy", "mark", "memory", "rose", "will"}
# Anglo names that are ordinary words, places or countries, each marked at least once.
ANGLO_WORD_OR_PLACE_NAMES = (
    "Dawn",
    "Robin",
    "Jordan",
    "Dean",
    "Kerry",
    "joy",
    "chelsea",
    "Rose",
    "Will",
    "Mark",
    "Shirley",
    "Hazel",
    "Ashley",
    "Councillor Frost",
    "Mark Lyndhurst",
)
# A town or county name used to mean its council.
TOWN_MEANING_COUNCIL = (
    "Kirklees",
    "Bradford",
    "Calderdale",
    "Leeds",
    "Derby",
    "Leicester",
    "County",
    "Ealing",
    "Hillingdon",
    "Richmond",
    "Hounslow",
    "Hampshire",
    "Portsmouth",
)
# Organisations whose short name is an ordinary word.
WORD_ORGS = ("Futures", "Trent", "Carnival", "Saints", "Solent", "the royal", "gentoo", "Hays")
CITIES_ABROAD = (
    "Kumasi",
    "May Pen",
    "Lublin",
    "Kraków",
    "kottayam",
    "cebu",
    "homs",
    "bulawayo",
    "dubai",
    "braga",
    "Gdynia",
    "Tralee",
    "Hargeisa",
    "Kabul",
    "Ludhiana",
    "Kampala",
    "Shiraz",
    "Nairobi",
    "Aleppo",
)
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Cllr ", "Councillor ", "Prof ", "mr ", "mrs ", "dr ")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01134960\d{3}|01154960\d{3}|02079460\d{3}|01632960\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV13)
    assert found, "no gold files under bench/data/dev13/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV13 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV13, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    check_sessions_kinds_formats_and_sizes(
        golds,
        FORMATS_WANTED,
        regions=REGIONS_WANTED,
        interview_turns=(35, 40),
        group_turns=(35, 40),
        group_participants=(4, 5),
    )
    assert len({g["attrs"]["authority"] for g in golds}) == 5
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt|docx)", g["file"])
        assert "2020-01-01" <= g["date"] <= "2022-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    teams_vtt = [g for g in golds if g["format"] == "teams-vtt"]
    assert all(", " in k for g in teams_vtt for k in g["speakers"]), "Teams shows 'Last, First'"
    assert labelled_set.last_first_speakers(golds) == 6
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(330, 380)
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    persons = distinct_persons(golds)
    non_anglo = sum(o != "anglo" for o in persons.values())
    assert f"Distinct person surfaces (case-folded): {len(persons)}" in readme
    assert f"of which non-anglo {non_anglo}" in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    check_person_origin_balance(
        golds, min_distinct_persons=100, mentions_share=(0.60, 0.80), distinct_share=(0.60, 0.80)
    )
    anglo = [s["text"] for s in all_spans(golds, "PERSON") if s["origin"] == "anglo"]
    assert len(anglo) >= 30, "Anglo names should keep a fair share"
    for name in ANGLO_WORD_OR_PLACE_NAMES:
        assert name in anglo, name


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    for title in TITLES:
        assert any(p.startswith(title) for p in persons), title
    assert sum(p.startswith(TITLES) for p in persons) >= 15, "too few titled names"
    assert sum("-" in p for p in persons) >= 4, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 25, "too few lower-case names"
    assert sum(" " not in p for p in persons) >= 100, "most mentions are a single name"
    nicknames = {"Del", "Jas", "Ola", "cel", "Harj", "Aga", "Mo", "Bev", "kath", "rumbi", "Mick"}
    assert nicknames <= set(persons), nicknames - set(persons)
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
    street_word = re.compile(r"\b(road|street|lane|square)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 10, "too few named streets"
    assert "Above Bar" in places, "a street without a street word"
    building = re.compile(r"\b(house|hall|room|centre|tower|depot|hospital)\b", flags=re.I)
    assert sum(bool(building.search(p)) for p in places) >= 15, "too few buildings and rooms"
    assert {"Goldfish Bowl", "Ada Lovelace room", "Mayflower Room"} <= set(places), "rooms"
    assert sum(p[:1].islower() for p in places) >= 30, "too few lower-case places"
    assert {"Holme Wood", "South Acton", "town end farm", "Meadows"} <= set(places), "estates"
    for city in CITIES_ABROAD:
        assert city in places, city


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    places = {s["text"] for s in all_spans(golds, "PLACE")}
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    for org in WORD_ORGS:
        assert org in orgs, org
    assert "Ealing" in places and "the royal" in places, "one name as employer and as place"
    org_word = re.compile(
        r"\b(council|college|university|uni|trust|hospitals?|homes|mosque|constabulary)\b", re.I
    )
    assert sum(not org_word.search(o) for o in orgs) >= 45, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 10, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 6, "too few acronyms"
    opening = sum(
        s["type"] == "ORG"
        and " " not in s["text"]
        and (s["start"] == 0 or t["text"][: s["start"]].rstrip().endswith((".", "?", "!")))
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
    )
    assert opening >= 3, "one-word organisations opening a sentence"


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    for t in otter[0]["turns"]:
        assert t["text"] == t["text"].lower(), t["i"]
        assert not re.search(r"[^\w\s]", t["text"]), t["i"]
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert len(spans) >= 60


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) >= 2, "too few bare numeric IDs"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert sum(bool(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)+", i)) for i in ids) >= 3, "dashed"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert sum(i.islower() and bool(re.search(r"\d", i)) for i in ids) >= 2, "lower-case IDs"
    assert sum(not re.search(r"\d", i) for i in ids) == 1, "one spoken ID"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum(" dot " in e and " at " in e for e in emails) == 1, "one spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3))
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        assert re.search(rf"\b{re.escape(slug)} {n}\b", readme), theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV13, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV13, tmp_path, monkeypatch)
