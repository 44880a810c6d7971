"""Checks on the dev19 tuning set in bench/data/dev19 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(councils, NHS, police, fire, housing, schools, transport, libraries, leisure) in Slough and
Reading, Milton Keynes and Northampton, Preston and Blackburn (a lower-case Otter file), and
Middlesbrough and Stockton, about equality, diversity and inclusion at work. The weight is on
organisations mentioned in passing (one-word employers, acronyms, short hospital and college
names, networks and charities with ordinary-word names, clubs by nickname), places of every
shape, and names of many origins. These tests keep it internally consistent (gold spans match
the text, turns align with the rendered files, a re-render is byte-identical) and keep the
counts and balance stated in bench/data/dev19/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    ORIGINS,
    POSTCODE_SHAPE,
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
DEV19 = ROOT / "bench" / "data" / "dev19"
LABELS = ["D1901", "D1902", "D1903", "D1904"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 1})
REGIONS_WANTED = {"south-east", "south-midlands", "north-west", "north-east"}
AREAS_WANTED = {
    "slough-reading",
    "milton-keynes-northampton",
    "preston-blackburn",
    "middlesbrough-stockton",
}
WORDS_TOTAL = 14_125  # words in all turn texts (str.split), as the README states
WORDS_RANGE = (13_000, 16_000)
# The counts stated in the README; change both together.
PII_COUNTS = {
    "ORG": 186,
    "PLACE": 164,
    "PERSON": 154,
    "ID": 13,
    "PHONE": 8,
    "EMAIL": 5,
    "POSTCODE": 4,
}
PII_MINIMUM = {"ORG": 170, "PLACE": 150, "PERSON": 140}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Equality Act",
    "Mary Seacole",
    "Black History Month",
    "NHS",
    "FBU",
    "Unison",
    "DBS",
    "Indeed",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "Teams",
)
# First names that are ordinary words: marked inside a PERSON span and also left unmarked as
# the ordinary word somewhere in the set.
WORD_NAMES = ("grace", "comfort", "patience", "dawn")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "anytime",
    "better",
    "booths",
    "bridges",
    "catalyst",
    "central",
    "comfort",
    "curve",
    "dawn",
    "embrace",
    "gateway",
    "grace",
    "reading",
    "roots",
    "spectrum",
    "star",
    "thirteen",
    "unity",
}
# Organisations and places whose name is an ordinary word, each marked at least once.
WORD_SURFACES = {
    "ORG": (
        "Thirteen",
        "Better",
        "Unity",
        "Spectrum",
        "Roots",
        "Bridges",
        "Catalyst",
        "Justice First",
        "Anytime",
        "Mars",
        "Royals",
        "Dons",
        "Cobblers",
        "embrace",
        "gateway",
        "booths",
        "star",
        "north end",
    ),
    "PLACE": ("Curve", "Central", "Transporter", "Infinity", "Arc", "Civic", "Newport"),
}
# Employers, schools and shops named after a person: ORG, never PERSON.
PERSON_LIKE_ORGS = (
    "Travis Perkins",
    "Sir Herbert Leon",
    "Malcolm Arnold",
    "Thomas Becket",
    "Church's",
    "Binns",
    "Hays",
    "Macmillan",
    "thwaites",
    "bannatyne's",
)
# A hospital named after a person, as a place of work: PLACE, never PERSON.
PERSON_LIKE_PLACES = ("James Cook", "Preston Park")
# A town name meaning its council.
TOWN_MEANING_COUNCIL = (
    "Slough",
    "Reading",
    "Wokingham",
    "Middlesbrough",
    "Stockton",
    "Hartlepool",
    "Redcar",
)
# The same surface marked as an organisation and as a place.
ORG_AND_PLACE = ("Slough", "Reading", "Middlesbrough", "Stockton", "Langley", "Boro")
CITIES_ABROAD = (
    "Poznań",
    "Montego Bay",
    "Sylhet",
    "Enugu",
    "Szczecin",
    "Tai Po",
    "Manila",
    "Kaunas",
    "Cluj",
    "Mirpur",
    "Tehran",
    "Asmara",
    "Sulaymaniyah",
    "Herat",
    "Cebu",
    "bharuch",
    "blantyre",
    "port harcourt",
    "łódź",
)
TITLES = (
    "mrs ",
    "mr ",
    "dr ",
    "cllr ",
    "sgt ",
    "pc ",
    "ds ",
    "chief inspector ",
    "father ",
    "sister ",
    "maulana ",
    "auntie ",
)
ORG_WORD = re.compile(
    r"\b(council|college|uni|university|trust|police|branch|house|association|society|"
    r"school|centre|academy|unison|fire|buses|bus|community)\b",
    flags=re.I,
)
DRAMA_PHONE = re.compile(r"07700900\d{3}|01184960\d{3}|01632960\d{3}|01914980\d{3}")
NHS_NUMBER = re.compile(r"\d{3} \d{3} \d{4}")
NI_NUMBER = re.compile(r"QQ \d\d \d\d \d\d [A-D]")


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV19)
    assert found, "no gold files under bench/data/dev19/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV19 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV19, golds)


def test_sessions_kinds_formats_areas_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert {g["attrs"]["area"] for g in golds} == AREAS_WANTED
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 44 <= len(g["turns"]) <= 58, g["label"]
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(participants) <= 5, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    check_session_rows_in_readme(golds, readme)


def test_word_count_matches_the_readme(golds: list[dict], readme: str) -> None:
    words = sum(len(t["text"].split()) for g in golds for t in g["turns"])
    assert words == WORDS_TOTAL
    assert WORDS_RANGE[0] <= words <= WORDS_RANGE[1]
    assert f"{words:,} words" in readme
    for g in golds:
        assert 3_000 <= sum(len(t["text"].split()) for t in g["turns"]) <= 4_200, g["label"]


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(500, 560)
    )
    assert by_type["ORG"] > by_type["PLACE"] > by_type["PERSON"], "organisations first"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    lower = sum(s["text"][:1].islower() for s in all_spans(golds))
    assert f"lower-case initial: {lower}" in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.60
    distinct = distinct_persons(golds)
    assert len(distinct) >= 100
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.60


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    for title in TITLES:
        assert any(p.casefold().startswith(title) for p in persons), title
    titled = [p for p in persons if p.casefold().startswith(TITLES)]
    assert len(titled) >= 20, "too few titled names"
    assert sum("-" in p for p in persons) >= 5, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(" " not in p and "-" not in p for p in persons) >= 100, "too few single names"
    assert sum(p[:1].islower() for p in persons) >= 35, "too few lower-case names"
    assert labelled_set.possessive_names(golds) >= 3
    assert labelled_set.names_opening_a_sentence(golds) >= 15
    teams = [g for g in golds if g["format"] == "teams-vtt"]
    assert all(", " in k for g in teams for k in g["speakers"]), "Teams shows 'Last, First'"


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


def test_orgs_and_places_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    persons = {s["text"] for s in all_spans(golds, "PERSON")}
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for surface in PERSON_LIKE_ORGS:
        assert surface in orgs and surface not in persons, surface
    for surface in PERSON_LIKE_PLACES:
        assert surface in places and surface not in persons, surface
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    for surface in ORG_AND_PLACE:
        assert surface in orgs and surface in places, surface
    for city in CITIES_ABROAD:
        assert city in places, city
    assert sum(not ORG_WORD.search(o) for o in orgs) >= 150, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 30, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 15, "too few acronyms"
    street = re.compile(r"\b(road|street|avenue|lane|square|place)\b", flags=re.I)
    assert sum(bool(street.search(p)) for p in places) >= 8, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 35, "too few lower-case places"
    assert sum("-" in p for p in places) >= 1, "no hyphenated place"


def test_otter_session_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    turns = otter[0]["turns"]
    assert all(t["text"] == t["text"].lower() for t in turns)
    assert all(k == k.lower() for k in otter[0]["speakers"])
    spans = [s["text"] for t in turns for s in t["pii"]]
    assert len(spans) >= 120 and all(s == s.lower() for s in spans)


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
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(NI_NUMBER.fullmatch(i) for i in ids), "no NI number"
    assert sum(bool(NHS_NUMBER.fullmatch(i)) for i in ids) >= 2, "too few NHS numbers"
    assert sum(i.islower() for i in ids) >= 2, "too few lower-case references"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds)
    for theme, n in coded.items():
        assert f"{theme.split('/', 1)[1]} {n}" in readme, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV19, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV19, tmp_path, monkeypatch)
