"""Snapshots of every screen on the DEMO project (real models, built once per session by the
`demo_project` fixture and copied per test). The demo is fitted deterministically (cached
embeddings, Ward clustering, no random state), so the screens are the same on every run;
`pytest -m models --snapshot-update tests/tui/test_demo_snapshots.py` after a deliberate change."""

from __future__ import annotations

import shutil

import pytest
from conftest import CODER, SIZE, no_blink

pytestmark = pytest.mark.models


@pytest.fixture
def demo_app(demo_project, tmp_path, monkeypatch):
    monkeypatch.setenv("RESEARCH_CODER", CODER)
    monkeypatch.delenv("RESEARCH_PASSPHRASE", raising=False)
    dest = tmp_path / "demo"
    shutil.copytree(demo_project, dest, ignore=shutil.ignore_patterns("exports"))
    from research.tui.app import make_app

    return make_app(dest)


@pytest.mark.parametrize(
    ("name", "press"),
    [
        ("project", ()),
        ("review", ("f2",)),
        ("coding", ("f3", "j")),
        ("themes", ("f4", "down")),
        ("themes_engagement", ("f4", "left_square_bracket", "tab", "down")),
        ("export", ("f5",)),
    ],
)
def test_demo_screen_snapshot(snap_compare, demo_app, name, press):
    async def run_before(pilot) -> None:
        await pilot.press(*press)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.clear_notifications()
        no_blink(pilot.app)
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)
