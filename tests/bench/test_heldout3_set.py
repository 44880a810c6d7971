"""Checks on the report-only held-out set in bench/data/heldout3 (scripts, rendered files, gold).

The set is hand-written and blind to the anonymiser (see its README for the rules kept). It is
for REPORTING figures only: nobody tunes on it. These tests keep it internally consistent (gold
spans match the text, turns align with the rendered files, a re-render is byte-identical), keep
the counts stated in bench/data/heldout3/README.md, and check the balance and the kinds of hard
case it promises, without naming any of its surfaces here.
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
    last_first_speakers,
    names_opening_a_sentence,
    possessive_names,
)

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "bench" / "data" / "heldout3"
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {
    "greater-manchester",
    "south-yorkshire",
    "west-of-england",
    "hampshire",
    "nottinghamshire",
}
EXTENSIONS = {
    "teams-vtt": "vtt",
    "zoom-vtt": "vtt",
    "teams-docx": "docx",
    "otter-txt": "txt",
    "plain-txt": "txt",
}
PII_MINIMUM = {
    "PERSON": 120,
    "ORG": 50,
    "PLACE": 50,
    "PHONE": 15,
    "ID": 15,
    "EMAIL": 6,
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
    "NHS",
    "DWP",
    "HMRC",
    "ACAS",
)
WORD_NAMES = (
    "will",
    "grace",
    "joy",
    "may",
    "hope",
    "faith",
    "dawn",
    "rose",
    "bill",
    "mark",
    "patience",
)
TITLES = (
    "mr ",
    "mrs ",
    "ms ",
    "dr ",
    "cllr ",
    "professor ",
    "imam ",
    "pastor ",
    "father ",
    "auntie ",
)
ORG_WORDS = re.compile(
    r"\b(council|ltd|limited|plc|trust|group|college|university|uni|school|academy|homes|"
    r"housing|nhs|company|society|institute|centre|settlement)\b",
    flags=re.I,
)
# Ofcom numbers reserved for drama, as national digit strings: prefix, digits after it.
DRAMA_RANGES = (
    ("07700900", 3),
    ("01134960", 3),
    ("01144960", 3),
    ("01154960", 3),
    ("01164960", 3),
    ("01174960", 3),
    ("01184960", 3),
    ("01214960", 3),
    ("01614960", 3),
    ("02079460", 3),
    ("01632960", 3),
)
DRAMA_PHONE = re.compile("|".join(rf"{prefix}\d{{{rest}}}" for prefix, rest in DRAMA_RANGES))


def load_golds() -> list[dict]:
    return labelled_set.load_golds(SET)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/heldout3/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    """The README with its line breaks and runs of spaces folded to single spaces."""
    return " ".join((SET / "README.md").read_text(encoding="utf-8").split())


def raw_readme() -> str:
    return (SET / "README.md").read_text(encoding="utf-8")


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(SET, golds)


def test_sessions_kinds_formats_regions_dates_and_sizes(golds: list[dict]) -> None:
    assert [g["label"] for g in golds] == [f"HX0{n}" for n in range(1, 7)]
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    assert len({g["attrs"]["council"] for g in golds}) == 6
    assert sum(g["kind"] == "interview" for g in golds) == 1
    for g in golds:
        n = g["label"][-1]
        assert re.fullmatch(rf"hx0{n}_[a-z]+_[a-z0-9_]+\.{EXTENSIONS[g['format']]}", g["file"])
        assert g["date"][:4] in {"2020", "2021"}, g["label"]
        assert 36 <= len(g["turns"]) <= 45, g["label"]
        roles = Counter(v["role"] for v in g["speakers"].values())
        assert roles["facilitator"] == 1, g["label"]
        if g["kind"] == "interview":
            assert roles["participant"] == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(g["speakers"]) <= 6, g["label"]
        assert set(g["speakers"]) == {t["speaker"] for t in g["turns"]}, g["label"]


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(
        golds, readme, minimum=PII_MINIMUM, total_range=(330, 380), alphabetical_ties=True
    )
    check_session_rows_in_readme(golds, raw_readme())


def test_person_origin_balance_matches_the_readme(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) <= ORIGINS
    assert len(mentions) >= 10
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert non_anglo / total > 0.50
    assert count_line(mentions, alphabetical_ties=True) in readme
    assert f"non-anglo {non_anglo} of {total}" in readme
    persons = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in persons.values())
    assert distinct_non_anglo / len(persons) > 0.50
    assert f"Distinct person surfaces (case-folded): {len(persons)}" in readme
    assert f"non-anglo {distinct_non_anglo}" in readme


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    folded = [t.casefold() for t in texts]
    assert sum(t[:1].islower() for t in texts) >= 10, "too few lower-case names"
    assert sum(" " in t for t in texts) >= 15, "too few full names"
    assert sum(" " not in t and "-" not in t for t in texts) >= 60, "too few single names"
    for title in TITLES:
        assert any(t.startswith(title) for t in folded), title
    assert any(re.search(r"\b(van|de|al-)", t) for t in texts), "no particle"
    assert sum(bool(re.search(r"\b(van|de) |\bal-|o'", t)) for t in folded) >= 3
    assert sum("-" in t for t in texts) >= 4, "too few hyphenated names"
    assert sum(not t.isascii() for t in texts) >= 5, "too few non-ASCII names"
    assert possessive_names(golds) >= 3, "too few possessives"
    assert names_opening_a_sentence(golds) >= 5, "too few names opening a sentence"
    assert last_first_speakers(golds) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    check_word_names_marked_and_also_left_as_words(golds, WORD_NAMES)


def test_orgs_with_and_without_org_words(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    bare = [o for o in orgs if not ORG_WORDS.search(o)]
    worded = [o for o in orgs if ORG_WORDS.search(o)]
    assert len(bare) >= 30 and len(worded) >= 15
    assert sum(o[:1].islower() for o in orgs) >= 5, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 5, "too few acronyms"
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    assert sum(p.endswith((" Room", " House", " Centre")) for p in places) >= 3
    assert sum(p[:1].islower() for p in places) >= 10, "too few lower-case places"


def test_phones_are_drama_numbers_in_varied_shapes(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE, spoken_punctuation=True, quiet=True)
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\+?\d{11,12}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(p.startswith("(") for p in phones), "no bracketed area code"
    spoken = [p for p in phones if not re.search(r"\d", p)]
    assert len(spoken) == 1


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert sum("/" in i for i in ids) >= 3, "too few slashed references"
    assert any(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    assert any(i.islower() for i in ids), "no lower-case ID"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    written = [e for e in emails if re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", e)]
    assert len(written) == len(emails) - 1
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert all(POSTCODE_SHAPE.fullmatch(p.upper()) for p in postcodes)
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(4, 4), quiet=True)
    assert len(coded) == 16
    for theme, n in coded.items():
        assert f"{theme.split('/', 1)[1]} {n}" in readme
    assert f"coded participant turns: {coded.total()}" in readme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(SET, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(SET, tmp_path, monkeypatch)
