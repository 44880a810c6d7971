"""Checks on the dev18 tuning set in bench/data/dev18 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: four sessions with UK public-sector staff
(NHS, police, fire, councils, housing, schools, transport) in Belfast, Luton, Lambeth and
Dundee, and Sunderland, about equality, diversity and inclusion at work. The emphasis is on
organisations mentioned in passing (one-word employers, agencies, contractors, acronyms,
short hospital and college names, networks, branches, papers, pubs, clubs by nickname),
places of every shape, and names of many origins, with one Otter file in lower case.
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev18/README.md.
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
DEV18 = ROOT / "bench" / "data" / "dev18"
LABELS = ["D1801", "D1802", "D1803", "D1804"]
FORMATS_WANTED = Counter({"teams-vtt": 1, "zoom-vtt": 1, "otter-txt": 2})
AREAS_WANTED = {"belfast", "luton", "lambeth", "sunderland"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "ORG": 177,
    "PLACE": 171,
    "PERSON": 149,
    "EMAIL": 6,
    "ID": 6,
    "PHONE": 6,
    "POSTCODE": 4,
}
WORDS_RANGE = (13_000, 16_000)
PUBLIC_REFERENCES = (
    "Equality Act 2010",
    "Black Lives Matter",
    "George Floyd",
    "Microsoft Teams",
    "Zoom",
    "WhatsApp",
    "Facebook",
    "Twitter",
    "Indeed",
    "NHS",
    "NMC",
    "RCN",
    "Unite",
    "Section 75",
    "Black History Month",
    "Ramadan",
)
# First names that are ordinary words: marked as (part of) a PERSON and also left unmarked as
# the ordinary word somewhere in the set.
WORD_NAMES = ("patience", "mercy", "faith", "sunny", "dawn", "joy")
# Every marked surface (case-folded) that also occurs unmarked in the set is one of these
# deliberate ordinary-word uses; anything else is a gold slip.
ORDINARY_WORD_USES = {
    "bridges",  # shopping centre / "build bridges"
    "dawn",
    "echo",  # local paper / "echo what he said"
    "joy",
    "knock",  # police headquarters / "knock-on effect"
    "mercy",
    "met",  # the police force / "we met"
    "protocol",  # supply agency / the Northern Ireland protocol
    "sunny",
}
# Organisations and places whose name is an ordinary word, each marked at least once.
WORD_SURFACES = {
    "ORG": (
        "Protocol",
        "Rise",
        "Unity",
        "Spectrum",
        "Ember",
        "Mosaic",
        "Roots",
        "Tapestry",
        "Courier",
        "Tele",
        "Met",
        "echo",
        "lighthouse",
        "hive",
        "thirteen",
        "springboard",
    ),
    "PLACE": ("Royal", "Village", "Knock", "Galaxy", "bridges", "monument", "washington"),
}
# One surface used for an organisation and for a place (case-folded).
ORG_AND_PLACE = ("vauxhall", "luton", "durham")
DRAMA_PHONE = re.compile(r"07700900\d{3}|02079460\d{3}|01914980\d{3}|01632960\d{3}")


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(DEV18)
    assert found, "no gold files under bench/data/dev18/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV18 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV18, golds)


def test_sessions_kinds_formats_areas_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["area"] for g in golds} == AREAS_WANTED
    assert any(g["attrs"].get("also") == "dundee" for g in golds)
    words = sum(len(t["text"].split()) for g in golds for t in g["turns"])
    assert WORDS_RANGE[0] <= words <= WORDS_RANGE[1], words
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt)", g["file"])
        assert 36 <= len(g["turns"]) <= 45, g["label"]
        assert "2021-01-01" <= g["date"] <= "2023-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(participants) <= 6, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, total_range=(450, 520), alphabetical_ties=True
    )
    assert by_type["ORG"] >= by_type["PERSON"], "organisations are the emphasis"
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS, "every origin label should be represented"
    assert 1 - mentions["anglo"] / sum(mentions.values()) > 0.60
    distinct = distinct_persons(golds)
    assert len(distinct) >= 100
    assert sum(o != "anglo" for o in distinct.values()) / len(distinct) > 0.60


def test_name_shapes(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    title = r"(Mr|Mrs|Miss|Dr|Professor|Inspector|Sergeant|Sister|Bishop|Reverend|Imam|Dona) "
    assert sum(bool(re.match(title, p, re.I)) for p in persons) >= 20, "too few titled names"
    assert sum(p[:1].islower() for p in persons) >= 30, "too few lower-case names"
    assert sum("-" in p for p in persons) >= 4, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 6, "too few non-ASCII names"
    for surname in ("Gilmore", "Kiernan", "okonkwo"):
        assert surname in persons, f"{surname} should be used alone"
    for nickname in ("Chi", "darek", "Sunny"):
        assert nickname in persons, nickname
    assert labelled_set.possessive_names(golds) >= 1
    assert labelled_set.names_opening_a_sentence(golds) >= 15
    assert labelled_set.last_first_speakers(golds) >= 6, "Teams speakers shown 'Last, First'"


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
    org_word = re.compile(
        r"\b(council|college|university|uni|trust|police|branch|house|centre|hospital|school"
        r"|church|mosque)\b",
        flags=re.I,
    )
    assert sum(not org_word.search(o) for o in orgs) >= 140, "most ORGs should lack org words"
    assert sum(o[:1].islower() for o in orgs) >= 40, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 12, "too few acronyms"
    openers = [
        s["text"]
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
        if s["type"] == "ORG"
        and (s["start"] == 0 or t["text"][: s["start"]].rstrip().endswith((".", "?", "!")))
    ]
    assert len(openers) >= 2, "an organisation should open a sentence"
    for kind, surfaces in WORD_SURFACES.items():
        marked = {s["text"] for s in all_spans(golds, kind)}
        for surface in surfaces:
            assert surface in marked, surface
    types: dict[str, set[str]] = {}
    for s in all_spans(golds):
        types.setdefault(s["text"].casefold(), set()).add(s["type"])
    for surface in ORG_AND_PLACE:
        assert types.get(surface) == {"ORG", "PLACE"}, surface


def test_places_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    street = re.compile(r"\b(road|street|avenue|lane|square)\b", flags=re.I)
    assert sum(bool(street.search(p)) for p in places) >= 20, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 40, "too few lower-case places"
    building = re.compile(r"\b(house|hall|room|building|centre|campus|chamber|library)\b", re.I)
    assert sum(bool(building.search(p)) for p in places) >= 15, "too few buildings and rooms"


def test_lower_case_otter_session(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    lower = [g for g in otter if g["attrs"].get("transcript") == "lower case"]
    assert len(otter) == 2 and len(lower) == 1
    turns = lower[0]["turns"]
    assert all(t["text"] == t["text"].lower() for t in turns)
    spans = [s["text"] for t in turns for s in t["pii"]]
    assert len(spans) >= 100 and all(s == s.lower() for s in spans)
    assert sum(len(t["text"].split()) for t in turns) / len(turns) >= 90, "long turns"


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 ") for p in phones)
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert any("/" in i for i in ids), "no slashed reference"
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
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3))
    for theme, n in coded.items():
        assert f"{theme.split('/', 1)[1]} {n}" in readme, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV18, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV18, tmp_path, monkeypatch)
