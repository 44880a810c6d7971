"""Checks on the dev9 tuning set in bench/data/dev9 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with English local-government
staff (Manchester, Leeds, Newham, Coventry) about equality, diversity and inclusion at work,
with organisations by short names and without organisation words (also at the start of a
sentence), hospitals by nickname, towns meaning their council, surnames and first names that
are ordinary words, varied IDs, and a lower-case Otter file. These tests keep it internally
consistent (gold spans match the text, turns align with the rendered files, a re-render is
byte-identical) and keep the counts and balance stated in bench/data/dev9/README.md.
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
DEV9 = ROOT / "bench" / "data" / "dev9"
LABELS = ["D901", "D902", "D903", "D904"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 1})
REGIONS_WANTED = {"north-west", "yorkshire", "london", "west-midlands"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 112,
    "ORG": 82,
    "PLACE": 81,
    "ID": 14,
    "PHONE": 7,
    "EMAIL": 6,
    "POSTCODE": 6,
}
PII_MINIMUM = {
    "PERSON": 100,
    "ORG": 70,
    "PLACE": 70,
    "ID": 10,
    "PHONE": 6,
    "EMAIL": 5,
    "POSTCODE": 5,
}
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
# Names that are ordinary words: marked as (a word of) a PERSON and also left unmarked as the
# ordinary word somewhere in the set ("my mum was a baker", "I hope", "comfort zone").
WORD_NAMES = ("baker", "bond", "rose", "sterling", "hope", "cook", "comfort", "grace", "patience")
# Surnames that are ordinary words, used alone with a title or alone in lower case.
WORD_SURNAMES_ALONE = ("Mr Baker", "Mr Bond", "Mrs Hope", "Cllr Rose", "mr cook", "cook")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "barking",
    "bury",
    "comfort",
    "cook",
    "grace",
    "mind",
    "patience",
    "rugby",
    "sale",
}
# Towns, landmarks, streets and organisations whose name is an ordinary word or lacks any
# place or organisation word, each marked at least once.
WORD_SURFACES = {
    "PLACE": ("Sale", "Rugby", "bow", "barking", "Headrow", "Broadgate", "Herbert", "westfield"),
    "ORG": ("Citizen", "Reed", "mind", "Touchstone", "Amey", "Hamara", "Biffa", "Beckett"),
}
# A town or county name used to mean its council.
TOWN_MEANING_COUNCIL = (
    "Salford",
    "Stockport",
    "Trafford",
    "Bury",
    "Bradford",
    "Warwickshire",
    "newham",
)
COUNCIL_ACRONYMS = ("MCC", "LCC")
# Hospitals and trusts as employers, by short name or nickname.
HOSPITALS = (
    "MRI",
    "Wythenshawe",
    "MFT",
    "Jimmy's",
    "St James's",
    "UHCW",
    "Walsgrave",
    "George Eliot",
)
LOCAL_UNION_BRANCHES = ("Manchester City Unison branch", "newham unison", "Coventry Unison branch")
CITIES_ABROAD = (
    "Ibadan",
    "Łódź",
    "Montego Bay",
    "Lviv",
    "Gdynia",
    "Asmara",
    "Kingston",
    "Aleppo",
    "hargeisa",
    "iași",
    "guangzhou",
    "sylhet",
    "Kabul",
    "Harare",
    "Bogotá",
    "Damascus",
)
# Names someone else gave a person (kept at that person's origin) and nicknames.
GIVEN_NAMES = {"Fola": "west_african", "Sean": "west_african", "lily": "chinese"}
NICKNAMES = ("abdi", "Jas", "Gaz", "Fola")
DRAMA_PHONE = re.compile(r"07700900\d{3}|01614960\d{3}|01134960\d{3}|02079460\d{3}|01632960\d{3}")
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)
TITLE = re.compile(r"(Mr|Mrs|Ms|Dr|Cllr|Councillor|Imam|Father|Pastor) ", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV9)
    assert found, "no gold files under bench/data/dev9/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV9 / "README.md").read_text(encoding="utf-8")


def spans_with_context(golds: list[dict], kind: str) -> list[tuple[dict, str]]:
    """(span, text before it in its turn) for every span of one type."""
    return [
        (s, t["text"][: s["start"]])
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
        if s["type"] == kind
    ]


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV9, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["authority"] for g in golds}) == 4
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 35 <= len(g["turns"]) <= 40, g["label"]
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 3 <= len(participants) <= 5, g["label"]  # 4-6 speakers with the facilitator
        if g["format"] == "teams-vtt":
            assert all(", " in k for k in g["speakers"]), "Teams shows speakers as 'Last, First'"
    assert sum(g["kind"] == "interview" for g in golds) == 1
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(290, 320)
    )
    assert by_type["PERSON"] > by_type["ORG"] and by_type["PERSON"] > by_type["PLACE"]
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    distinct = distinct_persons(golds)
    non_anglo = sum(o != "anglo" for o in distinct.values())
    assert (
        f"Distinct person surfaces (case-folded): {len(distinct)}, of which non-anglo {non_anglo}"
        in readme
    )


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo >= 0.65
    distinct = distinct_persons(golds)
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) >= 0.65
    for origin in ("west_african", "south_asian", "east_european", "east_african", "caribbean"):
        assert mentions[origin] >= 7, origin


def test_person_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    for name in WORD_SURNAMES_ALONE:
        assert name in persons, name
    assert sum(bool(TITLE.match(p)) for p in persons) >= 14, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 4, "too few non-ASCII names"
    assert sum(p[:1].islower() for p in persons) >= 25, "too few lower-case names"
    assert labelled_set.possessive_names(golds) >= 1
    after = [pre for s, pre in spans_with_context(golds, "PERSON")]
    assert sum(bool(re.search(r"\b(and|with|like) $", pre, re.I)) for pre in after) >= 6
    for name, origin in GIVEN_NAMES.items():
        assert any(s["text"] == name and s["origin"] == origin for s in all_spans(golds, "PERSON"))
    for name in NICKNAMES:
        assert name in persons, name


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
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    for surface in WORD_SURFACES["ORG"]:
        assert surface in orgs, surface
    for name in TOWN_MEANING_COUNCIL + COUNCIL_ACRONYMS + HOSPITALS + LOCAL_UNION_BRANCHES:
        assert name in orgs, name
    assert "Wythenshawe" in places, "the same name as employer (hospital) and as district"
    org_word = re.compile(
        r"\b(council|college|university|trust|police|branch|house|school|hospital"
        r"|mosque|masjid|church)\b",
        flags=re.I,
    )
    assert sum(not org_word.search(o) for o in orgs) >= 65, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 12, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 10, "too few acronyms"
    opening = [
        s["text"]
        for s, pre in spans_with_context(golds, "ORG")
        if not pre.strip() or pre.rstrip().endswith((".", "?", "!"))
    ]
    assert len(opening) >= 8, "too few organisations opening a sentence"


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    for surface in WORD_SURFACES["PLACE"]:
        assert surface in places, surface
    street_word = re.compile(r"\b(road|street|lane)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 6, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 15, "too few lower-case places"
    building = re.compile(r"\b(house|hall|room|library|depot|extension|dockside)\b", re.I)
    assert sum(bool(building.search(p)) for p in places) >= 12, "too few buildings and rooms"
    for city in CITIES_ABROAD:
        assert city in places, city


def test_otter_session_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    assert all(t["text"] == t["text"].lower() for t in otter[0]["turns"])
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert spans and all(s == s.lower() for s in spans)


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) >= 2, "too few bare numeric IDs"
    assert sum("/" in i for i in ids) >= 4, "too few slashed references"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    assert any(re.fullmatch(r"[A-Z]{3}\d{7}", i) for i in ids), "no service-desk ticket"
    assert sum(i.islower() and re.search(r"\d", i) is not None for i in ids) >= 2
    assert sum(not re.search(r"\d", i) for i in ids) == 1, "one reference read out in words"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum(" dot " in e and " at " in e for e in emails) == 1, "one spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), postcodes
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
    check_rendered_files_align_with_gold_turns(DEV9, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV9, tmp_path, monkeypatch)
