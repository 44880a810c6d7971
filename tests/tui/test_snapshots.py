"""Snapshots of every screen on the fixed project (`pytest --snapshot-update` after a
deliberate change to the layout; review the SVGs in __snapshots__ before committing)."""

from __future__ import annotations

import pytest
from conftest import SIZE, no_blink
from tui_project import PASSPHRASE


async def _steady(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    no_blink(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize(
    ("name", "press"),
    [
        ("project", ()),
        ("review_locked", ("f2",)),
        ("coding", ("f3", "j", "a")),
        ("themes", ("f4",)),
        ("export", ("f5",)),
        ("help", ("question_mark",)),
    ],
)
def test_screen_snapshot(snap_compare, make, name, press):
    async def run_before(pilot) -> None:
        await pilot.press(*press)
        await _steady(pilot)

    assert snap_compare(make(), terminal_size=SIZE, run_before=run_before)


def test_review_unlocked_snapshot(snap_compare, make):
    async def unlocked(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("f2", "p")
        await _steady(pilot)

    assert snap_compare(make(PASSPHRASE), terminal_size=SIZE, run_before=unlocked)
