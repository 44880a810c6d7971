"""Football and rugby clubs as fans name them: nicknames are places in disguise."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.clubs import SportsClubRecognizer, clubs


@pytest.fixture(scope="module")
def club():
    return SportsClubRecognizer()


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Mo is a Gers man, I'm Hoops, and nobody minds.", ["Gers", "Hoops"]),  # another club
        ("He's Rovers mad, so half the lads won't talk to him.", ["Rovers"]),  # a fan's word
        ("We all go to watch Latics when we can.", ["Latics"]),  # no English word
        ("and come on you irons my nan will kill me", ["irons"]),  # typed low, a fan's phrase
        ("on the day the saddlers play at home it's dead", ["saddlers"]),  # a fixture
        ("the town's quiet when the black cats lose", ["black cats"]),  # a result
        ("i support the tigers like my dad", ["tigers"]),
        ("Half the depot are Tractor Boys fans.", ["Tractor Boys"]),
    ],
)
def test_a_club_by_its_nickname(run, club, text, surfaces):
    assert run(club, text) == sorted((s, "ORG") for s in surfaces)


@pytest.mark.parametrize(
    "text",
    [
        "We saw the Tigers at the zoo and Robins in the garden.",  # ordinary words, no football
        "the spiders in the shed and the foxes in the bins",  # typed low, no fan's phrase
        "Latics. That is what they call it.",  # a sentence's first word, nothing about football
        "the robins were singing and the wolves howled",
    ],
)
def test_ordinary_words_are_no_club(run, club, text):
    assert run(club, text) == []


def test_lower_case_clubs_wait_for_review(club):
    assert club.SCORE_LOWER < 0.6 <= club.SCORE


def test_the_list_marks_which_names_are_ordinary_words():
    table = clubs()
    assert table["tigers"] and table["saints"]
    assert not table["gers"] and not table["latics"] and not table["mackems"]
    assert "city" not in table and "united" not in table  # too plain to list
