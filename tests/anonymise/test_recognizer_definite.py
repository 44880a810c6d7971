"""One capitalised ordinary word after "at the", "in the"...: a local name, pending review."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.definite import DefiniteNameRecognizer


@pytest.fixture(scope="module")
def definite():
    return DefiniteNameRecognizer()


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("My wife is at the Royal doing twelve-hour shifts.", "the Royal"),
        ("I'm based at the Conquest, and before that elsewhere.", "the Conquest"),
        ("They advertise on the radio, in the Chronicle, everywhere.", "the Chronicle"),
        ("We put adverts up in the Beacon and at the jobs fair.", "the Beacon"),
    ],
)
def test_one_capitalised_word_after_a_preposition_and_the(run, definite, text, surface):
    """The article goes with the name: "the Royal" is what people call it."""
    assert run(definite, text) == [(surface, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        # weekdays, festivals, nationalities, languages, countries
        "We meet on the Monday after, at the Christmas do, with the Polish lads.",
        "It's for the Filipino nurses, in the Welsh language, from the Vietnamese community.",
        # institutions, roles and documents with a capital
        "I wrote to the Council, then to the Trust, then to the Director about it.",
        "It was in the Guardian and on the News, and at the Union meeting.",
        # public references and products
        "We met on the Zoom and in the Teams chat.",
        # a longer name is another recognizer's business
        "She's at the Royal Infirmary, and I was at the Spotlight on Inclusion launch.",
        # no preposition before the article, or a lower-case word after it
        "The Beacon is busy. We like the Beacon. She is at the beacon.",
        # acronyms and words in no word list are other recognizers' business
        "He works at the DWP office, and she's at the Xyloqua site.",
    ],
)
def test_ordinary_capitals_are_left(run, definite, text):
    assert run(definite, text) == []


def test_scores_below_review_so_the_ethics_lead_confirms_each_hit(definite):
    """Applied but pending: the ethics lead confirms each, and none spreads on its own."""
    from research.project import Settings

    assert Settings().score_threshold <= DefiniteNameRecognizer.SCORE
    assert Settings().review_below > DefiniteNameRecognizer.SCORE


def test_a_capital_the_mid_sentence_is_part_of_the_name(run, definite):
    assert run(definite, "We put adverts up in The Beacon last week.") == [("The Beacon", "ORG")]


def test_an_ordinary_word_after_in_is_an_area_and_departments_are_left(run, definite):
    assert run(definite, "In a team of nine in Walker, if you tick Muslim.") == [
        ("Walker", "PLACE")
    ]
    assert run(definite, "She's in Recruitment now, I started in Catering, in Finance.") == []


def test_on_the_and_from_before_an_ordinary_word_name_an_area(run, definite):
    assert run(definite, "Park ranger, mostly up on the Downs. He's from Fishponds.") == [
        ("Downs", "PLACE"),
        ("Fishponds", "PLACE"),
    ]
    assert run(definite, "I came from Housing, then from Reception, on the Monday.") == []


def test_a_hospital_by_its_nickname_in_lower_case(run, definite):
    assert run(definite, "my husband got a job at the royal or at the infirmary") == [
        ("the infirmary", "ORG"),
        ("the royal", "ORG"),
    ]
    assert run(definite, "i was at the royal mail depot and in the general office") == []
