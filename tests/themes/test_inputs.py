"""Which segments are themed: codings, thresholds, rejections, facilitators, backchannel."""

from __future__ import annotations

import themed_project

from research.themes.inputs import is_backchannel, lines_of_enquiry, loe_of_codes, segments_for_loe


def test_backchannel_is_dropped_but_short_findings_of_four_words_are_kept():
    assert is_backchannel("Yeah.")
    assert is_backchannel("Mm-hm, yeah, right.")
    assert is_backchannel("Yes, exactly, absolutely, definitely, yeah.")
    assert not is_backchannel("Nobody looked like me.")


def test_child_codes_count_for_their_line_of_enquiry(project):
    themed_project.build(project)
    assert lines_of_enquiry(project.db) == ["recruitment", "progression"]
    assert loe_of_codes(project.db)["recruitment.panels"] == "recruitment"
    ids = [s.id for s in segments_for_loe(project.db, "recruitment")]
    assert 105 in ids  # coded with the child code recruitment.panels


def test_threshold_rejections_facilitators_and_backchannel(project):
    themed_project.build(project)
    rec = [s.id for s in segments_for_loe(project.db, "recruitment")]
    assert rec == sorted(rec)
    assert 100 not in rec  # facilitator question
    assert 103 not in rec  # "Yeah."
    assert 117 not in rec  # suggestion at 0.2, below the threshold
    assert 106 in rec  # suggestion at 0.4 that a researcher accepted
    assert 110 in rec  # undecided suggestion at 0.7
    assert 117 in [s.id for s in segments_for_loe(project.db, "recruitment", threshold=0.1)]
    prog = [s.id for s in segments_for_loe(project.db, "progression", threshold=0.0)]
    assert 118 not in prog  # rejected suggestion, whatever its confidence
