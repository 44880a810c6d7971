"""Rare words in a turn typed without capitals: names by their rarity, pending review."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.lexicon import common_words
from research.anonymise.recognizers.rare_words import RareWordRecognizer, is_rare


@pytest.fixture(scope="module")
def rare():
    return RareWordRecognizer()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "based out of leechmere but my patch is mostly sulgrave",
            [("leechmere", "PLACE"), ("sulgrave", "PERSON")],
        ),
        ("we went to the mosque on wellgate", [("wellgate", "PLACE")]),
        ("i work on the wards or for stsft so mostly", [("stsft", "ORG")]),
        ("the depot on leechmere road is shut", [("leechmere road", "PLACE")]),
        ("and then zorblat quintaveer told me", [("zorblat quintaveer", "PERSON")]),
    ],
)
def test_rare_words_in_a_lower_case_turn(run, rare, text, found):
    assert run(rare, text) == sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Based out of Leechmere but my patch is mostly Sulgrave.",  # a cased turn: capitals say more
        "i did my nvq and the esol course and the dbs check took ages",  # listed acronyms
        "the caseload was huge and the reablement team were shattered",  # British workplace words
        "i went from poland to the uk and my nan is polish",  # countries and nationalities
        "we dont do that and youre right its the frontline staff who suffer",  # common words
    ],
)
def test_ordinary_words_are_left(run, rare, text):
    assert run(rare, text) == []


def test_every_finding_waits_for_review(rare):
    from research.project import Settings

    settings = Settings()
    assert settings.score_threshold <= rare.SCORE < settings.review_below


def test_the_common_word_list_holds_frequent_words_and_not_local_names():
    words = common_words()
    assert {"shall", "cousin", "easier", "whatsapp"} <= words
    assert not {"leechmere", "sulgrave", "wellgate"} & words
    assert not is_rare("the") and not is_rare("ab") and is_rare("wellgate")
