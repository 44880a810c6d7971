"""`research code ...`, `research codebook check`, `research agreement`, `research export codings`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from research.cli.app import JsonOpt, ProjectOpt, export_app, open_project

code_app = typer.Typer(
    help="Code segments against the codebook: the tool suggests, the researcher decides.",
    invoke_without_command=True,
    no_args_is_help=False,
)
codebook_app = typer.Typer(help="The project's codebook (codebook.yaml).", no_args_is_help=True)

CoderOpt = Annotated[
    str | None,
    typer.Option("--coder", help="Who is coding (default: $RESEARCH_CODER or your login name)."),
]
SegmentArg = Annotated[int, typer.Argument(help="Segment id (see `research code list`).")]
CodeArg = Annotated[str, typer.Argument(help="Code id or name from the codebook.")]
MemoOpt = Annotated[str | None, typer.Option("--memo", help="A note on this decision.")]


@code_app.callback()
def code(
    ctx: typer.Context,
    auto: Annotated[
        bool, typer.Option("--auto", help="Suggest codes for every participant segment.")
    ] = False,
    coder: Annotated[
        str | None,
        typer.Option("--coder", help="Name the suggestions are stored under (default: auto)."),
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """Suggest codes (--auto), or apply, remove, accept, reject and list codings."""
    if ctx.invoked_subcommand is not None:
        return
    if not auto:
        typer.echo(ctx.get_help())
        return
    from research.cli.progress import progress_bar
    from research.coding.service import run_auto_coding

    proj = open_project(project)
    try:
        with progress_bar("auto-coding") as update:
            summary = run_auto_coding(proj, progress=update, coder=coder or "auto")
        typer.echo(summary.render())
        typer.echo(
            "next: review with `research code list`, then `research code accept|reject SEGMENT CODE`"
        )
    finally:
        proj.close()


def _with_codebook(project):
    from research.coding.service import prepare

    proj = open_project(project)
    return proj, prepare(proj)


def _show(row: dict) -> str:
    conf = "" if row.get("confidence") is None else f" ({row['confidence']:.2f})"
    return f"segment {row['segment_id']}: {row['code_id']} {row['status']} by {row['coder']} [{row['method']}]{conf}"


@code_app.command("apply")
def apply_(segment: SegmentArg, code_ref: CodeArg, memo: MemoOpt = None, coder: CoderOpt = None,
           project: ProjectOpt = None) -> None:  # fmt: skip
    """Apply CODE to SEGMENT by hand."""
    from research.coding.manual import apply_code

    proj, book = _with_codebook(project)
    try:
        typer.echo(_show(apply_code(proj, book, segment, code_ref, coder=coder, memo=memo)))
    finally:
        proj.close()


@code_app.command("remove")
def remove(
    segment: SegmentArg, code_ref: CodeArg, coder: CoderOpt = None, project: ProjectOpt = None
) -> None:
    """Remove your CODE from SEGMENT."""
    from research.coding.manual import remove_code, resolve_coder

    proj, book = _with_codebook(project)
    try:
        remove_code(proj, book, segment, code_ref, coder=coder)
        typer.echo(
            f"segment {segment}: {book.resolve(code_ref).id} removed for {resolve_coder(coder)}"
        )
    finally:
        proj.close()


@code_app.command("accept")
def accept(segment: SegmentArg, code_ref: CodeArg, memo: MemoOpt = None, coder: CoderOpt = None,
           project: ProjectOpt = None) -> None:  # fmt: skip
    """Accept the tool's suggestion of CODE for SEGMENT."""
    from research.coding.manual import decide

    proj, book = _with_codebook(project)
    try:
        typer.echo(
            _show(decide(proj, book, segment, code_ref, accept=True, coder=coder, memo=memo))
        )
    finally:
        proj.close()


@code_app.command("reject")
def reject(segment: SegmentArg, code_ref: CodeArg, memo: MemoOpt = None, coder: CoderOpt = None,
           project: ProjectOpt = None) -> None:  # fmt: skip
    """Reject the tool's suggestion of CODE for SEGMENT."""
    from research.coding.manual import decide

    proj, book = _with_codebook(project)
    try:
        typer.echo(
            _show(decide(proj, book, segment, code_ref, accept=False, coder=coder, memo=memo))
        )
    finally:
        proj.close()


@code_app.command("list")
def list_(
    source: Annotated[
        str | None, typer.Option("--source", help="Only this source (label).")
    ] = None,
    uncoded: Annotated[
        bool, typer.Option("--uncoded", help="Only segments nobody has coded.")
    ] = False,
    facilitators: Annotated[
        bool, typer.Option("--facilitators", help="Include facilitator turns.")
    ] = False,
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """List segments with their codes (anonymised text)."""
    from research.coding.manual import list_segments

    proj, _ = _with_codebook(project)
    try:
        rows = list_segments(proj, source=source, uncoded=uncoded, facilitators=facilitators)
    finally:
        proj.close()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        codes = (
            ", ".join(
                f"{c['code_id']}({c['coder']}:{c['status']}"
                + (f" {c['confidence']:.2f}" if c["confidence"] is not None else "")
                + ")"
                for c in r["codings"]
            )
            or "-"
        )
        text = r["text"] if len(r["text"]) <= 100 else r["text"][:97] + "..."
        typer.echo(f"{r['id']:>6}  {r['source']}  {r['speaker'] or '?':<5} {codes}\n        {text}")
    typer.echo(f"{len(rows)} segments")


@codebook_app.command("check")
def codebook_check(project: ProjectOpt = None) -> None:
    """Validate codebook.yaml; errors name the line."""
    from research.coding.service import project_codebook

    proj = open_project(project)
    try:
        book = project_codebook(proj)
    finally:
        proj.close()
    for c in book.codes:
        indent = "  " if c.parent_id else ""
        typer.echo(f"{indent}{c.id:<16} {c.colour}  {c.name}  ({len(c.examples)} examples)")
    typer.echo(f"codebook OK: {len(book)} codes, {len(book.top_level)} top-level")


def agreement_cmd(
    coders: Annotated[
        str, typer.Option("--coders", help="Two coders, e.g. alice,auto (auto = the tool).")
    ],
    as_json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Cohen's kappa, Krippendorff's alpha and % agreement per code and overall, over all segments."""
    from research.coding.agreement import agreement, render_agreement
    from research.coding.manual import CodingError, coder_codes
    from research.coding.manual import coders as known_coders

    names = [c.strip() for c in coders.split(",") if c.strip()]
    if len(names) != 2 or names[0] == names[1]:
        raise CodingError("--coders takes two different names, e.g. --coders alice,auto")
    proj, book = _with_codebook(project)
    try:
        db = proj.db
        have = known_coders(db)
        for n in names:
            if n not in have:
                raise CodingError(f"no codings by {n!r} (coders: {', '.join(have) or 'none yet'})")
        segs = [
            r[0] for r in db.execute("SELECT id FROM segments WHERE is_facilitator = 0 ORDER BY id")
        ]
        rep = agreement(
            segs, coder_codes(db, names[0]), coder_codes(db, names[1]), book.ids, *names
        )
    finally:
        proj.close()
    typer.echo(json.dumps(rep.to_dict(), indent=2) if as_json else render_agreement(rep))


def export_codings_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or xlsx.")] = "csv",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File to write (default exports/codings.FMT)."),
    ] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder's codings.")] = None,
    project: ProjectOpt = None,
) -> None:
    """One row per segment: source, segment, speaker, start, text, codes, confidence, coder, method,
    theme (the segment's theme in each code's line of enquiry, once themes have been run)."""
    from research.coding.exporting import export_codings
    from research.signoff_state import signoff_state
    from research.themes.store import theme_labels_for_segments

    proj, _ = _with_codebook(project)
    try:
        path = export_codings(proj, fmt, out, coder, theme_labels_for_segments(proj.db))
        state = signoff_state(proj.db)
    finally:
        proj.close()
    typer.echo(f"wrote {path}")
    if not state["valid"]:
        typer.echo(f"warning: {state['summary']}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(code_app, name="code")
    app.add_typer(codebook_app, name="codebook")
    app.command("agreement")(agreement_cmd)
    export_app.command("codings")(export_codings_cmd)
