"""The frame: first screen, screen keys, help, command palette, jobs with progress and cancel."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from conftest import SIZE, settle
from textual.widgets import DataTable, ProgressBar, Static

pytestmark = pytest.mark.anyio


async def test_project_screen_lists_sources_with_pipeline_state(make):
    app = make()
    async with app.run_test(size=SIZE):
        table = app.screen.query_one("#sources", DataTable)
        assert table.row_count == 2
        fg01 = table.get_row_at(0)
        assert fg01[0] == "FG01" and fg01[5] == "yes"  # anonymised
        assert fg01[7] == "5/7"  # segments with a code (suggestions too) / all segments
        assert "authority=county" in fg01[9]
        assert "NOT SIGNED OFF" in str(app.screen.query_one("#signoff", Static).render())


async def test_function_keys_switch_screens_and_help_lists_every_key(make):
    from research.tui.screens.help import help_sections

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        for key, name in [
            ("f2", "Review"),
            ("f3", "Coding"),
            ("f4", "Themes"),
            ("f5", "Export"),
            ("f1", "Project"),
        ]:
            await pilot.press(key)
            assert type(app.screen).__name__ == f"{name}Screen"
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        shown = str(app.screen.query_one(Static).render())
        for _title, keys in help_sections():
            for key, description in keys:
                assert key in shown and description in shown, (key, description)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ProjectScreen"


async def test_command_palette_offers_the_main_actions(make):
    from research.tui.commands import ResearchCommands

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        provider = ResearchCommands(app.screen)
        names = [hit.text async for hit in provider.search("sign off")]
        assert names and "Sign off" in names[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"go to review", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"


async def test_job_shows_progress_and_can_be_cancelled(make, monkeypatch):
    from research.tui import services

    started, steps = threading.Event(), []

    def slow_stage(project, progress):
        started.set()
        for i in range(400):
            progress(i, 400)
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    monkeypatch.setattr(services, "run_auto_coding", slow_stage)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert started.wait(5)
        await pilot.pause(0.2)
        panel = app.screen.query_one("JobPanel")
        assert panel.display and app.job_title == "auto-code"
        assert app.screen.query_one(ProgressBar).progress > 0
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert app.job_title == "" and not panel.display
        assert len(steps) < 400  # stopped early
        assert any("cancelled" in n.message for n in app._notifications)


async def test_job_result_is_reported_and_screen_reloads(make, monkeypatch):
    from research.tui import services

    monkeypatch.setattr(
        services, "run_themes", lambda project, progress, loe=None: "fitted 3 themes"
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await settle(pilot)
        assert app.job_title == ""
        assert any("fitted 3 themes" in n.message for n in app._notifications)


def test_heavy_libraries_stay_out_of_first_paint(tui_dir):
    """Import the app and paint every screen: no torch, spaCy, Presidio or BERTopic loaded."""
    code = f"""
import asyncio, sys
from research.tui.app import make_app
async def main():
    app = make_app({str(tui_dir)!r})
    async with app.run_test(size=(120, 36)) as pilot:
        for key in ("f2", "f3", "f4", "f5", "f1"):
            await pilot.press(key)
asyncio.run(main())
heavy = [m for m in ("torch", "spacy", "presidio_analyzer", "bertopic", "sentence_transformers") if m in sys.modules]
print("HEAVY", heavy)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr[-2000:]
