"""The typer application objects and options shared by every command module."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="research",
    help=(
        "Anonymise, code and theme focus-group transcripts, offline.\n\n"
        "Start with `research demo`, or `research init DIR` then `research import FILE...`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(
    help="Write exports built from anonymised data only.", no_args_is_help=True
)
app.add_typer(export_app, name="export")

ProjectOpt = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="Project directory (default: $RESEARCH_PROJECT or the current directory).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def open_project(path: Path | None):
    """The project named by --project, $RESEARCH_PROJECT or the current directory."""
    from research.project import find_project

    return find_project(path or os.environ.get("RESEARCH_PROJECT") or None)


def open_vault(project, *, create: bool = False):
    """Unlock the project's vault with $RESEARCH_PASSPHRASE or a prompt."""
    from research.anonymise.vault import Vault, passphrase_from_env_or_prompt

    creating = create and not project.vault_path.exists()
    passphrase = passphrase_from_env_or_prompt(confirm=creating)
    return Vault.open(project.vault_path, passphrase, create=create)
