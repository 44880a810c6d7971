"""Ordinary words capitalised mid-sentence: firms and networks named by a word, pending review."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.capitalised import CapitalisedWordRecognizer


@pytest.fixture(scope="module")
def capitalised():
    return CapitalisedWordRecognizer()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("What worked was when Unity got going.", [("Unity", "ORG")]),
        ("The levy went to the college and Realise. But time is short.", [("Realise", "ORG")]),
        ("We all met up with Changing Lives for the lads.", [("Changing Lives", "ORG")]),
        ("The depot on Mill Bank is shut.", [("Mill Bank", "PLACE")]),  # ends in a place word
    ],
)
def test_a_capitalised_word_mid_sentence(run, capitalised, text, found):
    assert run(capitalised, text) == sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Matrix supply our temps. Thank you, that's great.",  # a sentence's own capital
        "We have guys from Lithuania, and he speaks Portuguese.",  # countries, languages
        "I'm Orthodox and my colleagues are Black and Muslim.",  # faiths and identities
        "She works in Human Resources with the Council.",  # departments, generic words
        "thanks [Person 3] Thank you all, and [laughs] Let's go.",  # after a placeholder
        "I reported to Tell [Organisation C] about it.",  # beside a placeholder
        "the Team Leader said to try Citizens Advice.",  # job titles, a national body
        "I got a grant from Access to Work for it.",
        "We went to the Well-being hub and a Drop-in.",  # parts of compounds
        "we went to unity and realise in lower case",  # no capitals to go by
    ],
)
def test_capitals_that_name_nothing(run, capitalised, text):
    assert run(capitalised, text) == []


def test_every_finding_waits_for_review(capitalised):
    from research.project import Settings

    settings = Settings()
    assert settings.score_threshold <= capitalised.SCORE < settings.review_below
