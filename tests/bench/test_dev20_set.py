"""Checks on the dev20 tuning set in bench/data/dev20 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with public-sector staff in
Wales (Swansea, Wrexham), Scotland (Inverness, Perth), Northern Ireland (Derry, Newry) and
London (Brent, Harrow), with organisations mentioned in passing (one-word employers, acronyms,
short hospital and college names, Welsh, Gaelic and Irish names of bodies, ordinary-word
networks, papers, pubs, clubs by nickname), places of every shape, names of many origins and a
lower-case Otter file. These tests keep it internally consistent (gold spans match the text,
turns align with the rendered files, a re-render is byte-identical) and keep the counts and
balance stated in bench/data/dev20/README.md.
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
    check_ids_emails_postcodes_have_varied_forms,
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
DEV20 = ROOT / "bench" / "data" / "dev20"
LABELS = ["D2001", "D2002", "D2003", "D2004"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 1})
REGIONS_WANTED = {"wales", "scotland", "northern-ireland", "london"}
WORDS_RANGE = (13_000, 16_000)
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PLACE": 186,
    "ORG": 181,
    "PERSON": 151,
    "ID": 12,
    "PHONE": 8,
    "EMAIL": 4,
    "POSTCODE": 4,
}
PII_MINIMUM = {"PERSON": 140, "PLACE": 170, "ORG": 165}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Ryan Reynolds",
    "Equality Act 2010",
    "Welsh Government",
    "Home Office",
    "Athena Swan",
    "Race Equality Charter",
    "Aurora",
    "IELTS",
    "SSSC",
    "SQA",
    "NMC",
    "Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "NHS",
    "DWP",
    "ACAS",
    "Unison",
    "FBU",
    "EIS",
    "Windrush",
)
# First names that are ordinary words: marked as (a word of) a PERSON and also left unmarked
# as the ordinary word somewhere in the set.
WORD_NAMES = ("patience", "dawn", "sunny", "joy", "mark")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "able",
    "bridge",
    "chi",
    "common ground",
    "dawn",
    "leader",
    "manpower",
    "mark",
    "met",
    "patience",
    "scone",
    "tapestry",
}
# Organisations and places whose name is an ordinary word or a misleading one, each marked.
WORD_SURFACES = {
    "PLACE": ("Scone", "Mold", "Hilton", "Ness", "Lewis", "SA1", "Highlands", "mall"),
    "ORG": (
        "Sharp",
        "idverde",
        "Admiral",
        "Anytime",
        "Thornbury",
        "Manpower",
        "Leader",
        "Reds",
        "Saints",
        "Bridge",
        "Able",
        "Roots",
        "Met",
        "Tapestry",
        "Yale",
        "Westminster",
        "common ground",
        "downtown",
        "primrose",
        "enable",
        "journal",
        "reporter",
        "warrenpoint",
        "mountain of fire",
        "Forward in Faith",
    ),
}
# Welsh, Gaelic and Irish names of bodies and places, each marked with its type.
CELTIC_SURFACES = {
    "ORG": (
        "Dysgu Cymraeg",
        "Enfys",
        "Caffi Cyfle",
        "Bun-sgoil Ghàidhlig Inbhir Nis",
        "Sabhal Mòr Ostaig",
        "Bòrd na Gàidhlig",
        "Ùlpan",
        "cultúrlann",
        "gaelscoil éadain mhóir",
        "foras na gaeilge",
    ),
    "PLACE": ("Llanuwchllyn", "Pontcysyllte", "Tŷ Pawb", "Croesnewydd Road", "doire", "an iúr"),
}
# A town or area name used to mean its council.
TOWN_MEANING_COUNCIL = ("Wrexham", "Highland", "Fife", "Harrow", "Brent", "Ealing")
# The same surface marked as an employer and as a place.
ORG_AND_PLACE = (
    "Wrexham",
    "Harrow",
    "Brent",
    "Singleton",
    "Raigmore",
    "Dundee",
    "craigavon",
    "altnagelvin",
    "Northwick Park",
)
CITIES_ABROAD = (
    "Poznań",
    "Hargeisa",
    "Ibadan",
    "Iloilo",
    "Mutare",
    "Mirpur",
    "Cluj",
    "abeokuta",
    "lagos",
    "kaunas",
    "hong kong",
    "Kampala",
)
TITLES = re.compile(
    r"(Mr|Mrs|Dr|Cllr|Professor|Sister|Aunty|Inspector|DCI|PC|Sgt|Imam|Pastor) ", flags=re.I
)
DRAMA_PHONE = re.compile(
    r"07700900\d{3}|02079460\d{3}|02920180\d{3}|01314960\d{3}|01414960\d{3}|01632960\d{3}"
)
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV20)
    assert found, "no gold files under bench/data/dev20/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV20 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV20, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
            assert 45 <= len(g["turns"]) <= 56, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert len(participants) == 5, g["label"]  # 6 speakers with the facilitator
            assert 40 <= len(g["turns"]) <= 52, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    teams = [g for g in golds if g["format"] == "teams-vtt"]
    assert all(", " in k for g in teams for k in g["speakers"]), "Teams shows 'Last, First'"
    check_session_rows_in_readme(golds, readme)


def test_word_count_in_range_and_in_readme(golds: list[dict], readme: str) -> None:
    words = sum(len(t["text"].split()) for g in golds for t in g["turns"])
    assert WORDS_RANGE[0] <= words <= WORDS_RANGE[1], words
    assert f"{words:,} words of turn text" in readme


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds,
        readme,
        counts=PII_COUNTS,
        minimum=PII_MINIMUM,
        total_range=(480, 560),
        alphabetical_ties=True,
    )
    assert by_type["PLACE"] + by_type["ORG"] > 2 * by_type["PERSON"], "orgs and places first"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    lower = sum(s["text"][:1].islower() for s in all_spans(golds))
    assert f"Lower-case spans: {lower}," in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.60
    distinct = distinct_persons(golds)
    assert len(distinct) >= 100
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.60


def test_word_names_and_person_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(bool(TITLES.match(p)) for p in persons) >= 20, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 30, "too few lower-case names"
    assert sum(" " not in p and "-" not in p for p in persons) >= 90, "too few single names"
    assert labelled_set.possessive_names(golds) >= 5
    assert "Chi" in persons and "Dai Chips" in persons and "Calum Beag" in persons


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
    street_word = re.compile(r"\b(road|street|drive|way|lane)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 20, "too few named streets"
    assert sum(bool(re.fullmatch(r"[Aa]\d{1,4}", p)) for p in places) >= 3, "numbered roads"
    building = re.compile(r"\b(house|hall|centre|buildings|building|complex|campus)\b", re.I)
    assert sum(bool(building.search(p)) for p in places) >= 10, "too few named buildings"
    assert sum(p[:1].islower() for p in places) >= 50, "too few lower-case places"
    for city in CITIES_ABROAD:
        assert city in places, city


def test_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for kind, surfaces in CELTIC_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    for town in TOWN_MEANING_COUNCIL:
        assert town in orgs, town
    for name in ORG_AND_PLACE:
        assert name in orgs and name in places, name
    org_word = re.compile(
        r"\b(council|college|university|uni|trust|police|branch|house|association|centre"
        r"|hospital|church|mosque|school|fire)\b",
        flags=re.I,
    )
    assert sum(not org_word.search(o) for o in orgs) >= 140, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 50, "too few lower-case orgs"
    assert len({o for o in orgs if o.isupper() and len(o) <= 5}) >= 10, "too few acronyms"


def test_otter_session_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    g = otter[0]
    assert all(t["text"] == t["text"].lower() for t in g["turns"])
    assert all(k == k.lower() for k in g["speakers"])
    spans = [s["text"] for t in g["turns"] for s in t["pii"]]
    assert len(spans) >= 100 and all(s == s.lower() for s in spans)
    rendered = (DEV20 / g["file"]).read_text(encoding="utf-8")
    body = rendered.replace("Transcribed by https://otter.ai", "")
    assert body == body.lower()


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any("-" in p for p in phones), "no dashed number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    check_ids_emails_postcodes_have_varied_forms(golds)
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(i.islower() for i in ids), "no lower-case reference"
    assert any(re.fullmatch(r"\d{10}", i) for i in ids), "no CHI number"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
    assert any(p.isupper() for p in postcodes), "no capitalised postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3))
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        row = next(line for line in readme.splitlines() if line.startswith(f"| {loe} |"))
        assert f"{slug} {n}" in row, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV20, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV20, tmp_path, monkeypatch)
