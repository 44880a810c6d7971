"""Checks on the dev17 tuning set in bench/data/dev17 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(Bristol, Norfolk, Bradford, Cardiff) about equality, diversity and inclusion at work. The
emphasis is on organisations mentioned in passing (one-word employers, agencies, contractors,
acronyms, short hospital and college names, faith bodies, invented staff networks, union
branches, papers and radio, pubs, cafes, clubs by nickname), places of every shape, and names
of many origins, with one Otter file typed entirely in lower case. These tests keep it
internally consistent (gold spans match the text, turns align with the rendered files, a
re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev17/README.md.
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
DEV17 = ROOT / "bench" / "data" / "dev17"
LABELS = ["D1701", "D1702", "D1703", "D1704"]
LOWER_CASE_LABEL = "D1703"
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 2})
REGIONS_WANTED = {"south-west", "east-of-england", "yorkshire-and-the-humber", "wales"}
AUTHORITIES_WANTED = {"bristol", "norfolk", "bradford", "cardiff"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "ORG": 190,
    "PLACE": 170,
    "PERSON": 132,
    "PHONE": 7,
    "EMAIL": 6,
    "ID": 6,
    "POSTCODE": 5,
}
TOTAL_RANGE = (450, 520)
WORD_RANGE = (13_000, 16_000)
PUBLIC_REFERENCES = (
    "Equality Act 2010",
    "Black Lives Matter",
    "George Floyd",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "Indeed",
    "NHS",
    "Unison",
    "Ramadan",
)
# First names that are ordinary words: marked as a PERSON (alone or in a longer name) and
# also left unmarked as the ordinary word somewhere in the set.
WORD_NAMES = ("hope", "grace", "bill", "faith", "patience")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "accent",  # housing association / "my accent"
    "bill",
    "bowling",  # Bradford district / ten-pin bowling
    "faith",
    "first",  # the bus company / "first"
    "forum",  # the Forum in Norwich / "the staff forum"
    "gas",  # Bristol Rovers / "gas bill", "gas safe"
    "grace",
    "hope",
    "idle",  # Bradford village / "sitting idle"
    "mind",  # the charity / "never mind"
    "patience",
    "realise",  # the training provider / the verb
    "salaam",  # the Muslim staff network / the greeting
}
# Organisations and places whose name is an ordinary word, each marked at least once.
WORD_SURFACES = {
    "ORG": (
        "First",
        "Gas",
        "Enable",
        "Salaam",
        "Reed",
        "Norse",
        "Admiral",
        "Principality",
        "Heath",
        "Sovereign",
        "Spectrum",
        "mind",
        "accent",
        "realise",
        "shelter",
        "sparrow",
    ),
    "PLACE": ("idle", "bowling", "Ely", "Barry", "Bay", "Forum", "Riverside"),
}
# Short names of hospitals, colleges and universities, and acronyms of local bodies.
SHORT_ORGS = (
    "BRI",
    "bri",
    "UWE",
    "NBT",
    "UEA",
    "NUA",
    "NCC",
    "NSFT",
    "KES",
    "EDP",
    "t&a",
    "EYST",
    "CAVC",
    "USW",
    "CCHA",
    "Paget",
    "Hellesdon",
    "Cardiff Met",
    "bradford uni",
)
# A town or county name used to mean its council.
TOWN_MEANING_COUNCIL = ("North Somerset", "Suffolk", "Newport", "Vale of Glamorgan")
# Same surface with two meanings: Easton (Bristol district / Norfolk college), Barry (a man /
# the town near Cardiff).
DUAL_SURFACES = {"Easton": ("ORG", "PLACE"), "Barry": ("PERSON", "PLACE")}
CITIES_ABROAD = ("Lagos", "Kumasi", "Iași", "Kochi", "Atlanta", "łódź", "basseterre", "Hargeisa")
SURNAMES_ALONE = ("Ellison", "Ogbu")
NICKNAMES = ("Dez", "zubi", "Auntie Bev", "bob lightowler")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01174960\d{3}|02920180\d{3}|01632960\d{3}")
TITLES = re.compile(r"(Mr|Mrs|Dr|Cllr|Prof|PC|Auntie) ", flags=re.I)
ORG_WORD = re.compile(
    r"\b(council|college|university|uni|trust|police|branch|house|school|hospital|church|"
    r"mosque|masjid|temple|network|association|radio|centre)\b",
    flags=re.I,
)
STREET_WORD = re.compile(r"\b(road|street|lane|square|way|parade)\b", flags=re.I)
BUILDING_WORD = re.compile(
    r"\b(house|hall|tower|centre|room|chamber|wharf|pavilion|church|well|station)\b",
    flags=re.I,
)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV17)
    assert found, "no gold files under bench/data/dev17/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV17 / "README.md").read_text(encoding="utf-8")


def opens_a_sentence(turn: dict, span: dict) -> bool:
    before = turn["text"][: span["start"]].rstrip()
    return span["start"] == 0 or before.endswith((".", "?", "!"))


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV17, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert {g["attrs"]["authority"] for g in golds} == AUTHORITIES_WANTED
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 34 <= len(g["turns"]) <= 42, g["label"]
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(participants) <= 6, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    words = sum(len(t["text"].split()) for g in golds for t in g["turns"])
    assert WORD_RANGE[0] <= words <= WORD_RANGE[1], words
    assert labelled_set.last_first_speakers(golds) == 6, "Teams speakers shown 'Last, First'"
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, total_range=TOTAL_RANGE
    )
    assert by_type["ORG"] > by_type["PLACE"] > by_type["PERSON"], "organisations first"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert 0.55 <= non_anglo <= 0.75
    distinct = distinct_persons(golds)
    assert len(distinct) >= 100
    share = sum(o != "anglo" for o in distinct.values()) / len(distinct)
    assert 0.55 <= share <= 0.75
    assert f"Distinct person surfaces (case-folded): {len(distinct)}" in readme


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(bool(TITLES.match(p)) for p in persons) >= 12, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 25, "too few lower-case names"
    assert sum(" " not in p for p in persons) >= 80, "too few single names"
    for name in SURNAMES_ALONE + NICKNAMES:
        assert name in persons, name
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


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    assert sum(not ORG_WORD.search(o) for o in orgs) >= 140, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 40, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 12, "too few acronyms"
    for surface in SHORT_ORGS + TOWN_MEANING_COUNCIL:
        assert surface in orgs, surface
    opening = [
        s["text"]
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
        if s["type"] == "ORG" and opens_a_sentence(t, s)
    ]
    assert len(opening) >= 8, "too few organisations opening a sentence"


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    assert sum(bool(STREET_WORD.search(p)) for p in places) >= 20, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 40, "too few lower-case places"
    assert sum(bool(BUILDING_WORD.search(p)) for p in places) >= 20, "too few named buildings"
    for city in CITIES_ABROAD:
        assert city in places, city


def test_word_surfaces_and_dual_surfaces(golds: list[dict]) -> None:
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for surface, kinds in DUAL_SURFACES.items():
        for kind in kinds:
            assert surface in {s["text"] for s in all_spans(golds, kind)}, (surface, kind)


def test_lower_case_session_is_entirely_lower_case(golds: list[dict]) -> None:
    (session,) = [g for g in golds if g["label"] == LOWER_CASE_LABEL]
    assert session["format"] == "otter-txt"
    assert session["attrs"]["casing"] == "lower"
    for t in session["turns"]:
        assert t["text"] == t["text"].lower(), t["i"]
    spans = [s for t in session["turns"] for s in t["pii"]]
    assert len(spans) >= 100
    others = [g for g in golds if g["format"] == "otter-txt" and g["label"] != LOWER_CASE_LABEL]
    assert [g["attrs"]["casing"] for g in others] == ["normal"]


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any("-" in p for p in phones), "no dashed number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no QQ NI number"
    assert any(i.islower() for i in ids), "no lower-case reference"
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
    check_rendered_files_align_with_gold_turns(DEV17, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV17, tmp_path, monkeypatch)
