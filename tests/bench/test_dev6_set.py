"""Checks on the dev6 tuning set in bench/data/dev6 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: six focus-group and interview sessions with
staff of West Yorkshire, eastern-county and inner-London councils, with a natural mix of
PII and a fair share of hard cases (organisations named without organisation words, town
names used for councils, lower-case Otter text, word-names, titles and particles, phones
and IDs in many written and spoken shapes).
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev6/README.md.
"""

from __future__ import annotations

import datetime as dt
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
    last_first_speakers,
    masked_texts,
    names_opening_a_sentence,
    possessive_names,
)

ROOT = Path(__file__).resolve().parents[2]
DEV6 = ROOT / "bench" / "data" / "dev6"
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
AUTHORITIES_WANTED = {"kirklees", "calderdale", "hackney", "lewisham", "lincolnshire", "norfolk"}
REGIONS_WANTED = {"west-yorkshire", "inner-london", "east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 151,
    "PLACE": 104,
    "ORG": 73,
    "ID": 21,
    "PHONE": 16,
    "EMAIL": 9,
    "POSTCODE": 5,
}
PII_MINIMUM = {"ID": 15, "PHONE": 15, "EMAIL": 6, "POSTCODE": 5}
PII_TOTAL_RANGE = (330, 380)
DISTINCT_PERSONS = 127
# Only Ofcom drama ranges: 07700 900xxx, 0113 496 0xxx, 020 7946 0xxx, 01632 960xxx.
DRAMA_PHONE = re.compile(r"07700900\d{3}|01134960\d{3}|02079460\d{3}|01632960\d{3}")
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
)
WORD_NAMES = (
    "will",
    "mark",
    "grace",
    "joy",
    "faith",
    "hope",
    "rose",
    "bill",
    "blessing",
    "precious",
    "patience",
)
TITLES = (
    "Mr ",
    "Mrs ",
    "Miss ",
    "Dr ",
    "Cllr ",
    "Pastor ",
    "Imam ",
    "Brother ",
    "auntie ",
    "pastor ",
    "mr ",
    "mrs ",
)
PARTICLES = ("Ó ", "el-", "De ")
ORG_WORDS = re.compile(
    r"\b(council|ltd|limited|plc|trust|group|college|university|uni|school|academy|homes|"
    r"housing|hospital|nhs|company|society|branch|centre)\b",
    flags=re.I,
)


def load_golds() -> list[dict]:
    return labelled_set.load_golds(DEV6)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/dev6/gold"
    return found


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV6, golds)


def test_sessions_kinds_formats_councils_and_sizes(golds: list[dict]) -> None:
    assert [g["label"] for g in golds] == [f"D60{n}" for n in range(1, 7)]
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["authority"] for g in golds} == AUTHORITIES_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    ext = {"teams-vtt": "vtt", "zoom-vtt": "vtt", "teams-docx": "docx"}
    for g in golds:
        n = g["label"][-1]
        wanted_ext = ext.get(g["format"], "txt")
        assert re.fullmatch(
            rf"d60{n}_{g['attrs']['authority']}_[a-z0-9_]+\.{wanted_ext}", g["file"]
        )
        assert dt.date(2020, 1, 1) <= dt.date.fromisoformat(g["date"]) <= dt.date(2021, 12, 31)
        assert 36 <= len(g["turns"]) <= 45, g["label"]
        roles = Counter(v["role"] for v in g["speakers"].values())
        assert roles["facilitator"] == 1, g["label"]
        if g["kind"] == "interview":
            assert roles["participant"] == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            # 4-6 speakers including the facilitator
            assert 3 <= roles["participant"] <= 5, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict]) -> None:
    readme = (DEV6 / "README.md").read_text(encoding="utf-8")
    check_pii_counts_match_the_readme(
        golds, readme, counts=PII_COUNTS, minimum=PII_MINIMUM, total_range=PII_TOTAL_RANGE
    )
    flat = " ".join(readme.split())  # the README wraps long lines
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins) in flat
    assert f"Distinct person surfaces (case-folded): {DISTINCT_PERSONS}" in flat
    check_session_rows_in_readme(golds, readme)


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert non_anglo > 0.50
    persons = distinct_persons(golds)
    assert len(persons) == DISTINCT_PERSONS
    assert sum(o != "anglo" for o in persons.values()) / len(persons) > 0.50


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(t[:1].islower() for t in texts) >= 20, "too few lower-case names"
    assert sum(" " in t for t in texts) >= 20, "too few multi-word names"
    for title in TITLES:
        assert any(t.startswith(title) for t in texts), title
    for particle in PARTICLES:
        assert any(particle in t for t in texts), particle
    assert sum("-" in t for t in texts) >= 5, "too few hyphenated names"
    assert sum(not t.isascii() for t in texts) >= 5, "too few non-ASCII names"
    assert sum(" " not in t and "-" not in t for t in texts) >= 60, "too few single names"
    assert possessive_names(golds) >= 3
    assert names_opening_a_sentence(golds) >= 5, "too few names opening a sentence"
    assert last_first_speakers(golds) >= 15, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES)


def test_orgs_mostly_without_org_words(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    bare = [o for o in orgs if not ORG_WORDS.search(o)]
    assert len(bare) >= 45, "most ORG spans should be brand or short names"
    assert sum(o[:1].islower() for o in orgs) >= 8, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 6, "too few acronyms"
    places = {s["text"].casefold() for s in all_spans(golds, "PLACE")}
    both = {o.casefold() for o in orgs} & places
    assert {"kirklees", "halifax"} <= both, "a town name should be both council/firm and place"


def test_phones_are_drama_numbers_in_varied_forms(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(not re.search(r"\d", p) for p in phones), "no spoken number"
    for text in masked_texts(golds):
        assert not re.search(r"\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b", text), text


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert any("/" in i for i in ids), "no slashed reference"
    assert any(i[:1].islower() for i in ids), "no lower-case reference"
    ni = [i for i in ids if re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i)]
    assert len(ni) >= 2, "too few NI numbers"
    nhs = [i for i in ids if re.fullmatch(r"\d{3} \d{3} \d{4}", i)]
    assert nhs, "no NHS number"
    for number in nhs:
        d = [int(c) for c in number.replace(" ", "")]
        check = 11 - sum(x * w for x, w in zip(d[:9], range(10, 1, -1), strict=True)) % 11
        assert (0 if check == 11 else check) == d[9], number
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes), postcodes
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    coded = check_loe_and_theme_labels(golds)
    readme = (DEV6 / "README.md").read_text(encoding="utf-8")
    for theme in coded:
        assert theme.split("/", 1)[1] in readme, theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV6, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV6, tmp_path, monkeypatch)


def test_the_otter_file_is_lower_case(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    text = " ".join(t["text"] for t in otter[0]["turns"])
    assert text == text.lower()
    assert sum(c in ".,?!" for c in text) <= 10, "Otter text should carry little punctuation"
