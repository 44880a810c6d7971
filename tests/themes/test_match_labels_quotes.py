"""Re-fit matching, short labels and quote ranking (pure functions)."""

from __future__ import annotations

import numpy as np

from research.themes.labels import short_label
from research.themes.match import jaccard, match_topics
from research.themes.quotes import Candidate, rank_quotes


def test_jaccard_and_one_to_one_matching():
    assert jaccard({1, 2}, {2, 3}) == 1 / 3
    old = {10: {1, 2, 3}, 11: {4, 5, 6}}
    new = {0: {4, 5, 6, 7}, 1: {1, 2}, 2: {8, 9}}
    assert match_topics(new, old) == {0: 11, 1: 10, 2: None}


def test_a_merged_theme_found_again_is_merged_again():
    old = {10: {1, 2, 3}, 11: {4, 5, 6}}  # 11 was merged into 10
    new = {0: {1, 2, 3}, 1: {4, 5, 6}}
    assert match_topics(new, old, {11: 10}) == {0: 10, 1: 10}


def test_short_label_skips_repeated_words():
    assert short_label(["application", "application form", "jargon", "competencies"]) == (
        "Application · jargon · competencies"
    )
    assert short_label([]) == "Unlabelled theme"


def _cands():
    words = " ".join(["word"] * 20)
    return [
        Candidate(1, f"panel one {words}", source_id=1, speaker_id=1),
        Candidate(2, f"panel two {words}", source_id=1, speaker_id=1),
        Candidate(3, f"panel three {words}", source_id=2, speaker_id=2),
        Candidate(4, "panel too short", source_id=3, speaker_id=3),
    ]


def test_quotes_spread_across_groups_and_speakers_and_readable_first():
    X = np.array([[1.0, 0.0], [0.99, 0.01], [0.9, 0.1], [1.0, 0.0]])
    ranked = [seg for seg, _ in rank_quotes(_cands(), X, limit=4)]
    assert ranked[0] in (1, 2)
    assert ranked[1] == 3  # another group and speaker beats a near-duplicate from the same one
    assert ranked[-1] == 4  # under 15 words: after every readable quote


def test_keywords_ignore_placeholders_pseudonyms_numbers_and_fillers():
    from research.themes.model import _plain_keywords, clean_for_keywords

    cleaned = clean_for_keywords("I told [Person 41] and P17 in 2019 about [Council B]")
    assert "person" not in cleaned and "p17" not in cleaned and "2019" not in cleaned
    words = _plain_keywords(
        ["Yeah I didn't get the mentoring, [Person 3] said mentoring helps"] * 2
    )
    assert words[0] == "mentoring" and not {"yeah", "didn", "person", "said"} & set(words)


def test_short_label_treats_plurals_as_repeats():
    assert short_label(["panel", "panels", "diverse"]) == "Panel · diverse"
