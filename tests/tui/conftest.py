"""TUI fixtures: the fixed project (built once, copied per test), an app factory, helpers."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tui_project  # noqa: E402

SIZE = (120, 36)
CODER = "tester"


@pytest.fixture(scope="session")
def tui_template(tmp_path_factory) -> Path:
    return tui_project.build(tmp_path_factory.mktemp("tui-template") / "project")


@pytest.fixture
def tui_dir(tui_template, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the fixed project; coder name fixed, no passphrase in the environment."""
    monkeypatch.setenv("RESEARCH_CODER", CODER)
    monkeypatch.delenv("RESEARCH_PASSPHRASE", raising=False)
    dest = tmp_path / "project"
    shutil.copytree(tui_template, dest)
    return dest


@pytest.fixture
def make(tui_dir):
    """make(passphrase=None) -> a ResearchApp on the fixed project."""
    from research.tui.app import make_app

    return lambda passphrase=None: make_app(tui_dir, passphrase)


@pytest.fixture
def db(tui_dir):
    """Read the project database as the tests' own connection (sees committed writes)."""
    import sqlite3

    conn = sqlite3.connect(tui_dir / "project.db")
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


async def settle(pilot) -> None:
    """Wait for workers and the messages they post (a write, a job, the vault)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def no_blink(app) -> None:
    """Stop cursor blink on the current screen so snapshots are stable."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
