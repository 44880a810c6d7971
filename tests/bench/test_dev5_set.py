"""Checks on the dev5 tuning set in bench/data/dev5 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser, and aimed at hard cases: organisations named
bare (shops, employers, NHS trusts and clubs by short name, lower case in Otter text), IDs of
many shapes (spoken digit by digit, NI and NHS numbers, tickets, payroll and candidate
numbers), names that are ordinary words, places that are ordinary words, and non-PII traps.
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev5/README.md.
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
    SPOKEN_DIGITS,
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
    names_opening_a_sentence,
    possessive_names,
)

ROOT = Path(__file__).resolve().parents[2]
DEV5 = ROOT / "bench" / "data" / "dev5"
FORMATS_WANTED = Counter(
    {"teams-vtt": 1, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {"north-east", "west-midlands", "north-west"}
EXTENSIONS = {"teams-vtt": "vtt", "zoom-vtt": "vtt", "teams-docx": "docx", "otter-txt": "txt"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 147,
    "PLACE": 79,
    "ORG": 76,
    "ID": 36,
    "PHONE": 14,
    "EMAIL": 7,
    "POSTCODE": 6,
}
PII_TOTAL_RANGE = (330, 380)
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "WhatsApp",
    "NHS",
    "DWP",
    "HMRC",
    "ACAS",
)
WORD_NAMES = (
    "may",
    "june",
    "april",
    "will",
    "mark",
    "grace",
    "hope",
    "joy",
    "faith",
    "summer",
    "rose",
    "bill",
    "frank",
    "victor",
    "sunny",
    "precious",
    "blessing",
    "patience",
    "miles",
    "dawn",
)
# Acronyms and job words that must never be marked anywhere in the set.
NON_PII_TRAPS = ("HR", "L&D", "EDI", "BAME", "ILM", "DBS")
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Councillor ", "Pastor ", "Rev ", "Uncle ", "Auntie ")
PARTICLES = ("de ", "van ", "Ní ", "O'", "Abu ")
ORG_WORDS = re.compile(
    r"\b(council|ltd|limited|plc|trust|group|college|university|uni|school|academy|homes|"
    r"housing|nhs|company|centre|church|mosque|gurdwara)\b",
    flags=re.I,
)
# Ofcom drama ranges, as national numbers.
DRAMA_PHONE = re.compile(r"(07700900|01914980|01214960|01632960|02079460)\d{3}")


def load_golds() -> list[dict]:
    return labelled_set.load_golds(DEV5)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/dev5/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEV5 / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV5, golds)


def test_sessions_kinds_formats_regions_files_and_sizes(golds: list[dict]) -> None:
    assert [g["label"] for g in golds] == ["D501", "D502", "D503", "D504", "D505"]
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    for g in golds:
        n = g["label"][1:].lower()
        ext = EXTENSIONS.get(g["format"], "txt")
        assert re.fullmatch(rf"d{n}_[a-z]+_[a-z0-9_]+\.{ext}", g["file"]), g["file"]
        assert g["file"].split("_")[1] in g["attrs"]["authority"].replace("-", "")
        assert "2020-01-01" <= g["date"] <= "2021-12-31", g["label"]
        assert 35 <= len(g["turns"]) <= 45, g["label"]
        roles = Counter(v["role"] for v in g["speakers"].values())
        assert roles["facilitator"] == 1 and g["speakers"][g["facilitator"]]["role"]
        if g["kind"] == "interview":
            assert roles["participant"] == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(g["speakers"]) <= 6, g["label"]
        if g["format"].startswith("teams"):
            assert all(", " in k for k in g["speakers"]), "Teams shows 'Last, First'"
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    flat = " ".join(readme.split())
    check_pii_counts_match_the_readme(golds, flat, counts=PII_COUNTS, total_range=PII_TOTAL_RANGE)
    check_session_rows_in_readme(golds, readme)


def test_person_origin_balance_matches_the_readme(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert non_anglo / total > 0.50
    flat = " ".join(readme.split())
    assert count_line(mentions) in flat
    assert f"non-anglo {non_anglo} of {total}" in flat
    persons = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in persons.values())
    assert distinct_non_anglo / len(persons) > 0.50
    assert f"Distinct person surfaces (case-folded): {len(persons)}" in flat
    assert f"anglo {len(persons) - distinct_non_anglo} and non-anglo {distinct_non_anglo}" in flat


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(t[:1].islower() for t in texts) >= 15, "too few lower-case names"
    for title in TITLES:
        assert any(t.startswith(title) for t in texts), title
    for particle in PARTICLES:
        pattern = rf"(^|\s){re.escape(particle.casefold())}"
        assert any(re.search(pattern, t.casefold()) for t in texts), particle
    assert sum("-" in t for t in texts) >= 4, "too few hyphenated names"
    assert sum(not t.isascii() for t in texts) >= 8, "too few non-ASCII names"
    surnames_alone = {"Adebayo-Clarke", "Pattinson", "Okoye", "Lowesy"}
    assert surnames_alone <= set(texts)
    assert names_opening_a_sentence(golds) >= 5
    assert possessive_names(golds) >= 2


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES, anywhere_in_name=True)


def test_non_pii_traps_are_unmarked(golds: list[dict]) -> None:
    masked = " ".join(masked_texts(golds))
    for trap in NON_PII_TRAPS:
        assert re.search(rf"(?<!\w){re.escape(trap)}(?!\w)", masked), trap
    for s in all_spans(golds):
        assert s["text"] not in NON_PII_TRAPS, s
        assert not s["text"].lower().startswith("the "), "leading 'the' stays outside spans"
    # a nickname marked once, the same word as a demonym left unmarked
    assert "Geordie" in {s["text"] for s in all_spans(golds, "PERSON")}
    assert re.search(r"\bGeordie\b", masked)


def test_orgs_mostly_without_org_words(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    bare = [o for o in orgs if not ORG_WORDS.search(o)]
    assert len(bare) >= 45, "most ORG spans should be brand or short names"
    assert len(orgs) - len(bare) >= 10, "some ORG spans should carry an org word"
    assert sum(o[:1].islower() for o in orgs) >= 10, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 5, "too few acronyms"
    for name in ("Greggs", "Fenwick", "Nissan", "RVI", "South Tyneside", "Northumbria"):
        assert name in orgs, name


def test_place_hard_cases(golds: list[dict]) -> None:
    places = {s["text"] for s in all_spans(golds, "PLACE")}
    for name in ("Quayside", "Metrocentre", "Bigg Market", "Mall", "Washington"):
        assert name in places, name
    assert sum(p[:1].islower() for p in places) >= 10
    assert sum(p.endswith((" Room", " room", " Suite")) for p in places) >= 3
    masked = " ".join(masked_texts(golds))
    assert "a council house" in masked, "generic council house stays unmarked"


def test_phones_are_drama_numbers_of_varied_forms(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\d{11}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"[\d.]+", p) and "." in p for p in phones), "no dotted number"
    assert any(" ext " in p for p in phones)
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


def test_ids_are_many_and_of_many_shapes(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert len(ids) >= 25
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 5, "too few slashed references"
    assert sum("-" in i for i in ids) >= 5, "too few dashed references"
    assert any(re.fullmatch(r"[A-Z]+\d+", i) for i in ids), "no prefix-and-digits ID"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no spaced NI"
    assert any(re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", i) for i in ids), "no unspaced NI"
    assert any(re.fullmatch(r"[a-z]{2} \d\d \d\d \d\d [a-d]", i) for i in ids), "no lower NI"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    spoken = [i for i in ids if not re.search(r"\d", i)]
    assert len(spoken) >= 3, "too few IDs spoken digit by digit"
    for i in spoken:
        words = i.split()
        assert sum(w in SPOKEN_DIGITS for w in words) >= 6 and all(
            w in SPOKEN_DIGITS or len(w) == 1 for w in words
        ), i
    assert sum(i[:1].islower() for i in ids) >= 3, "too few lower-case IDs"


def test_emails_and_postcodes_have_varied_forms(golds: list[dict]) -> None:
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    assert sum("@" in e for e in emails) == len(emails) - 1
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    shape = re.compile(r"[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}")
    for p in postcodes:
        assert shape.fullmatch(p.upper()), p
    assert sum(p.islower() for p in postcodes) >= 2, "too few lower-case postcodes"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(
        golds, PUBLIC_REFERENCES, inside_longer_span_ok=False
    )


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, loe_only_with_theme=True)
    for loe in LOES:
        slugs = Counter(
            {t.split("/", 1)[1]: n for t, n in coded.items() if t.startswith(loe + "/")}
        )
        assert f"| {loe} | {count_line(slugs)} |" in readme, loe
    assert f"coded participant turns: {coded.total()}" in " ".join(readme.split())


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV5, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV5, tmp_path, monkeypatch)


def test_otter_session_is_lower_case_heavy(golds: list[dict]) -> None:
    (otter,) = [g for g in golds if g["format"] == "otter-txt"]
    text = " ".join(t["text"] for t in otter["turns"])
    letters = [c for c in text if c.isalpha()]
    assert sum(c.islower() for c in letters) / len(letters) > 0.98
    assert all(s["text"] == s["text"].lower() for t in otter["turns"] for s in t["pii"])
