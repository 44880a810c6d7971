"""Employers, universities and acronyms named without an organisation word (brands.py)."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.brands import (
    CAPITALISED,
    CONTEXT,
    OrgAcronymRecognizer,
    UkEmployerRecognizer,
    common_acronyms,
    employer_entries,
    entry_level,
    public_bodies,
)


@pytest.fixture(scope="module")
def employers():
    return UkEmployerRecognizer()


@pytest.fixture(scope="module")
def acronyms():
    return OrgAcronymRecognizer()


def surfaces(run, recognizer, text):
    return {s for s, kind in run(recognizer, text) if kind == "ORG"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I was at Sainsbury's for ten years", "Sainsbury's"),
        ("i was at greggs head office", "greggs"),  # Otter: lower case
        ("we moved over from nissan in the end", "nissan"),
        ("she was in fund accounting at abrdn", "abrdn"),
        ("I did my degree at Queen's in the end", "Queen's"),
        ("the course at tyne met was full", "tyne met"),
        ("For me it was Wood first, offshore", "Wood"),  # ordinary word after "was"
        ("I was at Admiral in the call centre", "Admiral"),
        ("We lose people because Boots pays more", "Boots"),
        ("For me it was hays, the agency, they sent me", "hays"),
        ("she works for the met now and the met is different", "met"),  # the Met police
        ("Amazon opened a warehouse up the road", "Amazon"),
        ("so they go to NHS Fife instead", "NHS Fife"),
        ("she moved to NHS Greater Glasgow and Clyde", "NHS Greater Glasgow and Clyde"),
        ("a girl I knew from St Dominic's came too", "St Dominic's"),
        ("I went to St Mary's Primary School round here", "St Mary's Primary School"),
        ("the apprenticeship is through Coleg y Cymoedd now", "Coleg y Cymoedd"),
        ("I was a porter at the Royal Gwent for years", "Royal Gwent"),
        ("and then the gateshead housing company took over", "gateshead housing company"),
        ("when i went for plymouth community homes they did that", "plymouth community homes"),
        ("i did my level 3 at leeds city college, nights", "leeds city college"),
        ("I worked at Siemens Gamesa on the blades", "Siemens Gamesa"),
    ],
)
def test_employers(run, employers, text, expected):
    assert expected in surfaces(run, employers, text)


@pytest.mark.parametrize(
    "text",
    [
        "Next week we meet again. The next thing was the interview.",
        "I bought some wood and my boots got wet.",
        "Admiral is a rank in the navy, and the shell was empty.",
        "We were at the Queen's funeral on the telly.",
        "I work for the NHS and NHS England sent a letter, NHS Scotland too.",
        "We had a St Patrick's Day do at work.",
        "I joined on Microsoft Teams and spoke to Mind and the DWP.",
        "He was in the Royal Navy, then the Royal College of Nursing.",
        "I work for Birmingham City Council now.",
        "we met at the office and then i met him, the met office said rain",
    ],
)
def test_ordinary_words_and_public_bodies_stay(run, employers, text):
    assert surfaces(run, employers, text) == set()


def test_a_job_title_before_at_is_an_employer_context(run, acronyms):
    text = "There is a man, he was a supervisor at Ransomes for years."
    assert "Ransomes" in surfaces(run, acronyms, text)


def test_ordinary_word_needs_employer_context(run, employers):
    assert surfaces(run, employers, "I worked at Next for two years") == {"Next"}
    assert surfaces(run, employers, "Next I worked in a shop") == set()


def test_lower_case_turns_take_capitalised_only_entries_where_an_employer_stands(run, employers):
    text = "i came over to do my masters at goldsmiths and i'm through sanctuary now"
    assert surfaces(run, employers, text) == {"goldsmiths", "sanctuary"}
    assert surfaces(run, employers, "the next thing is boots on the ground") == set()
    assert surfaces(run, employers, "I did my masters at goldsmiths") == set()  # a cased turn
    assert surfaces(run, employers, "i share it with three people and my sister") == set()


def test_council_contractors_and_transport_operators_are_employers(run, employers):
    assert surfaces(run, employers, "i work for nexus on the metro") == {"nexus"}
    assert surfaces(run, employers, "the bins went to Viridor, then back in-house") == {"Viridor"}
    assert surfaces(run, employers, "a nexus of old habits") == set()  # no employer's place
    # at a sentence's start, an ordinary-word name needs what a contractor does after it
    assert surfaces(run, employers, "Norse fixed it in a day.") == {"Norse"}
    assert surfaces(run, employers, "Norse myths were on the reading list.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I trained at RGU as a social worker", "RGU"),
        ("the ILM through NRC, the council pays", "NRC"),
        ("the people from the NIHE are lovely", "NIHE"),
        ("I worked for Kainos after my degree", "Kainos"),
        ("I was in hospital at the N&N with a crisis", "N&N"),
        ("The training was run by Black Thrive last year.", "Black Thrive"),
        ("The trainer was Ivy from Inclusion Cornwall, she was good", "Inclusion Cornwall"),
    ],
)
def test_acronyms_and_brand_words(run, acronyms, text, expected):
    assert expected in surfaces(run, acronyms, text)


def test_acronym_in_apposition_marks_both(run, acronyms):
    found = surfaces(run, acronyms, "then the gateshead housing company, TGHC, came back")
    assert {"gateshead housing company", "TGHC"} <= found
    found = surfaces(run, acronyms, "the Northern Ireland Housing Executive (NIHE) wrote")
    assert {"Northern Ireland Housing Executive", "NIHE"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "I talked to HR at the time, then at GCSE and through the SVQ.",
        "I asked for the ASYE assessor course.",
        "They wanted a DBS from me, and a PVG through the SSSC.",
        "I was SO angry at MY manager.",
        "I went through ACAS and the DWP, with Unison.",
        "I got it through the Disclosure and Barring Service, DBS, in the end.",
        "We went to Cardiff Bay and then North Cornwall.",
        "The course was run by Learning and Development.",
        "I went to A&E, then the L&D team, with H&S at the depot.",
    ],
)
def test_common_acronyms_and_places_stay(run, acronyms, text):
    assert surfaces(run, acronyms, text) == set()


def test_lists_are_consistent():
    public = public_bodies()
    names = [n for n, _ in employer_entries()]
    assert len(names) > 500
    assert "nhs" in public and "dwp" in public and "stonewall" in public
    assert {"HR", "GCSE", "SVQ", "DBS", "ADHD"} <= common_acronyms()
    # no national body sneaks into the employer lists unmarked
    assert not [n for n in names if n.casefold() in {"nhs", "dwp", "hmrc", "acas", "zoom"}]


def test_entry_levels():
    assert entry_level(["Wood"], "") == CONTEXT  # an ordinary word
    assert entry_level(["Amazon"], "=") == CAPITALISED
    assert entry_level(["Brook", "Street"], "") == CAPITALISED  # ordinary words only
    assert entry_level(["Greggs"], "") == 0  # any case


@pytest.mark.models
def test_detector_finds_employers(detector):
    text = "I was at Admiral, then at greggs, and I did my degree at RGU."
    found = {d.text: d.entity_type for d in detector.analyze(text)}
    assert found.get("Admiral") == "ORG"
    assert found.get("greggs") == "ORG"
    assert found.get("RGU") == "ORG"
    kept = detector.analyze("I joined on Microsoft Teams and called the NHS and ACAS.")
    assert not [d for d in kept if d.entity_type == "ORG"]
