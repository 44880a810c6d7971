"""Checks on the report-only held-out set in bench/data/heldout4 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: six sessions with UK local-government staff
about equality, diversity and inclusion at work (five focus groups and one interview, in
Teams, Zoom, Otter and plain-text formats). Like every blind set, this module names none of
the set's surfaces: it counts and derives what it checks from the gold, and its failure
messages carry labels, turn numbers and counts only. These tests keep the set internally
consistent (gold spans match the text, turns align with the rendered files, a re-render is
byte-identical) and keep the counts and balance stated in bench/data/heldout4/README.md.
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
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT4 = ROOT / "bench" / "data" / "heldout4"
LABELS = ["H401", "H402", "H403", "H404", "H405", "H406"]
FORMATS_WANTED = Counter({"teams-vtt": 2, "zoom-vtt": 1, "otter-txt": 1, "plain-txt": 2})
REGIONS_WANTED = {"north-west", "scotland", "london", "yorkshire-and-humber", "south-east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 122,
    "PLACE": 87,
    "ORG": 83,
    "ID": 12,
    "PHONE": 10,
    "EMAIL": 7,
    "POSTCODE": 7,
}
PII_MINIMUM = {
    "PERSON": 110,
    "PLACE": 70,
    "ORG": 70,
    "ID": 10,
    "PHONE": 7,
    "EMAIL": 6,
    "POSTCODE": 6,
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
# First names that are ordinary words, derived from the gold (marked as a PERSON and also
# left unmarked as the word somewhere in the set). Only their number is fixed here.
WORD_NAME_COUNT = 4
# Marked surfaces (case-folded) that also occur unmarked: the word-names above plus one town
# name that is an ordinary verb. Anything beyond this count is a gold slip.
ORDINARY_WORD_USES_COUNT = 5
TITLES = re.compile(r"(Mr|Mrs|Dr|Professor|Prof|Cllr|Councillor) ", flags=re.I)
DRAMA_PHONE = re.compile(
    r"07700900\d{3}|01614960\d{3}|01134960\d{3}|01184960\d{3}|02079460\d{3}"
    r"|01414960\d{3}|01632960\d{3}"
)
DRAMA_PREFIXES = (
    "07700900",
    "01614960",
    "01134960",
    "01184960",
    "02079460",
    "01414960",
    "01632960",
)
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(HELDOUT4)
    assert found, "no gold files under bench/data/heldout4/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (HELDOUT4 / "README.md").read_text(encoding="utf-8")


def first_word_names(golds: list[dict]) -> set[str]:
    """First words of PERSON spans (case-folded) that also occur unmarked as a word."""
    masked = masked_texts(golds)
    firsts = {s["text"].split()[0].casefold() for s in all_spans(golds, "PERSON")}
    return {
        w
        for w in firsts
        if re.fullmatch(r"\w+", w)
        and any(re.search(rf"\b{re.escape(w)}\b", text, flags=re.I) for text in masked)
    }


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT4, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["authority"] for g in golds}) == 6
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 35 <= len(g["turns"]) <= 40, g["label"]
        assert "2022-01-01" <= g["date"] <= "2023-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 3 <= len(participants) <= 5, g["label"]  # 4-6 speakers with the facilitator
        teams = g["format"] == "teams-vtt"
        assert all((", " in k) == teams for k in g["speakers"]), g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    assert labelled_set.last_first_speakers(golds) == 11
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=(310, 350)
    )
    assert by_type["PERSON"] > by_type["PLACE"] >= by_type["ORG"], "people first"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    per_session = [sum(len(t["pii"]) for t in g["turns"]) for g in golds]
    assert min(per_session) >= 45, "every session should carry its share of mentions"


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    assert all(n >= 3 for n in mentions.values()), "an origin is barely represented"
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert non_anglo / total >= 0.60
    assert f"Non-anglo: {non_anglo} of {total} mentions ({100 * non_anglo / total:.1f}%)" in readme
    distinct = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in distinct.values())
    assert distinct_non_anglo / len(distinct) >= 0.60
    share = 100 * distinct_non_anglo / len(distinct)
    assert (
        f"case-folded): {len(distinct)}, of which non-anglo {distinct_non_anglo} ({share:.1f}%)"
        in readme
    )


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    words = first_word_names(golds)
    assert len(words) == WORD_NAME_COUNT, "word-names marked and also left as words"
    marked = {s["text"].casefold() for s in all_spans(golds, "PERSON")}
    masked = masked_texts(golds)
    for word in words:
        assert any(m == word or m.startswith(word + " ") for m in marked), "a word-name"
        assert any(re.search(rf"\b{word}\b", text, flags=re.I) for text in masked)


def test_person_name_shapes(golds: list[dict]) -> None:
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(bool(TITLES.match(p)) for p in persons) >= 12, "too few titled names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 3, "too few non-ASCII names"
    assert sum(" " in p for p in persons) >= 15, "too few full names"
    assert sum(" " not in p for p in persons) >= 60, "too few single names"
    assert labelled_set.possessive_names(golds) >= 2
    assert labelled_set.names_opening_a_sentence(golds) >= 10
    # A person named in full and also by first name alone, in at least three sessions.
    sessions = 0
    for g in golds:
        spans = [s["text"] for t in g["turns"] for s in t["pii"] if s["type"] == "PERSON"]
        fulls = {p.split()[0] for p in spans if " " in p and not TITLES.match(p)}
        sessions += any(p in fulls for p in spans if " " not in p)
    assert sessions >= 3


def test_marked_surfaces_unmarked_elsewhere_are_deliberate(golds: list[dict]) -> None:
    """A surface marked once but left unmarked elsewhere must be an intended ordinary word:
    the derived word-names plus one town name that is an ordinary verb."""
    marked = {s["text"].casefold() for s in all_spans(golds)}
    masked = masked_texts(golds)
    found = set()
    for surface in marked:
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if any(pattern.search(text) for text in masked):
            found.add(surface)
    assert len(found) == ORDINARY_WORD_USES_COUNT, "unexpected unmarked copies of a surface"
    words = first_word_names(golds)
    assert words <= found
    others = found - words
    assert len(others) == 1 and all(re.fullmatch(r"\w+", o) for o in others)
    places = {s["text"].casefold() for s in all_spans(golds, "PLACE")}
    assert others <= places, "the remaining ordinary word is a town"


def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    street_word = re.compile(r"\b(road|street)\b", flags=re.I)
    assert sum(bool(street_word.search(p)) for p in places) >= 4, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 10, "too few lower-case places"
    building = re.compile(r"\b(house|hall|centre|offices|court|chambers|hub|gateway)\b", re.I)
    assert sum(bool(building.search(p)) for p in places) >= 12, "too few named buildings"
    assert len({p.casefold() for p in places}) >= 60, "too few distinct places"
    both = {o.casefold() for o in orgs} & {p.casefold() for p in places}
    assert len(both) >= 1, "a name used as an organisation and as a place"
    org_word = re.compile(
        r"\b(council|college|university|uni|trust|branch|school|hospital|homes|care"
        r"|network|alliance|hscp)\b",
        flags=re.I,
    )
    assert sum(not org_word.search(o) for o in orgs) >= 50, "most ORGs should lack org words"
    assert sum(bool(re.search(r"\bcouncil\b", o, re.I)) for o in orgs) >= 5, "councils in full"
    assert sum(o[:1].islower() for o in orgs) >= 10, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 6, "too few acronyms"


def test_otter_session_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    texts = [t["text"] for t in otter[0]["turns"]]
    assert all(t == t.lower() for t in texts)
    spans = [s["text"] for t in otter[0]["turns"] for s in t["pii"]]
    assert len(spans) >= 40 and all(s == s.lower() for s in spans)


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE, quiet=True)
    digits = [labelled_set.national_digits(p) for p in phones]
    assert {d[:8] for d in digits} == set(DRAMA_PREFIXES), "every drama range is used"
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(" ext " in p for p in phones), "no extension"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) >= 3, "too few bare numeric IDs"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(i.islower() for i in ids), "no lower-case reference"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert sum(" dot " in e and " at " in e for e in emails) == 1, "one spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p) for p in postcodes), "a postcode of a bad shape"
    assert any(p.islower() for p in postcodes), "no lower-case postcode"
    assert sum(p.isupper() for p in postcodes) >= 4


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 4), quiet=True)
    assert 12 <= len(coded) <= 16
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        row = [line for line in readme.splitlines() if line.startswith(f"| {loe} |")]
        assert len(row) == 1 and f"{slug} {n}" in row[0], "README theme table is stale"
    assert f"{len(coded)} themes, {sum(coded.values())} coded participant turns" in readme
    for g in golds:
        loes = {t["loe"][0] for t in g["turns"] if t["theme"]}
        assert len(loes) == 4 or g["kind"] == "interview", g["label"]


def test_readme_names_no_surface(golds: list[dict], readme: str) -> None:
    """The README describes hard cases in general terms only: no marked surface appears in it,
    except the names of the councils in its session table."""
    allowed = {w for g in golds for w in g["attrs"]["authority"].split("-")}
    text = readme.casefold()
    leaks = 0
    for surface in {s["text"].casefold() for s in all_spans(golds)}:
        if len(surface) < 3 or surface in allowed:
            continue
        leaks += bool(re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
    assert leaks == 0, f"{leaks} surfaces of the set appear in its README"


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT4, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT4, tmp_path, monkeypatch)
