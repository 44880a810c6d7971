"""Checks on the dev10 tuning set in bench/data/dev10 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK local-government
staff (Newcastle upon Tyne, Kingston upon Hull, Stoke-on-Trent, Croydon), with places
mentioned the way people talk (neighbourhoods and estates, places named with "the", local
nicknames, streets with and without a street word, named buildings, rooms and depots, towns
that are ordinary words, cities abroad, a lower-case Otter file), organisations by short
names, hospitals as employers, towns meaning their council, and word-names. These tests keep
it internally consistent (gold spans match the text, turns align with the rendered files, a
re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev10/README.md.
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
DEV10 = ROOT / "bench" / "data" / "dev10"
LABELS = ["D1001", "D1002", "D1003", "D1004"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 1})
REGIONS_WANTED = {"north-east", "yorkshire-and-the-humber", "west-midlands", "london"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 105,
    "PLACE": 93,
    "ORG": 73,
    "ID": 14,
    "PHONE": 9,
    "EMAIL": 6,
    "POSTCODE": 6,
}
PII_MINIMUM = {
    "PERSON": 95,
    "PLACE": 80,
    "ORG": 65,
    "ID": 10,
    "PHONE": 6,
    "EMAIL": 5,
    "POSTCODE": 5,
}
# Coded participant turns per theme, as the README's gold themes table states them.
THEME_COUNTS = {
    "recruitment/routes-in": 7,
    "recruitment/shortlisting-bias": 6,
    "recruitment/agency-to-permanent": 4,
    "progression/stalled-at-grade": 6,
    "progression/sponsorship": 5,
    "progression/secondments": 4,
    "training/unconscious-bias-training": 4,
    "training/accessible-formats": 3,
    "training/basic-skills": 3,
    "training/manager-training": 3,
    "engagement/belonging": 8,
    "engagement/hybrid-working": 6,
    "engagement/speaking-up": 5,
    "engagement/staff-surveys": 5,
}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Black History Month",
    "Windrush",
    "Equality Act 2010",
    "Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "Indeed",
    "NHS",
    "Home Office",
    "ACAS",
    "DBS",
    "Access to Work",
    "Unison",
    "GMB",
)
# First names that are ordinary words: marked as a PERSON (alone or in a longer name) and
# also left unmarked as the ordinary word somewhere in the set.
WORD_NAMES = ("grace", "sunday", "joy", "patience")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "aspire",
    "combined",
    "deep",
    "leek",
    "manpower",
    "patience",
    "riverside",
    "stone",
}
# Places and organisations whose name is an ordinary word, a nickname or a "the" name, each
# marked at least once with this exact surface.
WORD_SURFACES = {
    "PLACE": (
        "Swine",
        "stone",
        "leek",
        "Walker",
        "Shirley",
        "Deep",
        "Toon",
        "mother town",
        "Quayside",
        "Bigg Market",
        "Whitgift",
        "potteries",
        "Chilli Road",
        "BWH",
    ),
    "ORG": ("Sage", "Riverside", "Manpower", "aspire", "combined", "reed", "Mayday", "Nexus"),
}
# A town, county or borough name used to mean its council.
TOWN_MEANING_COUNCIL = (
    "Gateshead",
    "East Riding",
    "newcastle",
    "staffordshire",
    "Croydon",
    "Sutton",
    "Lambeth",
    "Bromley",
)
# One surface marked as an ORG in one place and as a PLACE in another.
ORG_AND_PLACE = ("Croydon", "Kingston", "RVI", "Whitgift")
HOSPITALS_AS_EMPLOYERS = ("RVI", "HRI", "Mayday", "CUH", "royal stoke")
STREETS_WITHOUT_STREET_WORD = ("Spring Bank", "North End", "piccadilly")
CITIES_ABROAD = (
    "Port Harcourt",
    "Hai Phong",
    "Asmara",
    "Gdynia",
    "Kumasi",
    "Sulaymaniyah",
    "Kaunas",
    "limerick",
    "sha tin",
    "iași",
    "mirpur",
    "Kingston",
    "Jaffna",
    "Montego Bay",
)
DRAMA_PHONE = re.compile(r"07700900\d{3}|01914980\d{3}|01134960\d{3}|02079460\d{3}|01632960\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV10)
    assert found, "no gold files under bench/data/dev10/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV10 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV10, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 35 <= len(g["turns"]) <= 40, g["label"]
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
            assert g["format"] == "plain-txt"
        else:
            assert g["kind"] == "focus group"
            assert 3 <= len(participants) <= 5, g["label"]  # 4-6 speakers with the facilitator
    assert sum(g["kind"] == "interview" for g in golds) == 1
    teams = [g for g in golds if g["format"] == "teams-vtt"]
    assert all(", " in k for g in teams for k in g["speakers"]), "Teams shows 'Last, First'"
    assert all(", " not in k for g in golds if g not in teams for k in g["speakers"])
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(280, 320)
    )
    assert by_type["PERSON"] > by_type["PLACE"] > by_type["ORG"], "places second after people"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert non_anglo / total >= 0.65
    assert f"Non-anglo: {non_anglo} of {total} mentions ({non_anglo / total:.1%})" in readme
    distinct = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in distinct.values())
    assert distinct_non_anglo / len(distinct) >= 0.65
    share = f"{distinct_non_anglo / len(distinct):.1%}"
    assert f"{len(distinct)}, of which non-anglo {distinct_non_anglo} ({share})" in readme


def test_word_names_and_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    title = re.compile(r"(Mr|Mrs|Ms|Dr|Cllr|Councillor|Auntie) ", flags=re.I)
    assert sum(bool(title.match(p)) for p in persons) >= 15, "too few titled names"
    assert "Mrs Wood" in persons and "mr house" in persons, "ordinary-word surnames"
    assert sum("-" in p for p in persons) >= 4, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 15, "too few lower-case names"
    assert labelled_set.possessive_names(golds) >= 3
    assert labelled_set.last_first_speakers(golds) >= 5


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
    street_word = re.compile(r"\b(road|street|lane|avenue)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 8, "too few named streets"
    for street in STREETS_WITHOUT_STREET_WORD:
        assert street in places, street
    assert sum(p[:1].islower() for p in places) >= 20, "too few lower-case places"
    building = re.compile(r"\b(house|halls?|room|centre|library)\b", flags=re.I)
    assert sum(bool(building.search(p)) for p in places) >= 15, "too few buildings and rooms"
    assert not any(p.casefold().startswith("the ") for p in places), "'the' stays outside"
    for surface in WORD_SURFACES["PLACE"]:
        assert surface in places, surface
    for city in CITIES_ABROAD:
        assert city in places, city


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    for surface in WORD_SURFACES["ORG"]:
        assert surface in orgs, surface
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    for surface in ORG_AND_PLACE:
        assert surface in orgs and surface in places, surface
    for hospital in HOSPITALS_AS_EMPLOYERS:
        assert hospital in orgs, hospital
    org_word = re.compile(
        r"\b(council|college|uni|university|trust|police|branch|house|school|services?)\b", re.I
    )
    assert sum(not org_word.search(o) for o in orgs) >= 50, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 12, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 6, "too few acronyms"
    assert sum("branch" in o.casefold() for o in orgs) >= 3, "local union branches"
    # An organisation name opening a sentence.
    assert any(
        s["type"] == "ORG" and (s["start"] == 0 or t["text"][: s["start"]].rstrip().endswith("."))
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
    )


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert spans and all(s == s.lower() for s in spans)
    for t in otter[0]["turns"]:
        assert t["text"] == t["text"].lower(), t["i"]
        assert not re.search(r"[,.?!]", t["text"]), t["i"]


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(" ext " in p for p in phones), "no extension"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"[A-Z]+-[\dA-Z]+-\d+", i) for i in ids), "no dashed reference"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    assert any(re.fullmatch(r"inc\d+", i, flags=re.I) for i in ids), "no ticket"
    assert any(i.islower() for i in ids), "no lower-case reference"
    spoken = [i for i in ids if not re.search(r"\d", i)]
    assert len(spoken) == 1 and all(w in labelled_set.SPOKEN_DIGITS for w in spoken[0].split())
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds)
    assert dict(coded) == THEME_COUNTS
    rows = {
        line.split("|")[1].strip(): line for line in readme.splitlines() if line.count("|") == 3
    }
    for theme, n in THEME_COUNTS.items():
        loe, slug = theme.split("/", 1)
        assert f"{slug} {n}" in rows[loe], theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV10, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV10, tmp_path, monkeypatch)
