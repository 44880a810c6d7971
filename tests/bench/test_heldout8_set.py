"""Checks on the report-only held-out set in bench/data/heldout8 (scripts, rendered files, gold).

The set is hand-written, blind to the anonymiser: six sessions (four focus groups, two 1:1
interviews) with UK public-sector staff about equality, diversity and inclusion at work, in two
Teams, two Zoom and two Otter files (one Otter file entirely lower case, without punctuation).
It is blind in both directions: its misses are never read, so neither this module nor the
set's README quotes any marked surface, theme name or place. Where a check needs listed words,
it holds salted SHA-256 prefixes (see `_digest`) and recovers the words from the text at run
time; checks that could print text on failure run through `_quietly`, which withholds details.

Mirrors tests/bench/test_heldout7_set.py with the shared checks in tests/bench/labelled_set.py.
Differences, on purpose:
- `check_sessions_kinds_formats_and_sizes` is not used: it expects exactly one interview and
  this set has two (one Teams, one Zoom); `test_sessions_kinds_formats_regions_and_sizes`
  checks the same things, and the total word count.
- `check_name_shapes_are_represented` is not used: its fixed thresholds suit bigger sets;
  `test_name_shapes_are_represented` checks the same shapes with this set's own counts.
- `check_phone_forms` is not used: a realistic study has no dotted or extension numbers here;
  `test_phones_are_drama_numbers` checks the forms that are present (the drama ranges include
  the second northern city's).
- Word-names, deliberate ordinary-word uses and public references are held as digests, never
  as text, and the shared checks are called on the words recovered from the gold.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.bench import labelled_set
from tests.bench.labelled_set import (
    LOES,
    POSTCODE_SHAPE,
    all_spans,
    check_every_script_has_rendered_file_and_gold,
    check_gold_spans_equal_turn_slices,
    check_ids_emails_postcodes_have_varied_forms,
    check_loe_and_theme_labels,
    check_no_consecutive_turns_by_one_speaker,
    check_orgs_mostly_without_org_words,
    check_person_origin_balance,
    check_phones_in_drama_ranges,
    check_pii_counts_match_the_readme,
    check_public_references_present_and_unmarked,
    check_rendered_files_align_with_gold_turns,
    check_scripts_rerender_to_the_committed_files,
    check_session_rows_in_readme,
    check_word_names_marked_and_also_left_as_words,
    count_line,
    masked_texts,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT8 = ROOT / "bench" / "data" / "heldout8"
LABELS = ["H801", "H802", "H803", "H804", "H805", "H806"]
FORMATS_WANTED = Counter({"teams-vtt": 2, "zoom-vtt": 2, "otter-txt": 2})
KINDS_WANTED = Counter({"focus group": 4, "interview": 2})
WORDS_RANGE = (15_000, 18_000)
# The counts stated in the README; change both together.
PII_COUNTS = {
    "PERSON": 190,
    "PLACE": 137,
    "ORG": 91,
    "ID": 9,
    "PHONE": 7,
    "EMAIL": 6,
    "POSTCODE": 6,
}
PII_MINIMUM = {"PERSON": 150, "ORG": 80, "PLACE": 100}
SALT = "heldout8:"
# Public references that must occur unmarked (case-sensitive digests of the exact text).
PUBLIC_REFERENCE_DIGESTS = frozenset(
    {
        "c5ed76e051db7c7e",
        "07a50ae641f5886f",
        "703c64284d250c6e",
        "6920eb2bf30a3350",
        "beefc1d20c848ad6",
        "bacf847da1c45282",
        "de239f7fef7725a4",
        "ee7888b4f1176553",
        "1a07a7ba414d9d82",
        "e1b4db84f5108bb4",
        "a87796653e46858a",
        "db9cb8e990c00621",
    }
)
# First names that are ordinary words (case-folded digests): each is a word of a marked PERSON
# and also occurs unmarked as the ordinary word.
WORD_NAME_DIGESTS = frozenset(
    {"a78080d7eef39df9", "5f4744b72780944e", "c81378524de0f38a", "13988c3c9a139e27"}
)
# Every marked surface (case-folded) that also occurs unmarked is one of these deliberate
# ordinary-word uses (the word-names above, and a place, a network, a paper and a club that
# are ordinary words); anything else is a gold slip.
ORDINARY_WORD_USE_DIGESTS = frozenset(
    {
        "dc7e1a4067b5d492",
        "a78080d7eef39df9",
        "3b5ec38a8c1ab86b",
        "5f4744b72780944e",
        "c81378524de0f38a",
        "93aea5f8bd68f165",
        "9783688fbe311d06",
        "13988c3c9a139e27",
        "9f50f32b0d1318d4",
    }
)
# Ofcom drama ranges: mobile, Leeds, Sheffield, Birmingham, Edinburgh, London, Cardiff, no-area.
DRAMA_PHONE = re.compile(
    r"07700900\d{3}|01134960\d{3}|01144960\d{3}|01214960\d{3}|01314960\d{3}|02079460\d{3}"
    r"|02920180\d{3}|01632960\d{3}"
)
TITLE = re.compile(r"(Mr|Mrs|Ms|Dr|Cllr|Councillor|Inspector|Chief Inspector|Sergeant) ", re.I)
PARTICLE = re.compile(r"\b(ap|al|de)\b|\bMac[A-Z]|\bO'[A-Z]")
ORG_WORDS = re.compile(
    r"\b(council|college|university|uni|trust|police|branch|house|hospital|academy|school)\b",
    re.I,
)


def _digest(text: str) -> str:
    return hashlib.sha256(f"{SALT}{text}".encode()).hexdigest()[:16]


def _quietly(check: Callable, *args: object, what: str, **kwargs: object) -> object:
    """Run a shared check; on failure report only `what`, never the text it compared."""
    try:
        return check(*args, **kwargs)
    except AssertionError:
        pass
    pytest.fail(f"{what} (details withheld: report-only set)", pytrace=False)


class _Withheld(list):
    """The gold records, shown as a placeholder if pytest prints a fixture in a traceback."""

    def __repr__(self) -> str:
        return "<gold withheld: report-only set>"


class _WithheldText(str):
    """The README text, shown as a placeholder if pytest prints it in a traceback."""

    def __repr__(self) -> str:
        return "<README withheld: report-only set>"


def _withholding(what: str) -> Callable:
    """Decorate a test so that a failed assertion reports only `what`, never values or text."""

    def wrap(test: Callable) -> Callable:
        @functools.wraps(test)
        def run(*args: object, **kwargs: object) -> None:
            try:
                test(*args, **kwargs)
                return
            except AssertionError:
                pass
            pytest.fail(f"{what} (details withheld: report-only set)", pytrace=False)

        return run

    return wrap


def _word_ngrams(text: str, longest: int = 4) -> Iterable[str]:
    """Every run of 1..`longest` consecutive words of `text`, as it stands in the text."""
    words = list(re.finditer(r"[A-Za-z0-9]+", text))
    for i in range(len(words)):
        for j in range(i, min(i + longest, len(words))):
            yield text[words[i].start() : words[j].end()]


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    found = labelled_set.load_golds(HELDOUT8)
    assert found, "no gold files under bench/data/heldout8/gold"
    return _Withheld(found)


@pytest.fixture(scope="module")
def readme() -> str:
    return _WithheldText((HELDOUT8 / "README.md").read_text(encoding="utf-8"))


def test_every_script_has_rendered_file_and_gold(golds: list[dict]) -> None:
    _quietly(
        check_every_script_has_rendered_file_and_gold,
        HELDOUT8,
        golds,
        what="scripts, rendered files, gold and manifest do not match",
    )


@_withholding("the README quotes a surface, theme or area, or is not marked report-only")
def test_readme_states_report_only_and_quotes_no_surface(golds: list[dict], readme: str) -> None:
    assert "report-only" in readme.lower()
    text = readme.casefold()
    surfaces = {s["text"].casefold() for s in all_spans(golds)}
    # Deliberate ordinary-word uses are everyday words a README may well contain.
    surfaces = {x for x in surfaces if _digest(x) not in ORDINARY_WORD_USE_DIGESTS}
    quoted = sum(bool(re.search(rf"(?<!\w){re.escape(x)}(?!\w)", text)) for x in surfaces)
    assert quoted == 0, f"the README quotes {quoted} marked mention(s)"
    themes = {t["theme"].split("/", 1)[1] for g in golds for t in g["turns"] if t["theme"]}
    assert not any(slug in text for slug in themes), "the README names a theme"
    places = {str(g["attrs"][k]).casefold() for g in golds for k in ("region", "authority")}
    assert not any(p in text for p in places), "the README names a region or authority"


@_withholding("sessions, kinds, formats, areas or sizes are not as intended")
def test_sessions_kinds_formats_regions_and_sizes(golds: list[dict], readme: str) -> None:
    assert [g["label"] for g in golds] == LABELS
    assert Counter(g["format"] for g in golds) == FORMATS_WANTED
    assert Counter(g["kind"] for g in golds) == KINDS_WANTED
    assert len({g["attrs"]["region"] for g in golds}) == 6, "six regions"
    assert len({g["attrs"]["authority"] for g in golds}) == 6, "six authorities"
    for g in golds:
        assert re.fullmatch(rf"{g['label'].lower()}_(fg|int)_[a-z_]+\.(vtt|txt)", g["file"])
        assert g["file"].split("_")[1] == ("int" if g["kind"] == "interview" else "fg")
        assert 28 <= len(g["turns"]) <= 40, g["label"]
        assert "2020-01-01" <= g["date"] <= "2022-12-31", g["label"]
        participants = [k for k, v in g["speakers"].items() if v["role"] == "participant"]
        facilitators = [k for k, v in g["speakers"].items() if v["role"] == "facilitator"]
        assert len(facilitators) == 1 and facilitators[0] == g["facilitator"], g["label"]
        if g["kind"] == "interview":
            assert len(participants) == 1, g["label"]
        else:
            assert 4 <= len(participants) <= 6, g["label"]
        words = sum(len(t["text"].split()) for t in g["turns"])
        assert 2_200 <= words <= 3_200, g["label"]
    # The two interviews are one Teams and one Zoom file.
    assert sum(g["kind"] == "interview" and g["format"] == "teams-vtt" for g in golds) == 1
    assert sum(g["kind"] == "interview" and g["format"] == "zoom-vtt" for g in golds) == 1
    total = sum(len(t["text"].split()) for g in golds for t in g["turns"])
    assert WORDS_RANGE[0] <= total <= WORDS_RANGE[1], total
    _quietly(check_session_rows_in_readme, golds, readme, what="README session rows")


def test_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    _quietly(check_gold_spans_equal_turn_slices, golds, what="a gold span is not its slice")


@_withholding("PII counts differ from the constants or the README")
def test_pii_counts_match_the_readme(golds: list[dict], readme: str) -> None:
    by_type = check_pii_counts_match_the_readme(
        golds,
        readme,
        counts=PII_COUNTS,
        minimum=PII_MINIMUM,
        total_range=(400, 450),
        alphabetical_ties=True,
    )
    assert by_type["PERSON"] > by_type["PLACE"] > by_type["ORG"]
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert count_line(origins, alphabetical_ties=True) in readme
    distinct = labelled_set.distinct_persons(golds)
    assert f"Distinct person surfaces (case-folded): {len(distinct)}" in readme
    for g in golds:
        assert sum(len(t["pii"]) for t in g["turns"]) >= 60, g["label"]
        kinds = Counter(s["type"] for t in g["turns"] for s in t["pii"])
        assert set(kinds) == labelled_set.PII_TYPES, f"{g['label']} lacks a PII type"


@_withholding("the person origin balance is not as intended")
def test_person_origin_balance(golds: list[dict]) -> None:
    check_person_origin_balance(
        golds, min_distinct_persons=130, mentions_share=(0.50, 0.65), distinct_share=(0.50, 0.65)
    )
    origins = Counter(s["origin"] for s in all_spans(golds, "PERSON"))
    assert sum(n >= 3 for n in origins.values()) == len(labelled_set.ORIGINS)


@_withholding("a name shape is under-represented")
def test_name_shapes_are_represented(golds: list[dict]) -> None:
    persons = [s["text"] for s in all_spans(golds, "PERSON")]
    assert sum(p[:1].islower() for p in persons) >= 30, "too few lower-case names"
    assert sum(bool(TITLE.match(p)) for p in persons) >= 30, "too few titled names"
    assert sum(bool(PARTICLE.search(p)) for p in persons) >= 5, "too few particle names"
    assert sum("-" in p for p in persons) >= 3, "too few hyphenated names"
    assert sum(not p.isascii() for p in persons) >= 5, "too few non-ASCII names"
    assert sum(" " not in p and "-" not in p for p in persons) >= 110, "too few single names"
    assert sum(" " in p and not TITLE.match(p) for p in persons) >= 25, "too few full names"
    assert labelled_set.possessive_names(golds) >= 4
    assert labelled_set.names_opening_a_sentence(golds) >= 30
    assert labelled_set.last_first_speakers(golds) == 8, "Teams speakers shown 'Last, First'"
    for g in golds:
        if not g["format"].startswith("teams"):
            assert not any(", " in k for k in g["speakers"]), g["label"]


@_withholding("a word-name is never marked")
def test_word_names_marked_and_also_left_as_words(golds: list[dict]) -> None:
    found = {
        word
        for s in all_spans(golds, "PERSON")
        for word in s["text"].casefold().split()
        if _digest(word) in WORD_NAME_DIGESTS
    }
    assert len(found) == len(WORD_NAME_DIGESTS), "a word-name is never marked"
    _quietly(
        check_word_names_marked_and_also_left_as_words,
        golds,
        sorted(found),
        anywhere_in_name=True,
        what="a word-name never appears as an ordinary word",
    )


@_withholding(
    "a marked surface is left unmarked elsewhere by mistake, or an intended one is missing"
)
def test_marked_surfaces_unmarked_elsewhere_are_deliberate(golds: list[dict]) -> None:
    """A surface marked once but left unmarked elsewhere must be an intended ordinary word."""
    marked = {s["text"].casefold() for s in all_spans(golds)}
    masked = masked_texts(golds)
    slips = 0
    found = set()
    for surface in marked:
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", flags=re.I)
        if any(pattern.search(text) for text in masked):
            digest = _digest(surface)
            slips += digest not in ORDINARY_WORD_USE_DIGESTS
            found.add(digest)
    assert slips == 0, f"{slips} marked surface(s) also left unmarked by mistake"
    assert found == ORDINARY_WORD_USE_DIGESTS, "a deliberate ordinary-word use is missing"


@_withholding("a place or organisation shape is under-represented")
def test_places_and_orgs_have_the_intended_shapes(golds: list[dict]) -> None:
    places = [s["text"] for s in all_spans(golds, "PLACE")]
    street = re.compile(r"\b(road|street|lane|square|row|end)\b", re.I)
    assert sum(bool(street.search(p)) for p in places) >= 10, "too few named streets"
    assert sum(p[:1].islower() for p in places) >= 20, "too few lower-case places"
    building = re.compile(r"\b(house|hall|college|centre|library|hospital|gate)\b", re.I)
    assert sum(bool(building.search(p)) for p in places) >= 10, "too few named buildings"
    assert sum(not p.isascii() for p in places) >= 2, "too few non-ASCII places"
    check_orgs_mostly_without_org_words(golds, ORG_WORDS, bare=70, lower_case=15, acronyms=7)
    as_place = {s["text"].casefold() for s in all_spans(golds, "PLACE")}
    as_org = {s["text"].casefold() for s in all_spans(golds, "ORG")}
    assert len(as_place & as_org) >= 1, "a town meaning its council and the same town as place"


@_withholding("the Otter files are not as intended")
def test_otter_sessions_one_lower_case_without_punctuation(golds: list[dict]) -> None:
    otter = [g for g in golds if g["format"] == "otter-txt"]
    assert len(otter) == 2
    bare = [g for g in otter if all(re.fullmatch(r"[a-z0-9 ]+", t["text"]) for t in g["turns"])]
    assert len(bare) == 1, "exactly one Otter file is lower case without punctuation"
    assert all(k == k.lower() for k in bare[0]["speakers"])
    spans = [s for t in bare[0]["turns"] for s in t["pii"]]
    assert len(spans) >= 45 and all(s["text"] == s["text"].lower() for s in spans)
    other = next(g for g in otter if g is not bare[0])
    assert any(re.search(r"[A-Z]", t["text"]) and "," in t["text"] for t in other["turns"])


@_withholding("a phone is outside the drama ranges or a phone form is missing")
def test_phones_are_drama_numbers(golds: list[dict]) -> None:
    phones = [s["text"] for s in all_spans(golds, "PHONE")]
    check_phones_in_drama_ranges(phones, DRAMA_PHONE, quiet=True)
    assert any(p.startswith("+44 (0)") for p in phones), "no +44 (0) number"
    assert any(p.startswith("+44 ") and "(0)" not in p for p in phones), "no +44 number"
    assert any(re.fullmatch(r"[\d-]+", p) and "-" in p for p in phones), "no dashed number"
    assert any(re.fullmatch(r"0[\d ]+", p) for p in phones), "no spaced national number"
    assert sum(not re.search(r"\d", p) for p in phones) == 1, "one spoken number"


@_withholding("an ID, e-mail or postcode form is missing or malformed")
def test_ids_emails_postcodes_have_varied_forms(golds: list[dict]) -> None:
    check_ids_emails_postcodes_have_varied_forms(golds)
    ids = [s["text"] for s in all_spans(golds, "ID")]
    assert sum("/" in i for i in ids) >= 2, "too few slashed references"
    assert any(i.islower() for i in ids), "no lower-case reference"
    emails = [s["text"] for s in all_spans(golds, "EMAIL")]
    assert all("@" in e or " at " in e for e in emails), "an e-mail without @ or 'at'"
    postcodes = [s["text"] for s in all_spans(golds, "POSTCODE")]
    shapes = sum(bool(POSTCODE_SHAPE.fullmatch(p.upper())) for p in postcodes)
    assert shapes == len(postcodes), "a postcode with a bad shape"


@_withholding("a public reference is missing")
def test_public_references_present_and_unmarked(golds: list[dict]) -> None:
    found = {
        gram
        for g in golds
        for t in g["turns"]
        for gram in _word_ngrams(t["text"])
        if _digest(gram) in PUBLIC_REFERENCE_DIGESTS
    }
    recovered = {_digest(f) for f in found}
    assert recovered == PUBLIC_REFERENCE_DIGESTS, (
        f"{len(PUBLIC_REFERENCE_DIGESTS - recovered)} public reference(s) missing"
    )
    _quietly(
        check_public_references_present_and_unmarked,
        golds,
        sorted(found),
        what="a public reference is marked, or never left unmarked",
    )


@_withholding("LOE or theme labels are not as intended")
def test_loe_and_theme_labels(golds: list[dict]) -> None:
    coded = check_loe_and_theme_labels(golds, themes_per_loe=(3, 4), quiet=True)
    assert sum(coded.values()) >= 100, "too few coded turns"
    for g in golds:
        loes = {t["loe"][0] for t in g["turns"] if t["theme"]}
        assert loes == LOES, f"{g['label']} does not code every line of enquiry"
        opened = [t["loe"] for t in g["turns"] if t["speaker"] == g["facilitator"] and t["loe"]]
        assert all(len(x) == 1 for x in opened), g["label"]
        assert not any(t["theme"] for t in g["turns"] if t["speaker"] == g["facilitator"])


def test_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    _quietly(check_no_consecutive_turns_by_one_speaker, golds, what="a speaker has two turns")


def test_rendered_files_align_with_gold_turns(golds: list[dict]) -> None:
    _quietly(
        check_rendered_files_align_with_gold_turns,
        HELDOUT8,
        golds,
        what="a rendered file does not read back into its gold turns",
    )


def test_scripts_rerender_to_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quietly(
        check_scripts_rerender_to_the_committed_files,
        HELDOUT8,
        tmp_path,
        monkeypatch,
        what="a re-render differs from the committed files",
    )
