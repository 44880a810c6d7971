"""`research export quotes|report|refi|transparency`: built from project.db only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli.app import ProjectOpt, export_app, open_project

OutOpt = Annotated[Path | None, typer.Option("--out", help="File to write (default: in exports/).")]


def quotes_cmd(
    fmt: Annotated[str, typer.Option("--format", help="xlsx, csv or docx.")] = "xlsx",
    out: OutOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Themed quote sheet: one sheet or section per line of enquiry, with the sign-off status."""
    from research.export.quotes import export_quotes

    with open_project(project) as proj:
        path = export_quotes(proj, out or proj.exports_dir / f"quotes.{fmt}", fmt)
    typer.echo(f"wrote {path}")


def report_cmd(
    fmt: Annotated[str, typer.Option("--format", help="md or docx.")] = "md",
    out: OutOpt = None,
    first_section: Annotated[
        int, typer.Option("--section", help="Number of the first section.")
    ] = 6,
    project: ProjectOpt = None,
) -> None:
    """Draft report sections with numbered paragraphs and attributed quotes."""
    from research.export.report import export_report

    with open_project(project) as proj:
        path = export_report(proj, out or proj.exports_dir / f"report.{fmt}", fmt, first_section)
    typer.echo(f"wrote {path}")


def refi_cmd(out: OutOpt = None, project: ProjectOpt = None) -> None:
    """REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder."""
    from research.export.refi import export_refi

    with open_project(project) as proj:
        path = export_refi(proj, out or proj.exports_dir / "study.qdpx")
    typer.echo(f"wrote {path}")


def transparency_cmd(
    fmt: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
    out: OutOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Transparency record: automated steps, models, parameters, human review, sign-off."""
    from research.export.transparency import export_transparency

    with open_project(project) as proj:
        path = export_transparency(proj, out or proj.exports_dir / f"transparency.{fmt}", fmt)
    typer.echo(f"wrote {path}")


def register(app: typer.Typer) -> None:
    export_app.command("quotes")(quotes_cmd)
    export_app.command("report")(report_cmd)
    export_app.command("refi")(refi_cmd)
    export_app.command("transparency")(transparency_cmd)
