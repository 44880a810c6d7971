"""Checks on the dev15 tuning set in bench/data/dev15 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(Glasgow, Newcastle upon Tyne, Stoke-on-Trent, Swindon) about equality, diversity and inclusion
at work. The emphasis is on organisations named in passing (one-word employers and agencies,
short names of hospitals, colleges and universities, football clubs by nickname, charities,
housing associations, faith groups, staff networks, union branches, papers, radio stations,
pubs, shops, training providers, bus companies) and places (districts, estates, streets with
and without a street word, buildings and rooms, towns abroad), with a lower-case, unpunctuated
Otter file. These tests keep it internally consistent (gold spans match the text, turns align
with the rendered files, a re-render is byte-identical) and keep the counts and balance stated
in bench/data/dev15/README.md.
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
    check_sessions_kinds_formats_and_sizes,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
DEV15 = ROOT / "bench" / "data" / "dev15"
LABELS = ["D1501", "D1502", "D1503", "D1504"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1})
REGIONS_WANTED = {"scotland", "north-east", "west-midlands", "south-west"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "ORG": 169,
    "PLACE": 167,
    "PERSON": 141,
    "ID": 7,
    "EMAIL": 5,
    "PHONE": 5,
    "POSTCODE": 4,
}
PII_MINIMUM = {"ORG": 90, "PLACE": 100, "PERSON": 100}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "Unison",
    "GMB",
    "ACAS",
    "NHS",
    "WhatsApp",
    "Facebook",
    "LinkedIn",
    "myjobscotland",
    "Black History Month",
)
# First names that are ordinary words: marked as (part of) a PERSON and also left unmarked as
# the ordinary word somewhere in the set.
WORD_NAMES = ("faith", "joy", "sunny", "grace", "mark", "will")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "faith",
    "first",
    "grace",
    "nationwide",
    "realise",
    "signal",
    "steam",
    "sunny",
    "thrive",
    "unity",
    "will",
}
# Organisations and places whose name is an ordinary word or could be taken for another kind
# of thing, each marked at least once with exactly this surface.
WORD_SURFACES = {
    "ORG": (
        "First",
        "Search",
        "Matrix",
        "Reed",
        "Signal",
        "Realise",
        "Thrive",
        "Unity",
        "Enable",
        "Spectrum",
        "County",
        "Churchill",
        "Emma Bridgewater",
        "Groundwork",
        "Changing Lives",
        "threshold",
        "nationwide",
        "wincanton",
        "tate",
        "zurich",
    ),
    "PLACE": ("Walker", "Mitchell", "Smithfield", "Hope Street", "civic", "steam", "brunel"),
}
# Football clubs by nickname or short name.
CLUB_NICKNAMES = ("Gers", "Hoops", "Jags", "Toon", "Mags", "Vale", "Stoke", "robins")
# A council area named to mean its council.
AREA_MEANING_COUNCIL = ("North Lanarkshire", "wiltshire")
# The same surface as an organisation and as a place.
ORG_AND_PLACE = ("Stoke", "Keele")
CITIES_ABROAD = (
    "Katowice",
    "Onitsha",
    "Ibadan",
    "Homs",
    "Kumasi",
    "Bydgoszcz",
    "Sylhet",
    "Hải Phòng",
    "Letterkenny",
    "Iași",
    "Craiova",
    "Erbil",
    "Sulaymaniyah",
    "gweru",
    "são paulo",
    "lagos",
    "harare",
)
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Councillor ", "Professor ", "Sergeant ", "Imam ")
PARTICLES = ("Ní ", "Al-", "O'", "Mc", "van der ", "de ")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01414960\d{3}|01914980\d{3}|01632960\d{3}")
ORG_WORDS = re.compile(
    r"\b(council|college|uni|university|trust|police|branch|house|centre|mosque|gurdwara|"
    r"church|chapel|mission|service|training|project|programmes|network|bank)\b",
    flags=re.I,
)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV15)
    assert found, "no gold files under bench/data/dev15/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV15 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV15, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    check_sessions_kinds_formats_and_sizes(
        golds, FORMATS_WANTED, regions=REGIONS_WANTED, group_participants=(3, 5)
    )
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt|docx)", g["file"])
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(450, 550)
    )
    assert by_type["ORG"] >= by_type["PLACE"] >= by_type["PERSON"], "organisations lead"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.60
    distinct = distinct_persons(golds)
    assert len(distinct) >= 100
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.60


def test_word_names_and_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    for title in TITLES:
        assert any(p.startswith(title) for p in persons), title
    for title in ("mr ", "mrs ", "miss "):
        assert any(p.startswith(title) for p in persons), title
    for particle in PARTICLES:
        assert any(particle in p for p in persons), particle
    assert sum(p[:1].islower() for p in persons) >= 30, "too few lower-case names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 4, "too few non-ASCII names"
    assert labelled_set.possessive_names(golds) >= 5
    assert labelled_set.last_first_speakers(golds) == 8, "Teams speakers shown 'Last, First'"
    assert "Tam" in persons and "Big Tam" not in persons, "a nickname's 'Big' stays outside"


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
    places = {s["text"] for s in all_spans(golds, "PLACE")}
    assert sum(not ORG_WORDS.search(o) for o in orgs) >= 120, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 30, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 10, "too few acronyms"
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for surface in CLUB_NICKNAMES + AREA_MEANING_COUNCIL:
        assert surface in orgs, surface
    for surface in ORG_AND_PLACE:
        assert surface in orgs and surface in places, surface
    assert "bet365" in orgs and "bet365 Stadium" in places


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    street_word = re.compile(r"\b(road|street|lane|terrace|square)\b", flags=re.I)
    streets = {p for p in places if street_word.search(p)}
    assert len(streets) >= 20, "too few named streets"
    assert sum(p[:1].islower() for p in streets) >= 4, "too few lower-case streets"
    assert sum(p[:1].islower() for p in places) >= 30, "too few lower-case places"
    building = re.compile(r"\b(house|halls?|room|suite|centre|chambers|library|one)\b", re.I)
    assert len({p for p in places if building.search(p)}) >= 12, "too few buildings and rooms"
    for city in CITIES_ABROAD:
        assert city in places, city


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    assert all(k == k.lower() for k in otter[0]["speakers"])
    for t in otter[0]["turns"]:
        assert re.fullmatch(r"[^\W_A-Z]+( [^\W_A-Z]+)*", t["text"]), t["i"]
        assert t["text"] == t["text"].lower(), t["i"]
    assert sum(len(t["pii"]) for t in otter[0]["turns"]) >= 100


def test_phones_are_drama_numbers_in_varied_forms(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"\d{5} \d{6}", p) for p in phones), "no number unspaced after code"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) >= 2, "too few bare numeric IDs"
    assert sum("/" in i for i in ids) >= 2, "too few slashed references"
    assert any(re.fullmatch(r"[A-Z]+-\d+", i) for i in ids), "no dashed reference"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(i.islower() for i in ids), "no lower-case reference"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum("@" in e for e in emails) == 4
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3))
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        assert f"{slug} {n}" in readme, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV15, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV15, tmp_path, monkeypatch)
