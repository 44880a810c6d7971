"""Checks on the dev16 tuning set in bench/data/dev16 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(Oldham and Rochdale, Coventry, Hull, Newham) about equality, diversity and inclusion, dense
with organisations mentioned in passing (one-word employers and agencies, acronyms, short
names of hospitals and colleges, club nicknames, charities, housing associations, places of
worship, staff networks, union branches, papers, radio, pubs, training providers), places of
every shape, names of many origins, and an Otter file entirely in lower case with no
punctuation. These tests keep it internally consistent (gold spans match the text, turns align
with the rendered files, a re-render is byte-identical) and keep the counts, balance and hard
cases stated in bench/data/dev16/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    POSTCODE_SHAPE,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_orgs_mostly_without_org_words,
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
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV16 = ROOT / "bench" / "data" / "dev16"
LABELS = ["D1601", "D1602", "D1603", "D1604"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 2})
REGIONS_WANTED = {"north-west", "west-midlands", "yorkshire-and-humber", "london"}
LOWER_CASE_SESSION = "D1604"
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PLACE": 172,
    "ORG": 167,
    "PERSON": 149,
    "PHONE": 8,
    "ID": 7,
    "EMAIL": 4,
    "POSTCODE": 4,
}
PII_MINIMUM = {"ORG": 90, "PLACE": 100, "PERSON": 100}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "Otter",
    "WhatsApp",
    "Facebook",
    "Indeed",
    "NHS",
    "ACAS",
    "Unison",
    "GMB",
    "Unite",
)
# First names that are ordinary words: marked as (part of) a PERSON and also left unmarked as
# the ordinary word somewhere in the set.
WORD_NAMES = ("will", "patience", "sunny", "dawn", "joy")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "will",
    "patience",
    "sunny",
    "dawn",
    "joy",
    "embrace",
    "reach",
    "fed",
    "met",
    "rugby",
    "deep",
    "mind",
    "workplace",
}
# Organisations by the kind of mention the set is built around; each surface is marked ORG.
ORG_SURFACES = {
    "one-word employers, shops, suppliers": (
        "Biffa",
        "Morrisons",
        "JD",
        "Greggs",
        "Liquidlogic",
        "GEC",
        "Siemens",
        "Reckitt",
        "Cranswick",
        "Arco",
        "Jacksons",
        "Biedronka",
        "lidl",
        "primark",
    ),
    "agencies": (
        "Blue Arrow",
        "Driver Hire",
        "Reed",
        "Pulse",
        "Manpower",
        "Gi Group",
        "comensura",
        "allied",
    ),
    "acronyms": (
        "NCA",
        "GMP",
        "RBH",
        "UPTH",
        "MMU",
        "CCC",
        "UHCW",
        "FWT",
        "CRMC",
        "WBS",
        "HUTH",
        "HRI",
        "KCOM",
        "FC",
        "lbn",
        "elft",
        "nelft",
        "uel",
        "mfm",
    ),
    "hospitals, colleges, schools by short name": (
        "Royal",
        "Walsgrave",
        "George Eliot",
        "Stepping Hill",
        "Fairfield",
        "Hopwood",
        "Salford",
        "Cov Uni",
        "Warwick",
        "Staffs",
        "Wyke",
        "newvic",
        "greenwich",
        "middlesex",
        "homerton",
        "Hathershaw",
        "Wardle",
        "Sidney Stringer",
        "Cardinal Newman",
        "Malet Lambert",
    ),
    "clubs by nickname": (
        "Latics",
        "Dale",
        "Sky Blues",
        "Villa",
        "Tigers",
        "Rovers",
        "Robins",
        "irons",
    ),
    "charities and housing associations": (
        "Petrus",
        "Tell MAMA",
        "Goodwin",
        "Hull CVS",
        "Warren",
        "mind",
        "Citizen",
        "Orbit",
        "Pickering and Ferens",
        "clarion",
    ),
    "places of worship": (
        "Ghausia",
        "Bilal Masjid",
        "Jamia Masjid",
        "Ramgarhia",
        "Nanaksar",
        "St Charles",
        "church of pentecost",
        "sri murugan",
        "minhaj",
    ),
    "staff networks and union branches": (
        "REACH",
        "Embrace",
        "Sankofa",
        "Bridges",
        "ubuntu",
        "kaleidoscope",
        "BAPA",
        "mbpa",
        "Fed",
        "Coventry City branch",
        "newham branch",
    ),
    "papers, radio, pubs, training providers": (
        "MEN",
        "Observer",
        "Telegraph",
        "Mail",
        "recorder",
        "Crescent",
        "Hillz",
        "Viking",
        "Flying Horse",
        "Golden Cross",
        "Whalebone",
        "black lion",
        "Remit",
        "brap",
        "Babington",
        "learndirect",
        "paragon skills",
        "pearn kandola",
    ),
    "a town or county meaning its council or force": (
        "Oldham",
        "Rochdale",
        "Tameside",
        "Lancashire",
        "Warwickshire",
        "Leicestershire",
        "East Riding",
        "newham",
        "redbridge",
        "West Mids",
        "met",
    ),
}
PLACE_SURFACES = {
    "streets without a street word": (
        "Featherstall",
        "Newland",
        "Spring Bank",
        "Chanterlands",
        "grove",
    ),
    "shopping centres": (
        "Exchange",
        "West Orchards",
        "Princes Quay",
        "westfield",
        "stratford centre",
        "queens market",
    ),
    "parks": ("Alexandra Park", "Memorial Park", "Pearson Park", "East Park", "west ham park"),
    "words that are also ordinary words": ("Deep", "Rugby", "Stoke", "Herbert", "Cathedral"),
}
# The same surface as an employer and as a place.
ORG_AND_PLACE = ("Rochdale", "Walsgrave")
PLACES_ABROAD = (
    "Port Harcourt",
    "Gliwice",
    "Dadyal",
    "Bishwanath",
    "Sylhet",
    "May Pen",
    "Viseu",
    "Burao",
    "Hargeisa",
    "Tuen Mun",
    "Mallow",
    "Phagwara",
    "Koszalin",
    "Mielno",
    "Szczecin",
    "Onitsha",
    "Bulawayo",
    "Daugavpils",
    "kumasi",
    "suceava",
    "hai phong",
    "alexandria",
    "iași",
    "montego bay",
)
TITLES = (
    "Mrs ",
    "Mr ",
    "Dr ",
    "Sgt ",
    "Inspector ",
    "PC ",
    "DI ",
    "Sister ",
    "Father ",
    "mrs ",
    "mr ",
    "dr ",
    "cllr ",
    "sgt ",
    "pastor ",
    "matron ",
)
PARTICLES = (" van der ", " bin ", " da ", "O'")
ORG_WORDS = re.compile(
    r"\b(council|college|university|uni|trust|police|branch|house|hospital|school|church|"
    r"mosque|masjid|network|association)\b",
    flags=re.I,
)
DRAMA_PHONE = re.compile(r"07700900\d{3}|01614960\d{3}|01632960\d{3}|02079460\d{3}")


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV16)
    assert found, "no gold files under bench/data/dev16/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV16 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV16, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    check_sessions_kinds_formats_and_sizes(
        golds,
        FORMATS_WANTED,
        regions=REGIONS_WANTED,
        interview_turns=(35, 45),
        group_turns=(35, 45),
        group_participants=(4, 6),
    )
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    assert labelled_set.last_first_speakers(golds) == 6, "Teams shows 'Last, First' names"
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(
        golds,
        readme,
        counts=PII_COUNTS,
        minimum=PII_MINIMUM,
        total_range=(450, 560),
        alphabetical_ties=True,
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    for g in golds:
        per_type = Counter(s["type"] for t in g["turns"] for s in t["pii"])
        for kind in ("PERSON", "ORG", "PLACE"):
            assert per_type[kind] >= 25, (g["label"], kind)


def test_person_origin_balance(golds: list[dict]) -> None:
    check_person_origin_balance(
        golds,
        min_distinct_persons=110,
        mentions_share=(0.65, 0.85),
        distinct_share=(0.65, 0.85),
    )


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    for title in TITLES:
        assert any(p.startswith(title) for p in persons), title
    assert sum(p.startswith(TITLES) or p.startswith("Cllr ") for p in persons) >= 20
    for particle in PARTICLES:
        assert any(particle in p for p in persons), particle
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 25, "too few lower-case names"
    assert sum(" " not in p and "-" not in p for p in persons) >= 90, "too few single names"
    assert labelled_set.possessive_names(golds) >= 2
    assert labelled_set.names_opening_a_sentence(golds) >= 15


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


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    check_orgs_mostly_without_org_words(golds, ORG_WORDS, bare=130, lower_case=40, acronyms=18)
    orgs = {s["text"] for s in all_spans(golds, "ORG")}
    for kind, surfaces in ORG_SURFACES.items():
        for surface in surfaces:
            assert surface in orgs, (kind, surface)
    places = {s["text"] for s in all_spans(golds, "PLACE")}
    for surface in ORG_AND_PLACE:
        assert surface in orgs and surface in places, surface


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    street_word = re.compile(r"\b(road|street|lane|avenue)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 20, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 40, "too few lower-case places"
    building = re.compile(
        r"\b(house|hall|room|suite|depot|library|building|centre|ward|guildhall)\b", flags=re.I
    )
    assert sum(bool(building.search(p)) for p in places) >= 20, "too few named buildings"
    marked = set(places)
    for kind, surfaces in PLACE_SURFACES.items():
        for surface in surfaces:
            assert surface in marked, (kind, surface)
    for town in PLACES_ABROAD:
        assert town in marked, town


def test_otter_sessions_punctuated_and_lower_case(golds: list[dict]) -> None:
    otter = {g["label"]: g for g in golds if g["format"] == "otter-txt"}
    assert len(otter) == 2 and LOWER_CASE_SESSION in otter
    lower = otter.pop(LOWER_CASE_SESSION)
    for t in lower["turns"]:
        assert t["text"] == t["text"].lower(), t["i"]
        assert re.fullmatch(r"[\w ]+", t["text"]), t["i"]  # no punctuation at all
    spans = [s["text"] for t in lower["turns"] for s in t["pii"]]
    assert len(spans) >= 100 and all(s == s.lower() for s in spans)
    (punctuated,) = otter.values()
    turns = punctuated["turns"]
    assert sum(bool(re.search(r"[.?!]$", t["text"])) for t in turns) == len(turns)
    assert all(t["text"][:1].isupper() for t in turns)


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(p.startswith("020 ") for p in phones), "no London number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) >= 2, "too few bare numeric IDs"
    assert sum("/" in i for i in ids) >= 2, "too few slashed references"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert sum(i.islower() for i in ids) >= 2, "too few lower-case references"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum(" dot " in e and " at " in e for e in emails) == 1, "one spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 4))
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        row = next(line for line in readme.splitlines() if line.startswith(f"| {loe} |"))
        assert f"{slug} {n}" in row, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV16, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV16, tmp_path, monkeypatch)
