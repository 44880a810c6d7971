"""The person named right after who they are to the speaker ("my cousin Memory")."""

from __future__ import annotations

import pytest

from research.anonymise.recognizers.relations import RelationNameRecognizer


@pytest.fixture(scope="module")
def relations():
    return RelationNameRecognizer()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("My cousin Memory says I should apply.", ["Memory"]),
        ("Her husband Gift got the job, and my mentor Precious helped.", ["Gift", "Precious"]),
        ("i had a mentor rumbi she runs her own agency", ["rumbi"]),
        ("one of my friends lijo borrowed money", ["lijo"]),
    ],
)
def test_a_name_after_a_relative_or_colleague(run, relations, text, names):
    assert run(relations, text) == sorted((n, "PERSON") for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "My mum works nights and my sister said so.",  # verbs, not names
        "My wife Nigerian, my manager HR, my friend Monday morning.",
        "my mum works nights and my friend always helps",  # ordinary words in lower case
        "The manager Said no.",  # no owner before the role
    ],
)
def test_no_name_where_none_follows(run, relations, text):
    assert run(relations, text) == []


def test_lower_case_names_wait_for_review(relations):
    assert relations.SCORE_LOWER < 0.6 <= relations.SCORE
