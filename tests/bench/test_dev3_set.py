"""Checks on the dev3 tuning set in bench/data/dev3 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser, and aimed at hard cases in spoken
transcripts (brand-name employers, phone and ID spellings, word-names, name particles).
These tests keep it internally consistent (gold spans match the text, turns align with the
rendered files, a re-render is byte-identical) and keep the counts and balance stated in
bench/data/dev3/README.md.
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
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_no_consecutive_turns_by_one_speaker,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
)

ROOT = Path(__file__).resolve().parents[2]
DEV3 = ROOT / "bench" / "data" / "dev3"
FORMATS_WANTED = Counter(
    {"teams-vtt": 1, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS_WANTED = {"scotland", "wales", "northern-ireland", "north-east"}
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 144,
    "ORG": 58,
    "PLACE": 53,
    "ID": 25,
    "PHONE": 20,
    "EMAIL": 8,
    "POSTCODE": 6,
}
PII_MINIMUM = {
    "PERSON": 130,
    "ORG": 45,
    "PLACE": 40,
    "PHONE": 20,
    "ID": 25,
    "EMAIL": 8,
    "POSTCODE": 6,
}
PUBLIC_REFERENCES = (
    "George Floyd",
    "Black Lives Matter",
    "BLM",
    "Equality Act 2010",
    "Microsoft Teams",
    "Zoom",
    "NHS",
    "DWP",
    "HMRC",
    "Stonewall",
    "Access to Work",
)
WORD_NAMES = (
    "will",
    "mark",
    "grace",
    "hope",
    "bill",
    "rose",
    "dawn",
    "sunny",
    "joy",
    "amber",
    "patience",
    "precious",
    "blessing",
)
TITLES = ("Cllr ", "Dr ", "Mrs ", "Mr ", "Pastor ", "Imam ", "Sister ", "Father ")
PARTICLES = ("van der ", "Mac an ", "O'", "al-", "bin ")
ORG_WORDS = re.compile(
    r"\b(council|ltd|limited|plc|trust|group|college|university|school|academy|homes|"
    r"housing|nhs|company)\b",
    flags=re.I,
)


def load_golds() -> list[dict]:
    return labelled_set.load_golds(DEV3)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/dev3/gold"
    return found


def all_spans(golds: list[dict], kind: str | None = None) -> list[dict]:
    return [
        s for g in golds for t in g["turns"] for s in t["pii"] if kind is None or s["type"] == kind
    ]


def masked_texts(golds: list[dict]) -> list[str]:
    """Turn texts with every gold span replaced by '#', to search what is left unmarked."""
    out = []
    for g in golds:
        for t in g["turns"]:
            masked = list(t["text"])
            for s in t["pii"]:
                masked[s["start"] : s["end"]] = "#" * (s["end"] - s["start"])
            out.append("".join(masked))
    return out


def distinct_persons(golds: list[dict]) -> dict[str, str]:
    """Distinct PERSON surfaces (case-folded) mapped to their origin."""
    out: dict[str, str] = {}
    for s in all_spans(golds, "PERSON"):
        out.setdefault(s["text"].casefold(), s["origin"])
    return out


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(DEV3, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict]) -> None:
    assert len(golds) == 5
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS_WANTED
    for g in golds:
        assert 35 <= len(g["turns"]) <= 45, g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 4 <= len(participants) <= 6, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_the_readme(golds: list[dict]) -> None:
    by_type = Counter(s["type"] for s in all_spans(golds))
    assert dict(by_type) == PII_COUNTS
    for kind, minimum in PII_MINIMUM.items():
        assert by_type[kind] >= minimum, kind
    line = ", ".join(f"{k} {v}" for k, v in by_type.most_common())
    readme = (DEV3 / "README.md").read_text(encoding="utf-8")
    assert f"({sum(by_type.values())} marked mentions)" in readme
    assert line in readme


def test_person_origin_balance(golds: list[dict]) -> None:
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert 0.50 <= non_anglo <= 0.60
    persons = distinct_persons(golds)
    assert len(persons) >= 100
    distinct_non_anglo = sum(o != "anglo" for o in persons.values()) / len(persons)
    assert 0.50 <= distinct_non_anglo <= 0.65


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(t[:1].islower() for t in texts) >= 8, "too few lower-case names"
    assert any(" " in t for t in texts), "no full name"
    for title in TITLES:
        assert any(t.startswith(title) for t in texts), title
    for particle in PARTICLES:
        assert any(particle in t for t in texts), particle
    assert sum("-" in t for t in texts) >= 4, "too few hyphenated names"
    assert sum(not t.isascii() for t in texts) >= 5, "too few non-ASCII names"
    assert sum(" " not in t and "-" not in t for t in texts) >= 60, "too few single names"
    possessive = 0
    for g in golds:
        for t in g["turns"]:
            for s in t["pii"]:
                if s["type"] == "PERSON" and t["text"][s["end"] : s["end"] + 2] == "'s":
                    possessive += 1
    assert possessive >= 2
    teams_speakers = [
        k for g in golds if g["format"].startswith("teams") for k in g["speakers"] if ", " in k
    ]
    assert len(teams_speakers) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    marked = {s["text"].casefold() for s in all_spans(golds, "PERSON")}
    masked = masked_texts(golds)
    for word in WORD_NAMES:
        assert any(m == word or m.startswith(word + " ") for m in marked), word
        unmarked = sum(len(re.findall(rf"\b{word}\b", text, flags=re.I)) for text in masked)
        assert unmarked >= 1, f"{word} never appears as an ordinary word"


def test_orgs_mostly_without_org_words(golds: list[dict]) -> None:
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    bare = [o for o in orgs if not ORG_WORDS.search(o)]
    assert len(bare) >= 35, "most ORG spans should be brand or short names"
    assert sum(o[:1].islower() for o in orgs) >= 5, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= 4, "too few acronyms"


def test_phone_forms(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    assert any(p.startswith("+44 (0)") for p in phones)
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones)
    assert any(re.fullmatch(r"\+?\d{11,12}", p) for p in phones), "no unspaced number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"[\d.]+", p) and "." in p for p in phones), "no dotted number"
    assert any(" ext " in p for p in phones)
    assert any(p.startswith("extension ") for p in phones)
    spoken = [p for p in phones if not re.search(r"\d", p)]
    assert 1 <= len(spoken) <= 2
    assert any("ending 533" in text for text in masked_texts(golds)), "partial number"


def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert any("/" in i for i in ids), "no slashed reference"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert any(p.islower() for p in postcodes), "no lower-case postcode"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    for ref in PUBLIC_REFERENCES:
        bare = 0
        for g in golds:
            for t in g["turns"]:
                for m in re.finditer(rf"\b{re.escape(ref)}\b", t["text"]):
                    inside = [s for s in t["pii"] if s["start"] < m.end() and s["end"] > m.start()]
                    # only a longer named body may contain it (e.g. a named NHS board)
                    for s in inside:
                        assert s["start"] <= m.start() and s["end"] >= m.end(), ref
                        assert s["text"] != ref, ref
                    bare += not inside
        assert bare >= 1, ref


def test_loe_and_theme_labels(golds: list[dict]) -> None:
    themes_by_loe: dict[str, set[str]] = {loe: set() for loe in LOES}
    sessions_by_theme: dict[str, set[str]] = {}
    for g in golds:
        for t in g["turns"]:
            assert set(t["loe"]) <= LOES and len(set(t["loe"])) == len(t["loe"])
            role = g["speakers"][t["speaker"]]["role"]
            if t["theme"] is None:
                assert not (t["loe"] and role == "participant"), (g["label"], t["i"])
                continue
            assert role == "participant" and len(t["loe"]) == 1, (g["label"], t["i"])
            loe, slug = t["theme"].split("/", 1)
            assert loe in t["loe"] and re.fullmatch(r"[a-z0-9-]+", slug)
            themes_by_loe[loe].add(t["theme"])
            sessions_by_theme.setdefault(t["theme"], set()).add(g["label"])
    for loe, themes in themes_by_loe.items():
        assert 3 <= len(themes) <= 4, (loe, sorted(themes))
    for theme, labels in sessions_by_theme.items():
        assert len(labels) >= 2, f"{theme} does not recur across sessions"


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(DEV3, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(DEV3, tmp_path, monkeypatch)
