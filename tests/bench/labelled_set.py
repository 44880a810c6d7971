"""What every hand-written labelled set in bench/data must satisfy, whatever its content.

A set is a folder with `script/*.yaml`, the transcripts rendered from them by
tools/build_corpus.py, `gold/*.json` and `manifest.toml`. Each set's own test module checks its
counts, balance and hard cases, and calls these for the structure they all share and for the
checks they repeat with their own constants (word-names, public references, drama phones, LOE
and theme labels). Checks that take `quiet=True` keep a report-only set's surfaces and themes
out of their failure messages.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOES = {"recruitment", "progression", "training", "engagement"}
PII_TYPES = {"PERSON", "ORG", "PLACE", "EMAIL", "PHONE", "ID", "POSTCODE"}
ORIGINS = {
    "anglo",
    "south_asian",
    "east_asian",
    "west_african",
    "east_african",
    "arabic",
    "east_european",
    "caribbean",
    "irish",
    "chinese",
    "latin",
    "other",
}
SPOKEN_DIGITS = {
    "oh": "0",
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
SPOKEN_REPEATS = {"double": 2, "triple": 3}
# A UK postcode, matched against the upper-cased surface.
POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}")


def load_golds(root: Path) -> list[dict]:
    """The gold files of a set, in label order (empty if there are none)."""
    paths = sorted(root.glob("gold/*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def all_spans(golds: list[dict], kind: str | None = None) -> list[dict]:
    """Every gold span of the set, or only those of one type."""
    return [
        s for g in golds for t in g["turns"] for s in t["pii"] if kind is None or s["type"] == kind
    ]


def masked_text(turn: dict) -> str:
    """The turn text with every gold span replaced by '#'."""
    chars = list(turn["text"])
    for s in turn["pii"]:
        chars[s["start"] : s["end"]] = "#" * (s["end"] - s["start"])
    return "".join(chars)


def masked_texts(golds: list[dict]) -> list[str]:
    """Turn texts with every gold span replaced by '#', to search what is left unmarked."""
    return [masked_text(t) for g in golds for t in g["turns"]]


def distinct_persons(golds: list[dict]) -> dict[str, str]:
    """Distinct PERSON surfaces (case-folded) mapped to their first origin."""
    out: dict[str, str] = {}
    for s in all_spans(golds, "PERSON"):
        out.setdefault(s["text"].casefold(), s["origin"])
    return out


def possessive_names(golds: list[dict]) -> int:
    """PERSON mentions followed by 's."""
    return sum(
        s["type"] == "PERSON" and t["text"][s["end"] : s["end"] + 2] == "'s"
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
    )


def names_opening_a_sentence(golds: list[dict]) -> int:
    """PERSON mentions at the start of a turn or after a full stop, question or exclamation mark."""
    return sum(
        s["type"] == "PERSON"
        and (s["start"] == 0 or t["text"][: s["start"]].rstrip().endswith((".", "?", "!")))
        for g in golds
        for t in g["turns"]
        for s in t["pii"]
    )


def last_first_speakers(golds: list[dict]) -> int:
    """Speakers of the Teams files shown as 'Last, First'."""
    return sum(", " in k for g in golds if g["format"].startswith("teams") for k in g["speakers"])


def national_digits(phone: str, *, spoken_punctuation: bool = False) -> str:
    """A written or spoken UK phone number as national digits ('+44 (0)7700 ...' -> '07700...').

    The extension is dropped. A spoken number may hold only digit words and 'double'/'triple'
    before one; any other word (or a dangling 'double') gives a '?', which matches no range.
    Its words are split at spaces, so a comma after a word gives a '?' too, unless
    `spoken_punctuation`, when only the letters count ('oh seven, double oh').
    """
    text = re.split(r"\s*\bext", phone.casefold())[0]
    if not re.search(r"\d", text):
        digits, times = [], 0
        words = re.findall(r"[a-z]+", text) if spoken_punctuation else text.split()
        for word in words:
            if word in SPOKEN_REPEATS and not times:
                times = SPOKEN_REPEATS[word]
                continue
            digits.append(SPOKEN_DIGITS.get(word, "?") * (times or 1))
            times = 0
        return "".join(digits) + ("?" if times else "")
    text = text.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+44"):
        digits = "0" + digits[2:]
    return digits


def count_line(counts: Counter, *, alphabetical_ties: bool = False) -> str:
    """'NAME n, NAME n, ...' by falling count, as a README states them (ties in first-seen or
    alphabetical order)."""
    if alphabetical_ties:
        pairs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    else:
        pairs = counts.most_common()
    return ", ".join(f"{k} {v}" for k, v in pairs)


def check_every_script_has_rendered_file_and_gold(root: Path, golds: list[dict]) -> None:
    scripts = sorted(p.stem for p in (root / "script").glob("*.yaml"))
    assert scripts == [g["label"] for g in golds]
    for g in golds:
        rendered = root / g["file"]
        assert rendered.is_file() and rendered.stat().st_size > 1000, g["file"]
    manifest = (root / "manifest.toml").read_text(encoding="utf-8")
    assert manifest.count("[[source]]") == len(golds)


def check_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    for g in golds:
        for t in g["turns"]:
            last_end = -1
            for s in t["pii"]:
                assert t["text"][s["start"] : s["end"]] == s["text"], (g["label"], t["i"])
                assert s["start"] >= last_end, (g["label"], t["i"])  # sorted, no overlap
                last_end = s["end"]
                assert s["type"] in PII_TYPES
                if s["type"] == "PERSON":
                    assert s["origin"] in ORIGINS
                else:
                    assert "origin" not in s


def check_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    for g in golds:
        speakers = [t["speaker"] for t in g["turns"]]
        assert [t["i"] for t in g["turns"]] == list(range(len(speakers)))
        for a, b in zip(speakers, speakers[1:], strict=False):
            assert a != b, g["label"]
        assert set(speakers) <= set(g["speakers"])


def rendered_turns(path: Path, fmt: str) -> list[tuple[str, str]]:
    """(speaker, text) turns read back from a rendered file, merging one speaker's cues."""
    if fmt == "teams-docx":
        import docx

        pieces = []
        for para in docx.Document(str(path)).paragraphs:
            head, *body = para.text.split("\n")
            m = re.fullmatch(r"(.+?)\s{3}\d+:\d\d(?::\d\d)?", head)
            if m and body:
                pieces.append((m.group(1), " ".join(body)))
    else:
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        if fmt == "teams-vtt":
            found = re.findall(r"<v ([^>]+)>(.*?)</v>", raw, flags=re.S)
        elif fmt == "zoom-vtt":
            found = re.findall(r"--> [\d:.]+\n([^:\n]+): (.*?)(?:\n\n|\Z)", raw, flags=re.S)
        elif fmt == "otter-txt":
            found = re.findall(r"^(.+?)  \d+:\d\d(?::\d\d)?  \n(.*?)\n", raw, flags=re.M)
        else:
            found = re.findall(r"^([^:\n]+): (.*)$", raw, flags=re.M)
        pieces = [(s, " ".join(t.split())) for s, t in found]
    merged: list[tuple[str, str]] = []
    for speaker, text in pieces:
        if merged and merged[-1][0] == speaker:
            merged[-1] = (speaker, merged[-1][1] + " " + text)
        else:
            merged.append((speaker, text))
    return merged


def check_rendered_files_align_with_gold_turns(root: Path, golds: list[dict]) -> None:
    for g in golds:
        got = rendered_turns(root / g["file"], g["format"])
        want = [(t["speaker"], t["text"]) for t in g["turns"]]
        assert got == want, g["label"]


def check_scripts_rerender_to_the_committed_files(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "tools/build_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look the module up
    spec.loader.exec_module(module)
    module.build(root / "script", tmp_path)
    for fresh in sorted(tmp_path.rglob("*")):
        if fresh.is_file():
            committed = root / fresh.relative_to(tmp_path)
            assert committed.read_bytes() == fresh.read_bytes(), fresh.name


def check_sessions_kinds_formats_and_sizes(
    golds: list[dict],
    formats: Counter,
    *,
    regions: set[str] | None = None,
    interview_turns: tuple[int, int] = (35, 45),
    group_turns: tuple[int, int] = (35, 45),
    group_participants: tuple[int, int] = (4, 6),
) -> None:
    """One interview with one participant, the rest focus groups; formats, regions, turn counts."""
    assert len(golds) == sum(formats.values())
    assert Counter(g["format"] for g in golds) == formats
    if regions is not None:
        assert {g["attrs"]["region"] for g in golds} == regions
    for g in golds:
        n_turns = len(g["turns"])
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        if g["kind"] == "interview":
            assert interview_turns[0] <= n_turns <= interview_turns[1], g["label"]
            assert len(participants) == 1, g["label"]
        else:
            assert g["kind"] == "focus group"
            assert group_turns[0] <= n_turns <= group_turns[1], g["label"]
            assert group_participants[0] <= len(participants) <= group_participants[1], g["label"]
    assert sum(g["kind"] == "interview" for g in golds) == 1


def check_pii_counts_match_the_readme(
    golds: list[dict],
    readme: str,
    *,
    counts: dict[str, int] | None = None,
    minimum: dict[str, int] | None = None,
    total_range: tuple[int, int] | None = None,
    alphabetical_ties: bool = False,
) -> Counter:
    """Mentions by type equal `counts`, reach `minimum`, and the README states the total and the
    by-type line. Returns the counts by type."""
    by_type = Counter(s["type"] for s in all_spans(golds))
    total = sum(by_type.values())
    if counts is not None:
        assert dict(by_type) == counts
    if total_range is not None:
        assert total_range[0] <= total <= total_range[1], total
    for kind, least in (minimum or {}).items():
        assert by_type[kind] >= least, kind
    assert f"({total} marked mentions)" in readme
    assert count_line(by_type, alphabetical_ties=alphabetical_ties) in readme
    return by_type


def check_session_rows_in_readme(golds: list[dict], readme: str) -> None:
    """The README table has one row per session, `| label | format | ... | turns | mentions |`."""
    lines = readme.splitlines()
    for g in golds:
        row = f"| {g['label']} | {g['format']} |"
        found = [line for line in lines if line.startswith(row)]
        assert len(found) == 1, g["label"]
        cells = [c.strip() for c in found[0].strip("|").split("|")]
        turns, mentions = len(g["turns"]), sum(len(t["pii"]) for t in g["turns"])
        assert cells[-2:] == [str(turns), str(mentions)], g["label"]
        assert found[0].endswith(f"| {turns} | {mentions} |"), g["label"]


def check_word_names_marked_and_also_left_as_words(
    golds: list[dict],
    words: Iterable[str],
    *,
    anywhere_in_name: bool = False,
    unmarked_as_prefix: bool = False,
) -> None:
    """Each word is marked as (the first word of) a PERSON, or any word of one when
    `anywhere_in_name`, and also appears unmarked as an ordinary word (or, when
    `unmarked_as_prefix`, unmarked at the start of any word)."""
    end = "" if unmarked_as_prefix else r"\b"
    marked = {s["text"].casefold() for s in all_spans(golds, "PERSON")}
    masked = masked_texts(golds)
    for word in words:
        if anywhere_in_name:
            assert any(word in m.split() for m in marked), f"{word} is never marked as a name"
        else:
            assert any(m == word or m.startswith(word + " ") for m in marked), word
        unmarked = sum(len(re.findall(rf"\b{word}{end}", text, flags=re.I)) for text in masked)
        assert unmarked >= 1, f"{word} never appears as an ordinary word"


def check_public_references_present_and_unmarked(
    golds: list[dict], references: Iterable[str], *, inside_longer_span_ok: bool = True
) -> None:
    """Each public reference occurs unmarked at least once. A span touching it elsewhere must be
    a longer named body holding it (e.g. a named NHS trust), or, unless
    `inside_longer_span_ok`, no span may touch it at all."""
    for ref in references:
        bare = 0
        for g in golds:
            for t in g["turns"]:
                for m in re.finditer(rf"\b{re.escape(ref)}\b", t["text"]):
                    inside = [s for s in t["pii"] if s["start"] < m.end() and s["end"] > m.start()]
                    assert inside_longer_span_ok or not inside, (ref, g["label"], t["i"])
                    for s in inside:
                        assert s["start"] <= m.start() and s["end"] >= m.end(), ref
                        assert s["text"] != ref, ref
                    bare += not inside
        assert bare >= 1, ref


def check_phones_in_drama_ranges(
    phones: Iterable[str],
    drama: re.Pattern[str],
    *,
    spoken_punctuation: bool = False,
    quiet: bool = False,
) -> None:
    """Every phone, read as national digits (see `national_digits`), is in the Ofcom drama ranges
    `drama` matches."""
    for p in phones:
        digits = national_digits(p, spoken_punctuation=spoken_punctuation)
        assert drama.fullmatch(digits), "a phone outside the Ofcom drama ranges" if quiet else p


def check_loe_and_theme_labels(
    golds: list[dict],
    *,
    themes_per_loe: tuple[int, int] = (3, 4),
    loe_only_with_theme: bool = False,
    quiet: bool = False,
) -> Counter:
    """LOE tags are known and unique; a theme belongs to one participant turn tagged with its
    LOE; each LOE has `themes_per_loe` themes and each theme recurs across sessions. A turn
    without a theme carries no LOE if `loe_only_with_theme`, else only a non-participant's may.
    Returns the coded turns per theme, in first-seen order."""
    coded: Counter = Counter()
    sessions_by_theme: dict[str, set[str]] = {}
    for g in golds:
        for t in g["turns"]:
            assert set(t["loe"]) <= LOES and len(set(t["loe"])) == len(t["loe"])
            role = g["speakers"][t["speaker"]]["role"]
            if t["theme"] is None:
                if loe_only_with_theme:
                    assert not t["loe"], (g["label"], t["i"])
                else:
                    assert not (t["loe"] and role == "participant"), (g["label"], t["i"])
                continue
            assert role == "participant" and len(t["loe"]) == 1, (g["label"], t["i"])
            loe, slug = t["theme"].split("/", 1)
            assert loe in t["loe"] and re.fullmatch(r"[a-z0-9-]+", slug)
            coded[t["theme"]] += 1
            sessions_by_theme.setdefault(t["theme"], set()).add(g["label"])
    for loe in LOES:
        themes = sorted(theme for theme in coded if theme.split("/", 1)[0] == loe)
        low, high = themes_per_loe
        assert low <= len(themes) <= high, (loe, len(themes)) if quiet else (loe, themes)
    for theme, labels in sessions_by_theme.items():
        what = "a theme" if quiet else theme
        assert len(labels) >= 2, f"{what} does not recur across sessions"
    return coded


def check_person_origin_balance(
    golds: list[dict],
    *,
    min_distinct_persons: int,
    mentions_share: tuple[float, float] = (0.50, 0.60),
    distinct_share: tuple[float, float] = (0.50, 0.65),
) -> None:
    """Every origin appears; the non-anglo share of PERSON mentions and of distinct PERSON
    surfaces lies in the given bounds."""
    mentions = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert set(mentions) == ORIGINS
    non_anglo = 1 - mentions["anglo"] / sum(mentions.values())
    assert mentions_share[0] <= non_anglo <= mentions_share[1]
    persons = distinct_persons(golds)
    assert len(persons) >= min_distinct_persons
    distinct_non_anglo = sum(o != "anglo" for o in persons.values()) / len(persons)
    assert distinct_share[0] <= distinct_non_anglo <= distinct_share[1]


def check_name_shapes_are_represented(
    golds: list[dict], titles: Iterable[str], particles: Iterable[str]
) -> None:
    """Lower-case, full, titled, particle, hyphenated, non-ASCII, single and possessive names,
    and Teams speakers shown 'Last, First'."""
    texts = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(t[:1].islower() for t in texts) >= 8, "too few lower-case names"
    assert any(" " in t for t in texts), "no full name"
    for title in titles:
        assert any(t.startswith(title) for t in texts), title
    for particle in particles:
        assert any(particle in t for t in texts), particle
    assert sum("-" in t for t in texts) >= 4, "too few hyphenated names"
    assert sum(not t.isascii() for t in texts) >= 5, "too few non-ASCII names"
    assert sum(" " not in t and "-" not in t for t in texts) >= 60, "too few single names"
    assert possessive_names(golds) >= 2
    assert last_first_speakers(golds) >= 10, "Teams files should show 'Last, First' names"


def check_orgs_mostly_without_org_words(
    golds: list[dict], org_words: re.Pattern[str], *, bare: int, lower_case: int, acronyms: int
) -> None:
    """At least `bare` ORG spans lack an organisation word; lower-case orgs and acronyms."""
    orgs = [s["text"] for s in all_spans(golds, "ORG")]
    assert sum(not org_words.search(o) for o in orgs) >= bare, (
        "most ORG spans should be brand or short names"
    )
    assert sum(o[:1].islower() for o in orgs) >= lower_case, "too few lower-case orgs"
    assert sum(o.isupper() and len(o) <= 5 for o in orgs) >= acronyms, "too few acronyms"


def check_phone_forms(golds: list[dict], partial_number: str) -> None:
    """Phones written with +44 (0), +44, unspaced, dashed, dotted, 'ext', 'extension', one or two
    spoken, and a partial number ('ending 123') left unmarked."""
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
    assert any(partial_number in text for text in masked_texts(golds)), "partial number"


def check_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    """Bare numeric, slashed, NI and NHS IDs; a spoken e-mail; a lower-case postcode."""
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert any(re.fullmatch(r"\d+", i) for i in ids), "no bare numeric ID"
    assert any("/" in i for i in ids), "no slashed reference"
    assert any(re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", i) for i in ids), "no NI number"
    assert any(re.fullmatch(r"\d{3} \d{3} \d{4}", i) for i in ids), "no NHS number"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert any(" dot " in e and " at " in e for e in emails), "no spoken email"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    assert any(p.islower() for p in postcodes), "no lower-case postcode"
