"""Themes screen (star, rename, merge, re-fit key) and Export screen (writes, shows paths)."""

from __future__ import annotations

import pytest
from conftest import SIZE, settle
from textual.widgets import DataTable, Static

pytestmark = pytest.mark.anyio


async def test_star_a_quote(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        screen = app.screen
        assert [t["label"] for t in screen.themes] == [
            "Panels that look the same",
            "Jargon in forms",
        ]
        screen.query_one("#quotes", DataTable).focus()
        await pilot.press("down", "s")
        seg = screen.quotes[0]["segment_id"]  # starred quotes come first
        stars = db.execute("SELECT loe, segment_id, starred_by FROM quote_stars").fetchall()
        assert [tuple(r) for r in stars] == [("recruitment", seg, "tester")]
        assert screen.quotes[0]["starred"]
        await pilot.press("s")
        assert db.execute("SELECT COUNT(*) FROM quote_stars").fetchone()[0] == 0


async def test_rename_and_merge_themes(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "n")
        app.screen.query_one("#prompt").value = ""
        await pilot.press(*"Same faces on panels", "enter")
        label = db.execute("SELECT label, label_source FROM themes WHERE id = 1").fetchone()
        assert tuple(label) == ("Same faces on panels", "researcher")
        await pilot.press("down", "space", "up", "M")
        await settle(pilot)
        merged = db.execute("SELECT status, merged_into FROM themes WHERE id = 2").fetchone()
        assert tuple(merged) == ("merged", 1)
        assert [t["id"] for t in app.screen.themes] == [1]


async def test_lines_of_enquiry_and_prevalence_chart(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "right_square_bracket")
        screen = app.screen
        assert screen.loe[0] == "progression"
        assert [t["label"] for t in screen.themes] == ["No feedback, favourites"]
        chart = str(screen.query_one("#chart", Static).render())
        assert "No feedback, favourites" in chart and "1/2" in chart


async def test_export_writes_the_chosen_file_and_shows_its_path(make, tui_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        assert "NOT SIGNED OFF" in str(app.screen.query_one("#export-signoff", Static).render())
        await pilot.press("w")
        await settle(pilot)
        assert (tui_dir / "exports" / "quotes.xlsx").stat().st_size > 0
        app.screen.query_one("#kind").query("RadioButton")[4].value = True  # transparency
        await pilot.pause()
        assert app.screen.query_one("#dest").value == "exports/transparency.md"
        await pilot.press("w")
        await settle(pilot)
        assert "NOT SIGNED OFF" in (tui_dir / "exports" / "transparency.md").read_text()
        written = str(app.screen.query_one("#written", Static).render())
        assert "exports/quotes.xlsx" in written and "exports/transparency.md" in written


async def test_split_key_reports_a_theme_too_small_and_changes_nothing(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "S")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("too few to split" in m for m in messages), messages
        assert db.execute("SELECT COUNT(*) FROM themes").fetchone()[0] == 3
