"""`research tui [--project DIR]`: the Textual terminal UI."""

from __future__ import annotations

import os

import typer

from research.cli.app import ProjectOpt


def tui(project: ProjectOpt = None) -> None:
    """Open the terminal UI: project, review, coding, themes and export screens (? for keys)."""
    from research.project import find_project
    from research.tui.app import make_app

    root = find_project(project or os.environ.get("RESEARCH_PROJECT") or None).root
    make_app(root).run()


def register(app: typer.Typer) -> None:
    app.command("tui")(tui)
