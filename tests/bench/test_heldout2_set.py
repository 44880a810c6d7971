"""Checks on the second held-out evaluation set in bench/data/heldout2 (scripts, files, gold).

The set is hand-written, blind to the anonymiser and independent of the other sets; these
tests keep it internally consistent (gold spans match the text, turns align with the rendered
files, a re-render is byte-identical) and hold its size and balance to what its README states.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    LOES,
    PII_TYPES,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_no_consecutive_turns_by_one_speaker,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT2 = ROOT / "bench" / "data" / "heldout2"
FORMATS_WANTED = Counter(
    {"teams-vtt": 2, "zoom-vtt": 1, "teams-docx": 1, "otter-txt": 1, "plain-txt": 1}
)
REGIONS = {"east-of-england", "south-east", "london"}
MINIMUM_BY_TYPE = {
    "PERSON": 150,
    "ORG": 40,
    "PLACE": 35,
    "PHONE": 20,
    "ID": 20,
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
    "ACAS",
    "Stonewall",
    "Mind",
    "Access to Work",
)
WORD_NAMES = (
    "will",
    "joy",
    "mark",
    "miles",
    "summer",
    "april",
    "patience",
    "blessing",
    "hazel",
    "bill",
    "sunny",
    "rose",
)
# Ofcom numbers reserved for drama: mobiles 07700 900xxx, London 020 7946 0xxx,
# 0113-0118 and 0121-0161 496 0xxx, 01632 960xxx, freephone 0808 157 0xxx (digits after a +44 or leading 0).
DRAMA_PHONE = re.compile(r"(7700900|2079460|11[3-8]4960|1[2-6]14960|1632960|8081570)\d{3}")
SPOKEN_DIGITS = re.compile(r"\b(oh|zero|one|two|three|four|five|six|seven|eight|nine|double)\b")
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Councillor ", "Inspector ")


def load_golds() -> list[dict]:
    return labelled_set.load_golds(HELDOUT2)


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = load_golds()
    assert found, "no gold files under bench/data/heldout2/gold"
    return found


@pytest.fixture(scope="module")
def readme() -> str:
    return (HELDOUT2 / "README.md").read_text(encoding="utf-8")


def all_spans(golds: list[dict]) -> list[dict]:
    return [s for g in golds for t in g["turns"] for s in t["pii"]]


def person_spans(golds: list[dict]) -> list[dict]:
    return [s for s in all_spans(golds) if s["type"] == "PERSON"]


def distinct_persons(golds: list[dict]) -> dict[str, str]:
    """Distinct PERSON surfaces (case-folded) mapped to their first origin."""
    out: dict[str, str] = {}
    for s in person_spans(golds):
        out.setdefault(s["text"].casefold(), s["origin"])
    return out


def stated_counts(readme: str, heading: str) -> dict[str, int]:
    """`NAME n, NAME n, ...` pairs in the README paragraph that starts with `heading`."""
    paragraph = readme.split("\n" + heading, 1)[1].split("\n\n", 1)[0]
    return {k: int(v) for k, v in re.findall(r"([A-Za-z_]+) (\d+)", paragraph)}


def masked_text(turn: dict) -> str:
    """The turn text with every gold span replaced by '#'."""
    chars = list(turn["text"])
    for s in turn["pii"]:
        chars[s["start"] : s["end"]] = "#" * (s["end"] - s["start"])
    return "".join(chars)


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    check_every_script_has_rendered_file_and_gold(HELDOUT2, golds)


def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict]) -> None:
    assert len(golds) == 6
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert {g["attrs"]["region"] for g in golds} == REGIONS
    for g in golds:
        n_turns = len(g["turns"])
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        if g["kind"] == "interview":
            assert 30 <= n_turns <= 45, g["label"]
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert 35 <= n_turns <= 50, g["label"]
            assert 4 <= len(participants) <= 6, g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    check_gold_spans_equal_turn_slices(golds)


def test_pii_counts_match_readme_and_minimums(golds: list[dict], readme: str) -> None:
    by_type = Counter(s["type"] for s in all_spans(golds))
    assert set(by_type) == PII_TYPES
    for kind, least in MINIMUM_BY_TYPE.items():
        assert by_type[kind] >= least, kind
    assert stated_counts(readme, "By type:") == dict(by_type)
    total = re.search(r"## PII counts \((\d+) marked mentions\)", readme)
    assert total and int(total.group(1)) == sum(by_type.values())


def test_person_origins_match_readme_and_balance(golds: list[dict], readme: str) -> None:
    mentions = Counter(s["origin"] for s in person_spans(golds))
    assert stated_counts(readme, "PERSON mentions by origin:") == dict(mentions)
    share = 1 - mentions["anglo"] / sum(mentions.values())
    assert 0.50 <= share <= 0.62, share
    persons = distinct_persons(golds)
    distinct = Counter(persons.values())
    assert stated_counts(readme, "Distinct person surfaces by origin:") == dict(distinct)
    distinct_share = 1 - distinct["anglo"] / len(persons)
    assert 0.50 <= distinct_share <= 0.62, distinct_share
    assert len({o for o in persons.values() if o != "anglo"}) >= 10


def test_name_shapes_are_represented(golds: list[dict]) -> None:
    texts = [s["text"] for s in person_spans(golds)]
    assert any(t[:1].islower() for t in texts), "no lower-case name"
    assert sum(" " in t for t in texts) >= 20, "too few full names"
    assert any(not t.isascii() for t in texts), "no non-ASCII name"
    assert any("-" in t for t in texts), "no hyphenated name"
    assert any(re.search(r"\b[A-Z]\.", t) for t in texts), "no initial"
    assert sum(t.startswith(TITLES) for t in texts) >= 10, "too few titles"
    assert any(re.search(r" (van|de|da|Nic) ", t) for t in texts), "no name with a particle"
    possessive = 0
    for g in golds:
        for t in g["turns"]:
            for s in t["pii"]:
                if s["type"] == "PERSON" and t["text"][s["end"] : s["end"] + 2] == "'s":
                    possessive += 1
    assert possessive >= 4
    teams_speakers = [
        k for g in golds if g["format"].startswith("teams") for k in g["speakers"] if ", " in k
    ]
    assert len(teams_speakers) >= 10, "Teams files should show 'Last, First' names"


def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    marked = {s["text"].casefold() for s in person_spans(golds)}
    for word in WORD_NAMES:
        assert any(m == word or m.startswith(word + " ") for m in marked), word
        unmarked = sum(
            len(re.findall(rf"\b{word}\b", masked_text(t), flags=re.I))
            for g in golds
            for t in g["turns"]
        )
        assert unmarked >= 1, f"{word} never appears as an ordinary word"


def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    for ref in PUBLIC_REFERENCES:
        hits = 0
        for g in golds:
            for t in g["turns"]:
                for m in re.finditer(rf"\b{re.escape(ref)}\b", t["text"]):
                    hits += 1
                    for s in t["pii"]:
                        assert s["end"] <= m.start() or s["start"] >= m.end(), ref
        assert hits >= 1, ref


def test_phones_are_fictional_and_few_are_spoken(golds: list[dict]) -> None:
    spoken = 0
    for s in all_spans(golds):
        if s["type"] != "PHONE":
            continue
        if SPOKEN_DIGITS.search(s["text"]):
            spoken += 1
            continue
        main = re.split(r"\s*ext", s["text"])[0]
        digits = re.sub(r"\D", "", main.replace("(0)", ""))
        digits = digits[2:] if digits.startswith("44") else digits[1:]
        assert DRAMA_PHONE.fullmatch(digits), s["text"]
    assert 1 <= spoken <= 2


def test_loe_and_theme_labels(golds: list[dict], readme: str) -> None:
    themes_by_loe: dict[str, set[str]] = {loe: set() for loe in LOES}
    sessions_by_theme: dict[str, set[str]] = {}
    coded = Counter()
    for g in golds:
        for t in g["turns"]:
            assert set(t["loe"]) <= LOES and len(set(t["loe"])) == len(t["loe"])
            role = g["speakers"][t["speaker"]]["role"]
            if t["theme"] is None:
                assert not t["loe"], (g["label"], t["i"])
                continue
            assert role == "participant" and len(t["loe"]) == 1, (g["label"], t["i"])
            loe, slug = t["theme"].split("/", 1)
            assert loe in t["loe"] and re.fullmatch(r"[a-z0-9-]+", slug)
            themes_by_loe[loe].add(t["theme"])
            sessions_by_theme.setdefault(t["theme"], set()).add(g["label"])
            coded[t["theme"]] += 1
    for loe, themes in themes_by_loe.items():
        assert 3 <= len(themes) <= 4, (loe, sorted(themes))
    for theme, labels in sessions_by_theme.items():
        assert len(labels) >= 2, f"{theme} does not recur across sessions"
    stated = re.search(r"## Gold themes \(coded participant turns: (\d+)\)", readme)
    assert stated and int(stated.group(1)) == sum(coded.values())
    for theme, n in coded.items():
        loe, slug = theme.split("/", 1)
        assert re.search(rf"\| {loe} \|[^\n]*\b{re.escape(slug)} {n}\b", readme), theme


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    check_no_consecutive_turns_by_one_speaker(golds)


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    check_rendered_files_align_with_gold_turns(HELDOUT2, golds)


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_scripts_rerender_to_the_committed_files(HELDOUT2, tmp_path, monkeypatch)
