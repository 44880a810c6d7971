"""`research inspect` and `research import`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from research.cli.app import JsonOpt, ProjectOpt, open_project, open_vault


def inspect(
    file: Annotated[Path, typer.Argument(help="A transcript file (.vtt, .docx, .txt, .srt).")],
    as_json: JsonOpt = False,
) -> None:
    """Show what a reader makes of FILE, without importing it (the file stays on your machine).

    Prints the detected format, the speakers and the number of turns; with --json, every turn.
    """
    from research.corpora.load import read_transcript

    transcript = read_transcript(file)
    if as_json:
        typer.echo(json.dumps(transcript.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"file:     {file}")
    typer.echo(f"format:   {transcript.format}")
    typer.echo(f"turns:    {len(transcript.utterances)}")
    typer.echo(f"words:    {transcript.word_count}")
    typer.echo(f"speakers: {len(transcript.speakers)}")
    for name in transcript.speakers:
        n = sum(1 for u in transcript.utterances if u.speaker == name)
        typer.echo(f"  {name}  ({n} turns)")


def import_(
    files: Annotated[list[Path], typer.Argument(help="Transcript files to add to the project.")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="Label for the source (default: file stem; one file only)."),
    ] = None,
    attr: Annotated[
        list[str] | None,
        typer.Option(
            "--attr", help="Group attribute key=value, e.g. authority=district (repeatable)."
        ),
    ] = None,
    facilitator: Annotated[
        list[str] | None,
        typer.Option(
            "--facilitator", help="Display name of a facilitator in the file (repeatable)."
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="e.g. 'focus group' or 'interview'.")
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """Add transcripts to the project. Originals go to the encrypted vault; nothing else is kept.

    Every file is read and checked before anything is written, so one bad file imports none.
    """
    from research.anonymise.ingest import import_file, parse_attrs
    from research.corpora.load import read_transcript
    from research.errors import InputError

    if name and len(files) > 1:
        raise InputError(None, "--name labels one file; import several files without it")
    attrs = parse_attrs(attr)
    for f in files:  # check them all first: one bad file imports none
        read_transcript(f)
    seen: set[Path] = set()
    for f in files:
        if f.resolve() in seen:
            raise InputError(f, "given twice on the command line")
        seen.add(f.resolve())
    proj = open_project(project)
    vault = open_vault(proj, create=True)
    try:
        for f in files:
            src = import_file(
                proj, vault, f, label=name, attrs=attrs, facilitators=facilitator, kind=kind
            )
            typer.echo(
                f"imported {src.label}: {src.format}, {src.n_turns} turns, "
                f"{src.n_speakers} speakers, {src.n_words} words"
            )
    finally:
        vault.close()
        proj.close()
    typer.echo("next: `research anonymise`")


def register(app: typer.Typer) -> None:
    app.command("inspect")(inspect)
    app.command("import")(import_)
