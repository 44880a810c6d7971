"""`research init`, `research status` and `research demo`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from research.cli.app import JsonOpt, ProjectOpt, open_project


def init(
    directory: Annotated[Path, typer.Argument(help="Directory for the new project.")],
    name: Annotated[str | None, typer.Option("--name", help="Project name.")] = None,
) -> None:
    """Create a project: research.toml, the default codebook.yaml and an empty project.db."""
    from research.project import init_project

    proj = init_project(directory, name)
    typer.echo(f"created project {proj.settings.name!r} in {proj.root}")
    typer.echo("next: `research import FILE... --attr group=... --attr authority=...`")
    proj.close()


def status(project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """List sources and what has been done to them, and the sign-off state."""
    from research.status import project_status, render_status

    with open_project(project) as proj:
        data = project_status(proj)
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        typer.echo(render_status(data))


def demo(
    out: Annotated[Path, typer.Option("--out", help="Where to build the demo project.")] = Path(
        "demo-project"
    ),
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing demo project at --out.")
    ] = False,
) -> None:
    """Build a project from the bundled demo corpus and run the pipeline on it."""
    from research.demo import run_demo

    run_demo(out, force=force, echo=typer.echo)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("status")(status)
    app.command("demo")(demo)
