"""Councils (ORG) and places (PLACE) gazetteers on a blank tokenizer."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.councils import UkCouncilRecognizer
from research.anonymise.recognizers.places import UkPlaceRecognizer


@pytest.fixture(scope="module")
def councils():
    return UkCouncilRecognizer()


@pytest.fixture(scope="module")
def places():
    return UkPlaceRecognizer()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I work at Sandwell Metropolitan Borough Council now",
            "Sandwell Metropolitan Borough Council",
        ),
        ("I joined Dudley Council in 2015", "Dudley Council"),
        ("I moved to Walsall MBC", "Walsall MBC"),
        ("I did the Staffordshire leadership course", "Staffordshire"),
        ("She works for Wolverhampton", "Wolverhampton"),
        (
            "At Nuneaton and Bedworth Borough Council it was fine",
            "Nuneaton and Bedworth Borough Council",
        ),
        ("I started at Wychbold Parish Council", "Wychbold Parish Council"),
        ("the only Black manager in the city council", "the city council"),
    ],
)
def test_councils(run, councils, text, expected):
    assert (expected, "ORG") in run(councils, text)


def test_plain_council_word_is_not_an_org(run, councils):
    assert run(councils, "The council said the Council would decide.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I grew up in Handsworth", "Handsworth"),
        ("a takeaway on Dudley Road in Smethwick", "Dudley Road"),
        ("in the kitchen at the Civic Centre", "Civic Centre"),
        ("Niamh runs it out of the Cecil Ward Building. But", "Cecil Ward Building"),
        ("I moved from Reading last year", "Reading"),
        ("she lives in west bromwich", "west bromwich"),
        ("a nurse at City Hospital her whole life", "City Hospital"),
        ("the disability team in King's Lynn. I have sickle cell", "King's Lynn"),
        # cities abroad: where people trained or grew up
        ("when I said Harare, she said, oh", "Harare"),
        ("Office staff in Darwen and the Old Town Hall liked it", "Old Town Hall"),
        ("We met in Room 2.14 when we were allowed in", "Room 2.14"),
        ("did three days in committee room b she was brilliant", "committee room b"),
        ("He had never set foot on Ward F11 before.", "Ward F11"),
        ("I'm at One Friargate when we're allowed in.", "One Friargate"),
        ("I'm at Number One Riverside most days.", "Number One Riverside"),
        ("the course is at UCB on Summer Row on a Tuesday", "Summer Row"),
        ("i qualified in accra and then i was in galway", "accra"),
    ],
)
def test_places(run, places, text, expected):
    assert (expected, "PLACE") in run(places, text)


@pytest.mark.parametrize(
    "text",
    ["Reading the policy helped.", "I was shielding from March.", "We had a deal on the street."],
)
def test_place_words_in_ordinary_use(run, places, text):
    assert run(places, text) == []


def test_a_city_abroad_that_is_a_word_or_name_needs_capitals_and_context(run, places):
    assert run(places, "it was nice of her, victoria said") == []
    assert ("Nice", "PLACE") in run(places, "I lived in Nice for a year")


def test_title_case_areas_after_in_but_not_departments(run, places):
    found = run(places, "I grew up in Lozells Wood and work in Adult Social Care now.")
    assert ("Lozells Wood", "PLACE") in found
    assert not any("Social" in t for t, _ in found)
    assert run(places, "It was in Black History Month, in Human Resources.") == []


def test_streets_named_in_the_plural_and_areas_named_for_someone(run, places):
    assert ("Green Lanes", "PLACE") in run(places, "My dad has a shop on Green Lanes.")
    assert ("Arthur's Hill", "PLACE") in run(places, "My flat in Arthur's Hill is cold.")
    assert ("Whitley", "PLACE") in run(places, "Bogdan at Whitley depot runs it.")
    assert run(places, "The Housing office and the Council depot.") == []
