"""Checks on the REPORT-ONLY held-out set in bench/data/heldout6 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: six sessions (five focus groups, one
interview) with UK public-sector staff (four councils, a fire and rescue service and a
university's professional services) about equality, diversity and inclusion at work. These
tests keep it internally consistent (gold spans match the text, turns align with the rendered
files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/heldout6/README.md.

Because the set is held out, this module quotes no marked surface, speaker name or theme name:
it checks counts and properties only, its failure messages name labels, turn numbers and
counts, and one test checks that neither the README nor this file contains any marked surface
or speaker name.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    LOES,
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
    count_line,
    distinct_persons,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "bench" / "data" / "heldout6"
LABELS = ["H601", "H602", "H603", "H604", "H605", "H606"]
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PLACE": 134,
    "PERSON": 129,
    "ORG": 70,
    "ID": 14,
    "PHONE": 10,
    "EMAIL": 9,
    "POSTCODE": 6,
}
TOTAL_RANGE = (320, 380)
NON_ANGLO_MENTIONS = (88, 129)
DISTINCT_PERSONS = (109, 71)  # distinct case-folded surfaces, of which non-anglo
# Marked surfaces that also occur unmarked as ordinary words: first names, and place or
# organisation names. Counted, not quoted.
ORDINARY_WORD_NAMES = 4
ORDINARY_WORD_PLACES_AND_ORGS = 5
# Hard-case counts stated in the README.
TITLED_NAMES = 18
LOWER_CASE_NAMES = 18
POSSESSIVE_NAMES = 3
HYPHENATED_NAMES = 2
NON_ASCII_NAMES = 5
APOSTROPHE_NAMES = 1
LAST_FIRST_SPEAKERS = 12
STREETS = 16
LOWER_CASE_PLACES = 22
NON_ASCII_PLACES = 3
ORGS_WITHOUT_ORG_WORD = 55
LOWER_CASE_ORGS = 11
ACRONYM_ORGS = 5
ORG_AND_PLACE_SURFACES = 2
# LOE -> (themes, coded participant turns, fewest per theme, most per theme), as in the README.
THEMES_BY_LOE = {
    "recruitment": (3, 36, 11, 13),
    "progression": (3, 31, 7, 12),
    "training": (3, 28, 9, 10),
    "engagement": (3, 28, 9, 10),
}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Equality Act 2010",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "Indeed",
    "Ofsted",
)
DRAMA_PHONE = re.compile(r"07700900\d{3}|02079460\d{3}|01632960\d{3}|02920180\d{3}")
TITLES = re.compile(r"(mr|mrs|ms|dr|prof|professor|cllr|councillor) ", flags=re.I)
STREET_WORD = re.compile(r"\b(road|street|lane|square)\b", flags=re.I)
ORG_WORD = re.compile(
    r"\b(council|college|university|uni|trust|service|association|mosque|gurdwara)\b",
    flags=re.I,
)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(SET)
    assert found, "no gold files under bench/data/heldout6/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (SET / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(SET, golds)


def test_sessions_kinds_formats_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    check_sessions_kinds_formats_and_sizes(
        golds, FORMATS_WANTED, interview_turns=(35, 40), group_turns=(35, 40)
    )
    assert sum(g["kind"] == "focus group" for g in golds) == 5
    assert len({g["attrs"]["region"] for g in golds}) == 6, "six regions"
    assert len({g["attrs"]["authority"] for g in golds}) == 6, "six employers"
    for g in golds:
        assert re.fullmatch(r"h60\d_[a-z_]+\.(vtt|docx|txt)", g["file"]), g["label"]
        assert g["file"].startswith(g["label"].lower() + "_"), g["label"]
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, total_range=TOTAL_RANGE, alphabetical_ties=True
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert (non_anglo, total) == NON_ANGLO_MENTIONS
    assert non_anglo / total >= 0.60, "at least 60% non-anglo mentions"
    share = f"{100 * non_anglo / total:.1f}%"
    assert f"Non-anglo: {non_anglo} of {total} mentions ({share})." in readme
    distinct = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in distinct.values())
    assert (len(distinct), distinct_non_anglo) == DISTINCT_PERSONS
    assert distinct_non_anglo / len(distinct) >= 0.60
    share = f"{100 * distinct_non_anglo / len(distinct):.1f}%"
    assert f"{len(distinct)}, of which non-anglo {distinct_non_anglo} ({share})" in readme


def test_marked_surfaces_unmarked_elsewhere_are_the_counted_ordinary_words(
    golds: list[dict], readme: str
) -> None:
    """A surface marked once but left unmarked elsewhere must be a deliberate ordinary word:
    a single lower-case-able word, as many first names and place/organisation names as
    stated."""
    masked = masked_texts(golds)
    types_by_surface: dict[str, set[str]] = {}
    for s in all_spans(golds):
        types_by_surface.setdefault(s["text"].casefold(), set()).add(s["type"])
    names, others = 0, 0
    for surface, types in types_by_surface.items():
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if not any(pattern.search(text) for text in masked):
            continue
        assert re.fullmatch(r"[a-z]+", surface), "an unmarked repeat that is not one word"
        assert len(types) == 1, "an ordinary word marked as two types"
        if types == {"PERSON"}:
            names += 1
        else:
            assert types <= {"PLACE", "ORG"}, "an unexpected ordinary-word type"
            others += 1
    assert (names, others) == (ORDINARY_WORD_NAMES, ORDINARY_WORD_PLACES_AND_ORGS)
    total = ORDINARY_WORD_NAMES + ORDINARY_WORD_PLACES_AND_ORGS
    assert f"In all, {total} marked surfaces ({names} first names, {others} place" in readme


def test_name_shapes(golds: list[dict]) -> None:
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(bool(TITLES.match(p)) for p in persons) == TITLED_NAMES
    assert sum(p[:1].islower() for p in persons) == LOWER_CASE_NAMES
    assert labelled_set.possessive_names(golds) == POSSESSIVE_NAMES
    assert sum("-" in p for p in persons) == HYPHENATED_NAMES
    assert sum(not p.isascii() for p in persons) == NON_ASCII_NAMES
    assert sum("'" in p for p in persons) == APOSTROPHE_NAMES
    assert sum(" " not in p for p in persons) > len(persons) / 2, "mostly single names"
    assert labelled_set.last_first_speakers(golds) == LAST_FIRST_SPEAKERS
    for g in golds:
        shown_last_first = [", " in k for k in g["speakers"]]
        if g["format"] == "teams-vtt":
            assert all(shown_last_first), g["label"]
        else:
            assert not any(shown_last_first), g["label"]


def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    assert sum(bool(STREET_WORD.search(p)) for p in places) == STREETS
    assert sum(p[:1].islower() for p in places) == LOWER_CASE_PLACES
    assert sum(not p.isascii() for p in places) == NON_ASCII_PLACES
    assert sum(not ORG_WORD.search(o) for o in orgs) == ORGS_WITHOUT_ORG_WORD
    assert sum(o[:1].islower() for o in orgs) == LOWER_CASE_ORGS
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) == ACRONYM_ORGS
    both = {o.casefold() for o in orgs} & {p.casefold() for p in places}
    assert len(both) == ORG_AND_PLACE_SURFACES, "surfaces marked as both ORG and PLACE"


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    for t in otter[0]["turns"]:
        assert re.fullmatch(r"[a-z0-9 ]+", t["text"]), (otter[0]["label"], t["i"])
        assert all(s["text"] == s["text"].lower() for s in t["pii"]), t["i"]
    assert any(t["pii"] for t in otter[0]["turns"])


def test_phones_are_drama_numbers_in_varied_forms(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE, quiet=True)
    assert any(p.startswith("+44 (0)") for p in phones), "no +44 (0) number"
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones), "no +44 number"
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"0\d+( \d+)+", p) for p in phones), "no spaced number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"
    national = [labelled_set.national_digits(p) for p in phones]
    assert any(n.startswith("07") for n in national), "no mobile number"
    assert any(not n.startswith("07") for n in national), "no geographic number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum(bool(re.fullmatch(r"\d+", i)) for i in ids) == 4, "bare numbers"
    assert any(re.fullmatch(r"0\d+", i) for i in ids), "no number with a leading zero"
    assert sum("/" in i for i in ids) == 3, "slashed references"
    assert sum(bool(re.fullmatch(r"[A-Z]+(-\d+)+", i)) for i in ids) == 2, "dashed references"
    assert sum(bool(re.fullmatch(r"[A-Za-z]+\d+", i)) for i in ids) == 3, "letter-digit IDs"
    assert sum(i.islower() for i in ids) == 2, "one lower-case ticket and one spoken number"
    assert sum(bool(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i)) for i in ids) == 1
    assert sum(not re.search(r"\d", i) for i in ids) == 1, "one spoken ID"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    spoken = [e for e in emails if "@" not in e]
    assert len(spoken) == 2 and all(" at " in e and " dot " in e for e in spoken)
    assert all(re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", e) for e in emails if "@" in e)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes), "postcode shape"
    assert sum(p.islower() for p in postcodes) == 1, "one lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(
        golds, PUBLIC_REFERENCES, inside_longer_span_ok=False
    )


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3), quiet=True)
    for loe, (themes, turns, fewest, most) in THEMES_BY_LOE.items():
        counts = [n for theme, n in coded.items() if theme.split("/", 1)[0] == loe]
        assert (len(counts), sum(counts), min(counts), max(counts)) == (
            themes,
            turns,
            fewest,
            most,
        ), loe
        assert f"| {loe} | {themes} | {turns} | {fewest}-{most} |" in readme, loe
    assert set(THEMES_BY_LOE) == LOES
    for theme in coded:
        sessions = {g["label"] for g in golds for t in g["turns"] if t["theme"] == theme}
        assert len(sessions) == len(golds), "a theme missing from a session"


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(SET, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(SET, tmp_path, monkeypatch)


def test_no_marked_surface_or_speaker_name_in_readme_or_this_file(
    golds: list[dict], readme: str
) -> None:
    """The README and this test describe the set in general terms only: no marked surface and
    no speaker name (whole, or any part of three letters or more) may appear in them."""
    forbidden = {s["text"].casefold() for s in all_spans(golds)}
    for g in golds:
        for speaker in g["speakers"]:
            forbidden.add(speaker.casefold())
            forbidden.update(p for p in re.split(r"[ ,]+", speaker.casefold()) if len(p) >= 3)
    this_file = Path(__file__).read_text(encoding="utf-8")
    for name, text in (("README", readme), ("test module", this_file)):
        leaks = sum(
            bool(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text, flags=re.I)) for f in forbidden
        )
        assert leaks == 0, f"{leaks} marked surface(s) or speaker name(s) in the {name}"
