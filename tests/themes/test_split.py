"""Splitting a theme in two with the fitting clusterer; the split survives a re-fit."""

from __future__ import annotations

import pytest
import themed_project

from research.errors import ProjectError
from research.themes.ops import merge_themes, split_theme
from research.themes.run import run_themes
from research.themes.store import active_themes, theme_quotes


def _theme_of(db, segment, loe="progression"):
    return db.execute(
        "SELECT theme_id FROM theme_members WHERE segment_id = ? AND loe = ?", (segment, loe)
    ).fetchone()[0]


def _members(db, theme):
    rows = db.execute("SELECT segment_id FROM theme_members WHERE theme_id = ?", (theme,))
    return {r[0] for r in rows}


def no_names(texts, parts):
    return {}


def test_split_undoes_a_merge_of_two_distinct_themes(themed, encoder):
    db = themed.db
    feedback, acting = _theme_of(db, 107), _theme_of(db, 108)
    feedback_members, acting_members = _members(db, feedback), _members(db, acting)
    merge_themes(db, [acting], feedback, encoder)
    assert len(active_themes(db, "progression")) == 1
    new = split_theme(db, feedback, encoder, namer=no_names)
    parts = {frozenset(_members(db, feedback)), frozenset(_members(db, new))}
    assert parts == {frozenset(feedback_members), frozenset(acting_members)}
    assert len(active_themes(db, "progression")) == 2
    assert {q["segment_id"] for q in theme_quotes(db, new)} == _members(db, new)
    label = db.execute("SELECT label FROM themes WHERE id = ?", (new,)).fetchone()[0]
    assert label and label != "Unlabelled theme"
    pinned = db.execute("SELECT COUNT(*) FROM theme_members WHERE theme_id = ? AND pinned = 1",
                        (new,)).fetchone()[0]  # fmt: skip
    assert pinned == len(_members(db, new))
    run_themes(themed, fitter=themed_project.fake_fitter, encoder=encoder)
    assert _theme_of(db, 107) != _theme_of(db, 108)  # still two themes after a re-fit


def test_split_refuses_a_theme_too_small(themed, encoder):
    db = themed.db
    form = db.execute(
        "SELECT theme_id FROM theme_members WHERE segment_id = 102 AND loe = 'recruitment'"
    ).fetchone()[0]
    with pytest.raises(ProjectError, match="too few to split"):
        split_theme(db, form, encoder, namer=no_names)
    with pytest.raises(ProjectError, match="no theme 999"):
        split_theme(db, 999, encoder, namer=no_names)


def test_cli_split(themed, encoder, run_cli, monkeypatch):
    import research.cli.themes_cmds as cmds
    import research.themes.phrases as phrases

    monkeypatch.setattr(cmds, "_embed", lambda proj: encoder)
    monkeypatch.setattr(phrases, "label_topics", no_names)
    db = themed.db
    feedback, acting = _theme_of(db, 107), _theme_of(db, 108)
    merge_themes(db, [acting], feedback, encoder)
    code, out, err = run_cli("themes", "split", str(feedback), "--project", str(themed.root))
    assert code == 0, err
    assert out.startswith(f"theme {feedback} split: new theme ")
    code, out, err = run_cli("themes", "split", "999", "--project", str(themed.root))
    assert code != 0 and "no theme 999" in err
