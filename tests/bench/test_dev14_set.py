"""Checks on the dev14 tuning set in bench/data/dev14 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
about equality, diversity and inclusion (Hackney; Doncaster and Rotherham; Telford and Wrekin;
Medway), two of them lower-case, unpunctuated Otter files. Organisations and places carry a
large share of the mentions (short employer and shop names, hospitals by nickname, colleges,
charities, faith groups, clubs, a pub, local papers; estates, streets with and without a street
word, named buildings, rooms and depots, shopping centres, towns abroad). These tests keep it
internally consistent (gold spans match the text, turns align with the rendered files, a
re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev14/README.md.
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
    check_sessions_kinds_formats_and_sizes,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV14 = ROOT / "bench" / "data" / "dev14"
LABELS = ["D1401", "D1402", "D1403", "D1404"]
FORMATS_WANTED = Counter({"otter-txt": 2, "teams-vtt": 1, "zoom-vtt": 1})
REGIONS_WANTED = {"london", "yorkshire", "west-midlands", "south-east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PLACE": 115,
    "PERSON": 110,
    "ORG": 82,
    "ID": 12,
    "PHONE": 10,
    "EMAIL": 5,
    "POSTCODE": 5,
}
PII_MINIMUM = {"PERSON": 100, "PLACE": 100, "ORG": 70}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Equality Act 2010",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "Indeed",
    "Unison",
    "GMB",
    "DBS",
)
# First names that are ordinary words: marked as a PERSON (alone or in a longer name) and
# also left unmarked as the ordinary word somewhere in the set.
WORD_NAMES = ("hope", "dawn", "mark", "faith", "patience", "joy")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {"dawn", "grain", "intake", "joy", "mark", "patience", "trench"}
# Places and organisations whose name is an ordinary word (or a nickname), each marked.
WORD_SURFACES = {
    "PLACE": ("Trench", "intake", "grain", "capstone", "pentagon", "minster", "hyde park"),
    "ORG": (
        "general",
        "maritime",
        "Bucks",
        "rovers",
        "gills",
        "Boots",
        "reed",
        "advertiser",
        "Gazette",
        "Wrekin",
    ),
}
# A borough, town or district name used to mean its council.
TOWN_MEANING_COUNCIL = (
    "Hackney",
    "Islington",
    "Newham",
    "Tower Hamlets",
    "rotherham",
    "doncaster",
    "Shropshire",
    "Wolverhampton",
    "medway",
    "swale",
    "gravesham",
)
# The same surface once as an organisation and once as a place.
ORG_AND_PLACE = ("Hackney", "Homerton", "doncaster", "Wrekin")
CITIES_ABROAD = (
    "Izmir",
    "Hai Phong",
    "mirpur",
    "poznan",
    "bulawayo",
    "basra",
    "Jalandhar",
    "Iloilo",
    "Hargeisa",
    "Riga",
    "pokhara",
)
SURNAMES_ALONE = ("Hargreaves", "Jenkins", "pettigrew")
NICKNAMES = ("Gaz", "tommo", "stevo", "shaz", "nav", "bev", "mick", "Becky")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01632960\d{3}|01144960\d{3}|01214960\d{3}|02079460\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV14)
    assert found, "no gold files under bench/data/dev14/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV14 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV14, golds)


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
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert "2021-01-01" <= g["date"] <= "2021-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    assert sum(g["kind"] == "focus group" for g in golds) == 3
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds,
        readme,
        counts=PII_COUNTS,
        minimum=PII_MINIMUM,
        total_range=(300, 340),
        alphabetical_ties=True,
    )
    assert by_type["PLACE"] + by_type["ORG"] > 1.5 * by_type["PERSON"], "places and orgs lead"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    for g in golds:
        mentions = sum(len(t["pii"]) for t in g["turns"])
        assert 70 <= mentions <= 95, g["label"]


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert non_anglo / total >= 0.60
    assert f"Non-anglo: {non_anglo} of {total} mentions ({non_anglo / total:.0%})." in readme
    distinct = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in distinct.values())
    assert distinct_non_anglo / len(distinct) >= 0.60
    share = f"{100 * distinct_non_anglo / len(distinct):.1f}%"
    assert (
        f"Distinct person surfaces (case-folded): {len(distinct)}, of which non-anglo "
        f"{distinct_non_anglo} ({share})." in readme
    )


def test_word_names_and_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    titled = [
        p
        for p in persons
        if re.match(r"(Mr|Mrs|Ms|Dr|Cllr|Councillor|Rabbi|Sister) ", p, flags=re.I)
    ]
    assert len(titled) >= 12, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 3, "too few non-ASCII names"
    assert any(" van der " in p or " Dela " in p for p in persons), "no name with a particle"
    assert labelled_set.possessive_names(golds) >= 2
    for name in SURNAMES_ALONE + NICKNAMES:
        assert name in persons, name
    assert labelled_set.last_first_speakers(golds) == 6, "Teams speakers are 'Last, First'"


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
    street_word = re.compile(r"\b(road|street|drive|gate)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 10, "too few named streets"
    for bare_street in ("waterdale", "wellgate", "Hortonwood 33", "Mill Bank"):
        assert bare_street in places, bare_street
    assert sum(p[:1].islower() for p in places) >= 40, "too few lower-case places"
    building = re.compile(r"\b(house|hall|room|centre|depot|wharf|library|one)\b", flags=re.I)
    assert sum(bool(building.search(p)) for p in places) >= 15, "too few buildings and rooms"
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    for name in ORG_AND_PLACE:
        assert name in orgs and name in places, name
    for city in CITIES_ABROAD:
        assert city in places, city
    org_word = re.compile(r"\b(council|college|colleges|university|trust|police|branch)\b", re.I)
    assert sum(not org_word.search(o) for o in orgs) >= 60, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 25, "too few lower-case orgs"
    for acronym in ("PRH", "SaTH", "rema", "rdash", "bae"):
        assert acronym in orgs, acronym


def test_otter_sessions_are_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 2
    for g in otter:
        for t in g["turns"]:
            assert t["text"] == t["text"].lower(), (g["label"], t["i"])
            assert not re.search(r"[^\w ]", t["text"]), (g["label"], t["i"])
            assert all(s["text"] == s["text"].lower() for s in t["pii"])


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
    assert sum("/" in i for i in ids) >= 2, "too few slashed references"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert sum(i.islower() and bool(re.search(r"\d", i)) for i in ids) >= 2, "lower-case refs"
    assert sum(not re.search(r"\d", i) for i in ids) == 2, "two spoken IDs"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum("@" in e for e in emails) == 3
    assert sum(" dot " in e and " at " in e for e in emails) == 2, "spoken e-mails"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
    assert sum(p.islower() for p in postcodes) == 2, "lower-case postcodes in the Otter files"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3))
    for theme, n in coded.items():
        assert f"{theme.split('/', 1)[1]} {n}" in readme, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV14, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV14, tmp_path, monkeypatch)
