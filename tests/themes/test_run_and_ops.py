"""run_themes on the fixed project, then researcher edits that must survive a re-fit."""

from __future__ import annotations

import themed_project

from research.themes.ops import merge_themes, move_segment, rename_theme, star_quote, unstar_quote
from research.themes.prevalence import theme_prevalence
from research.themes.run import run_themes
from research.themes.store import active_themes, theme_labels_for_segments, theme_quotes


def _members(db):
    rows = db.execute("SELECT loe, segment_id, theme_id FROM theme_members ORDER BY 1, 2")
    return [tuple(r) for r in rows]


def _refit(project, encoder):
    return run_themes(project, fitter=themed_project.fake_fitter, encoder=encoder)


def _theme_of(db, segment, loe="recruitment"):
    row = db.execute(
        "SELECT theme_id FROM theme_members WHERE segment_id = ? AND loe = ?", (segment, loe)
    ).fetchone()
    return row[0]


def test_fit_finds_the_written_themes(themed):
    db = themed.db
    rec = active_themes(db, "recruitment")
    assert len(rec) == 3 and len(active_themes(db, "progression")) == 2
    panel = _theme_of(db, 101)
    assert _theme_of(db, 105) == _theme_of(db, 110) == panel
    assert _theme_of(db, 102) != panel
    labels = theme_labels_for_segments(db)
    assert labels[(101, "recruitment")] == labels[(105, "recruitment")]
    assert (100, "recruitment") not in labels  # facilitator


def test_same_input_same_themes(themed, encoder):
    before = _members(themed.db)
    labels = [t["label"] for t in active_themes(themed.db)]
    _refit(themed, encoder)
    assert _members(themed.db) == before
    assert [t["label"] for t in active_themes(themed.db)] == labels


def test_prevalence_counts_groups_participants_and_attributes(themed):
    tid = _theme_of(themed.db, 101)
    p = theme_prevalence(themed.db, tid, ["authority"])
    assert (p["segments"], p["groups"], p["groups_total"]) == (3, 3, 4)
    assert p["participants"] == 3 and p["participants_total"] == 8
    assert p["by_attribute"]["authority"] == {
        "county council": [2, 2],
        "metropolitan council": [1, 2],
    }
    assert p["summary"].startswith("raised in 3 of 4 groups")


def test_quotes_are_verbatim_participant_segments(themed):
    tid = _theme_of(themed.db, 101)
    quotes = theme_quotes(themed.db, tid)
    texts = {r["id"]: r["text"] for r in themed.db.execute("SELECT id, text FROM segments")}
    assert {q["segment_id"] for q in quotes} == {101, 105, 110}
    assert all(q["text"] == texts[q["segment_id"]] for q in quotes)
    assert len({q["source_id"] for q in quotes[:3]}) == 3


def test_rename_merge_move_and_stars_survive_a_refit(themed, encoder):
    db = themed.db
    panel, form, mouth = _theme_of(db, 101), _theme_of(db, 102), _theme_of(db, 104)
    rename_theme(db, panel, "Panels that all look the same")
    merge_themes(db, [mouth], form, encoder)
    move_segment(db, 113, panel, encoder)
    star_quote(db, 109)
    assert [q["segment_id"] for q in theme_quotes(db, form)][0] == 109  # starred first
    _refit(themed, encoder)
    assert db.execute("SELECT label FROM themes WHERE id = ?", (panel,)).fetchone()[0] == (
        "Panels that all look the same"
    )
    assert _theme_of(db, 104) == _theme_of(db, 109) == form  # merge kept
    assert _theme_of(db, 113) == panel  # moved segment kept
    assert len(active_themes(db, "recruitment")) == 2
    starred = [q for q in theme_quotes(db, form) if q["starred"]]
    assert [q["segment_id"] for q in starred] == [109]
    unstar_quote(db, 109)
    assert not any(q["starred"] for q in theme_quotes(db, form))


def test_errors_name_what_is_wrong(themed, encoder):
    import pytest

    from research.errors import ProjectError

    with pytest.raises(ProjectError, match="not in any theme"):
        star_quote(themed.db, 100)
    with pytest.raises(ProjectError, match="same line of enquiry"):
        merge_themes(
            themed.db,
            [_theme_of(themed.db, 107, "progression")],
            _theme_of(themed.db, 101),
            encoder,
        )
    with pytest.raises(ProjectError, match="not a line of enquiry"):
        run_themes(themed, "nope", fitter=themed_project.fake_fitter, encoder=encoder)
