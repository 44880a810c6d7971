"""Coding screen: keys apply codes, accept / reject suggestions, filter, move, memo; every
action is in the database at once."""

from __future__ import annotations

import pytest
from conftest import CODER, SIZE
from textual.widgets import DataTable, Static

pytestmark = pytest.mark.anyio


def codings(db, segment_id):
    return {
        (r["code_id"], r["method"], r["status"])
        for r in db.execute(
            "SELECT * FROM codings WHERE segment_id = ? AND coder = ?", (segment_id, CODER)
        )
    }


async def test_number_key_applies_and_removes_a_line_of_enquiry(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        seg = app.screen.current()["id"]
        await pilot.press("2")
        assert codings(db, seg) == {("progression", "manual", "applied")}
        assert "1/8 segments coded" in str(
            app.screen.query_one("#coding-progress", Static).render()
        )
        await pilot.press("2")
        assert codings(db, seg) == set()


async def test_accept_and_reject_the_suggestion(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        first = app.screen.current()["id"]
        await pilot.press("a")
        assert codings(db, first) == {("recruitment", "confirmed", "accepted")}
        await pilot.press("j")
        second = app.screen.current()["id"]
        assert second != first
        await pilot.press("x")
        assert codings(db, second) == {("recruitment", "confirmed", "rejected")}
        auto = db.execute(
            "SELECT status FROM codings WHERE segment_id = ? AND coder = 'auto'", (second,)
        ).fetchone()
        assert auto["status"] == "rejected"


async def test_filters_and_moving_between_sources(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        screen = app.screen
        table = screen.query_one("#segments", DataTable)
        assert screen.source == "FG01" and table.row_count == 5
        await pilot.press("l")  # low confidence: the 0.45 suggestion only
        assert [s["suggested"]["recruitment"][0] for s in screen.segments] == [0.45]
        await pilot.press("l", "a", "u")  # back to all, accept one, show uncoded only
        assert table.row_count == 4
        await pilot.press("right_square_bracket")
        assert screen.source == "FG02" and table.row_count == 3
        await pilot.press("left_square_bracket")
        assert screen.source == "FG01"


async def test_memo_is_saved_with_the_coding(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        seg = app.screen.current()["id"]
        await pilot.press("m")  # nothing coded yet: refused, no dialog
        assert type(app.screen).__name__ == "CodingScreen"
        await pilot.press("1", "m")
        assert type(app.screen).__name__ == "PromptScreen"
        await pilot.press(*"same faces", "enter")
        memo = db.execute(
            "SELECT memo FROM codings WHERE segment_id = ? AND coder = ?", (seg, CODER)
        ).fetchone()
        assert memo["memo"] == "same faces"
