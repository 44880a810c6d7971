"""Checks on the report-only (held-out) set in bench/data/heldout5 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: six sessions with UK public-sector staff
(five councils and one NHS and social-care group) about equality, diversity and inclusion at
work. It is report-only, so this module quotes no marked surface: it checks counts and
properties, and its failure messages give numbers rather than surfaces or theme names. These
tests keep the set internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/heldout5/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    LOES,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_person_origin_balance,
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
HELDOUT5 = ROOT / "bench" / "data" / "heldout5"
LABELS = ["H501", "H502", "H503", "H504", "H505", "H506"]
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {
    "west-midlands",
    "yorkshire-and-humber",
    "east-of-england",
    "south-east",
    "north-west",
    "london",
}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 149,
    "PLACE": 107,
    "ORG": 77,
    "ID": 16,
    "EMAIL": 9,
    "PHONE": 9,
    "POSTCODE": 7,
}
NON_ANGLO_MENTIONS = (114, 149)
DISTINCT_PERSONS = (122, 92)
# Coded participant turns per LOE (three themes each), as in the README's theme table.
CODED_TURNS_PER_LOE = {"recruitment": 30, "progression": 26, "training": 25, "engagement": 36}
# Marked surfaces (case-folded) that are also left unmarked as ordinary words, by type.
ORDINARY_WORD_USES_BY_TYPE = Counter({"PERSON": 3, "PLACE": 1, "ORG": 1})
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "WhatsApp",
    "NHS",
    "Indeed",
)
DRAMA_PHONE = re.compile(
    r"07700900\d{3}|01214960\d{3}|01144960\d{3}|01514960\d{3}|02079460\d{3}|01632960\d{3}"
)
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", flags=re.I)
TITLE = re.compile(r"(mr|mrs|ms|dr|cllr|councillor|sister) ", flags=re.I)
STREET_WORD = re.compile(r"\b(road|street|lane)\b", flags=re.I)
BUILDING_WORD = re.compile(r"\b(house|hall|library|centre|building|hospital)\b", flags=re.I)
ORG_WORD = re.compile(
    r"\b(council|college|university|trust|school|centre|association|mosque|hospital|academy)\b",
    flags=re.I,
)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(HELDOUT5)
    assert found, "no gold files under bench/data/heldout5/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (HELDOUT5 / "README.md").read_text(encoding="utf-8")


def ordinary_word_uses(golds: list[dict]) -> dict[str, str]:
    """Marked surfaces (case-folded) that also occur unmarked somewhere, with their type."""
    types: dict[str, str] = {}
    for s in all_spans(golds):
        types.setdefault(s["text"].casefold(), s["type"])
    masked = masked_texts(golds)
    found = {}
    for surface, kind in types.items():
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if any(pattern.search(text) for text in masked):
            found[surface] = kind
    return found


def shape_counts(golds: list[dict]) -> dict[str, int]:
    """The rows of the README's hard-case table, recomputed from the gold."""
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    ids = [s["text"] for s in all_spans(golds, "ID")]
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    surnames = {p.split()[-1] for p in persons if " " in p and not TITLE.match(p)}
    return {
        "person mentions with a title inside the span": sum(bool(TITLE.match(p)) for p in persons),
        "hyphenated person mentions": sum("-" in p for p in persons),
        "non-ASCII person mentions": sum(not p.isascii() for p in persons),
        "lower-case person mentions": sum(p[:1].islower() for p in persons),
        "single-word person mentions": sum(" " not in p and "-" not in p for p in persons),
        "surnames alone (last word of a full name marked elsewhere)": sum(
            " " not in p and p in surnames for p in persons
        ),
        "person mentions followed by 's": labelled_set.possessive_names(golds),
        "Teams speakers shown Last, First": labelled_set.last_first_speakers(golds),
        "places with a street word (road, street, lane)": sum(
            bool(STREET_WORD.search(p)) for p in places
        ),
        "named buildings (house, hall, library, centre, building, hospital)": sum(
            bool(BUILDING_WORD.search(p)) for p in places
        ),
        "lower-case places": sum(p[:1].islower() for p in places),
        "ORG mentions without an organisation word": sum(not ORG_WORD.search(o) for o in orgs),
        "lower-case ORG mentions": sum(o[:1].islower() for o in orgs),
        "ORG acronyms (capitals, at most five letters)": sum(
            o.isupper() and len(o) <= 5 for o in orgs
        ),
        "marked surfaces also left unmarked as ordinary words": len(ordinary_word_uses(golds)),
        "spoken phone numbers": sum(not re.search(r"\d", p) for p in phones),
        "spoken IDs": sum(not re.search(r"\d", i) for i in ids),
        "slashed IDs": sum("/" in i for i in ids),
        "bare numeric IDs": sum(bool(re.fullmatch(r"\d+", i)) for i in ids),
        "spoken e-mail addresses": sum(" at " in e and "@" not in e for e in emails),
        "lower-case postcodes": sum(p.islower() for p in postcodes),
    }


def readme_table(readme: str, header: str) -> dict[str, str]:
    """First-cell -> last-cell of the markdown table that follows `header`."""
    section = readme.split(header, 1)[1]
    rows = {}
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = cells[-1]
        elif rows and not line.startswith("|"):
            break
    return rows


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT5, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    check_sessions_kinds_formats_and_sizes(
        golds,
        FORMATS_WANTED,
        regions=REGIONS_WANTED,
        interview_turns=(35, 40),
        group_turns=(35, 40),
        group_participants=(5, 6),
    )
    sectors = Counter(g["attrs"]["sector"] for g in golds)
    assert sectors == Counter({"local-government": 5, "nhs-and-social-care": 1})
    for g in golds:
        pattern = rf"{g['label'].lower()}_[a-z]+_[a-z0-9_]+\.(vtt|txt|docx)"
        assert re.fullmatch(pattern, g["file"]), g["label"]
        assert "2021-01-01" <= g["date"] <= "2022-12-31", g["label"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert facilitators == [g["facilitator"]], g["label"]
    check_session_rows_in_readme(golds, readme)


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    check_pii_counts_match_the_readme(golds, readme, counts=PII_COUNTS, total_range=(320, 380))
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme


def test_person_origin_balance(golds: list[dict], readme: str) -> None:
    check_person_origin_balance(
        golds,
        min_distinct_persons=100,
        mentions_share=(0.60, 0.85),
        distinct_share=(0.60, 0.85),
    )
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    total = sum(mentions.values())
    non_anglo = total - mentions["anglo"]
    assert (non_anglo, total) == NON_ANGLO_MENTIONS
    assert f"Non-anglo: {non_anglo} of {total} mentions ({100 * non_anglo / total:.1f}%)." in readme
    persons = distinct_persons(golds)
    distinct_non_anglo = sum(o != "anglo" for o in persons.values())
    assert (len(persons), distinct_non_anglo) == DISTINCT_PERSONS
    share = 100 * distinct_non_anglo / len(persons)
    assert (
        f"Distinct person surfaces (case-folded): {len(persons)}, of which non-anglo "
        f"{distinct_non_anglo} ({share:.1f}%)." in readme
    )


def test_hard_case_table_matches_the_gold(golds: list[dict], readme: str) -> None:
    stated = readme_table(readme, "## Deliberate hard cases")
    stated.pop("shape", None)
    computed = {k: str(v) for k, v in shape_counts(golds).items()}
    assert sorted(stated) == sorted(computed)
    mismatched = sum(stated[k] != computed[k] for k in computed)
    assert mismatched == 0, f"{mismatched} hard-case rows disagree with the gold"


def test_hard_cases_are_present_but_do_not_dominate(golds: list[dict]) -> None:
    shapes = shape_counts(golds)
    persons = len(all_spans(golds, "PERSON"))
    assert shapes["person mentions with a title inside the span"] >= 10
    assert shapes["person mentions with a title inside the span"] <= persons // 5
    assert shapes["hyphenated person mentions"] >= 3
    assert shapes["non-ASCII person mentions"] >= 5
    assert shapes["lower-case person mentions"] >= 8
    assert shapes["single-word person mentions"] >= persons // 2
    assert shapes["person mentions followed by 's"] >= 2
    assert shapes["Teams speakers shown Last, First"] >= 10
    assert shapes["ORG mentions without an organisation word"] >= 40
    assert shapes["ORG acronyms (capitals, at most five letters)"] >= 6
    assert shapes["spoken phone numbers"] == 1
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    councils = sum(bool(re.search(r"\bcouncil\b", o, re.I)) for o in orgs)
    assert councils >= 5, "councils by full name"


def test_marked_surfaces_unmarked_elsewhere_are_deliberate(golds: list[dict]) -> None:
    """A surface marked once but left unmarked elsewhere must be one of the intended
    ordinary-word uses: three first names, one town and one shop (checked by type and count)."""
    found = ordinary_word_uses(golds)
    by_type = Counter(found.values())
    assert by_type == ORDINARY_WORD_USES_BY_TYPE, "unexpected marked surfaces left unmarked"
    # Each ordinary-word first name is marked alone or as the first word of a longer name.
    firsts = {s["text"].casefold().split()[0] for s in all_spans(golds, "PERSON")}
    word_names = sum(s in firsts for s, kind in found.items() if kind == "PERSON")
    assert word_names == ORDINARY_WORD_USES_BY_TYPE["PERSON"]


def test_no_marked_surface_is_quoted_in_the_readme_or_this_test(
    golds: list[dict], readme: str
) -> None:
    """The README and this module describe the set in general terms only. Surfaces that are
    ordinary words (see above) are skipped, as the word itself may appear."""
    ordinary = set(ordinary_word_uses(golds))
    surfaces = {s["text"].casefold() for s in all_spans(golds)} - ordinary
    own = Path(__file__).read_text(encoding="utf-8")
    for doc in (readme, own):
        quoted = sum(
            bool(re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", doc, flags=re.I))
            for surface in surfaces
        )
        assert quoted == 0, f"{quoted} marked surfaces quoted"


def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    shapes = shape_counts(golds)
    assert shapes["places with a street word (road, street, lane)"] >= 5
    assert shapes["named buildings (house, hall, library, centre, building, hospital)"] >= 8
    assert shapes["lower-case places"] >= 10
    assert shapes["lower-case ORG mentions"] >= 10
    # The same surface is never both a PERSON and something else.
    kinds: dict[str, set[str]] = {}
    for s in all_spans(golds):
        kinds.setdefault(s["text"].casefold(), set()).add(s["type"])
    mixed = sum("PERSON" in k and len(k) > 1 for k in kinds.values())
    assert mixed == 0, f"{mixed} surfaces marked both as a person and as something else"


def test_otter_session_is_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 1
    turns = otter[0]["turns"]
    upper = sum(t["text"] != t["text"].lower() for t in turns)
    punctuated = sum(bool(re.search(r"[^\w\s]", t["text"])) for t in turns)
    assert (upper, punctuated) == (0, 0), "the Otter text should be lower case, unpunctuated"
    spans = [s["text"] for t in turns for s in t["pii"]]
    assert spans and sum(s != s.lower() for s in spans) == 0
    others = [g for g in golds if g["format"] != "otter-txt"]
    assert all(re.search(r"[.,?]", t["text"]) for g in others for t in g["turns"])


def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE, quiet=True)
    assert sum(p.startswith("+44 (0)") for p in phones) >= 1
    assert sum(p.startswith("+44 ") and "(0)" not in p for p in phones) >= 1
    assert sum(bool(re.fullmatch(r"[\d-]+", p)) and "-" in p for p in phones) >= 1
    assert sum(bool(re.fullmatch(r"0\d{4} \d{6}", p)) for p in phones) >= 1


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    ni = sum(bool(re.fullmatch(r"QQ \d\d \d\d \d\d [A-D]", i)) for i in ids)
    nhs_shape = sum(bool(re.fullmatch(r"\d{3} \d{3} \d{4}", i)) for i in ids)
    dashed = sum(bool(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)+", i)) for i in ids)
    lower = sum(i.islower() and bool(re.search(r"\d", i)) for i in ids)
    assert (ni, nhs_shape) == (1, 1), "one NI number and one NHS-number shape"
    assert dashed >= 1 and lower >= 1, "a dashed and a lower-case reference"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert all("@" in e or " at " in e for e in emails)
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    bad = sum(not POSTCODE_SHAPE.fullmatch(p) for p in postcodes)
    assert bad == 0, f"{bad} postcodes without a valid shape"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    check_public_references_present_and_unmarked(golds, PUBLIC_REFERENCES)


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 3), quiet=True)
    assert len(coded) == 12
    thin = sum(n < 6 for n in coded.values())
    assert thin == 0, f"{thin} themes have fewer than six coded turns"
    per_loe = Counter()
    for theme, n in coded.items():
        per_loe[theme.split("/", 1)[0]] += n
    assert dict(per_loe) == CODED_TURNS_PER_LOE
    stated = readme_table(readme, "## Gold themes")
    assert {k: v for k, v in stated.items() if k in LOES} == {
        k: str(v) for k, v in CODED_TURNS_PER_LOE.items()
    }
    sessions = {}
    for g in golds:
        for t in g["turns"]:
            if t["theme"]:
                sessions.setdefault(t["theme"], set()).add(g["label"])
    everywhere = sum(len(labels) == len(LABELS) for labels in sessions.values())
    assert everywhere == 12, "every theme should occur in all six sessions"


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT5, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT5, tmp_path, monkeypatch)
