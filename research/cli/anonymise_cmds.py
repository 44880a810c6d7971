"""`research anonymise`, `research review ...`, `research signoff`, `research audit`, transcripts export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from research.cli.app import JsonOpt, ProjectOpt, export_app, open_project, open_vault

review_app = typer.Typer(
    help="The ethics lead's review of what anonymisation found.", no_args_is_help=True
)
ReviewerOpt = Annotated[
    str | None, typer.Option("--reviewer", help="Who decides (default: $RESEARCH_CODER or $USER).")
]


def anonymise(project: ProjectOpt = None) -> None:
    """Anonymise every imported source not yet anonymised (needs the passphrase).

    Detects people, councils, places, e-mails, phones and IDs; replaces them with consistent
    pseudonyms across the project; scans the result again and flags what it still finds.
    """
    from research.anonymise.run import anonymise_project
    from research.cli.progress import progress_bar

    with open_project(project) as proj:
        vault = open_vault(proj)
        try:
            with progress_bar("Anonymising (words)") as update:
                s = anonymise_project(proj, vault, progress=update)
        finally:
            vault.close()
    if s.detected_sources:
        rate = s.words / s.detect_seconds if s.detect_seconds else 0
        typer.echo(
            f"detected in {len(s.detected_sources)} new source(s): {s.words} words at {rate:,.0f} words/s"
        )
    else:
        typer.echo("no new sources; decisions re-applied to the whole project")
    typer.echo(
        f"replacements in force: {s.applied} ({', '.join(f'{k} {v}' for k, v in sorted(s.by_type.items()))})"
    )
    typer.echo(f"residual findings (redacted, flagged): {s.residual}")
    typer.echo(f"pending review: {s.pending_review}  ->  `research review list --pending`")


def review_list(
    project: ProjectOpt = None,
    pending: Annotated[
        bool, typer.Option("--pending", help="Only items awaiting a decision.")
    ] = False,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, PLACE, EMAIL, PHONE, ID...")
    ] = None,
    recognizer: Annotated[str | None, typer.Option("--recognizer")] = None,
    decision: Annotated[
        str | None, typer.Option("--decision", help="auto, pending, accepted, rejected, added")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source label.")] = None,
    originals: Annotated[
        bool,
        typer.Option(
            "--originals", help="Show originals beside replacements (needs the passphrase)."
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List detections with their anonymised context."""
    from research.anonymise.review import list_detections

    with open_project(project) as proj:
        vault = open_vault(proj) if originals else None
        try:
            items = list_detections(
                proj,
                vault,
                pending=pending,
                entity_type=entity_type.upper() if entity_type else None,
                recognizer=recognizer,
                decision=decision,
                source=source,
            )
        finally:
            if vault:
                vault.close()
    if as_json:
        typer.echo(json.dumps([i.__dict__ for i in items], ensure_ascii=False, indent=2))
        return
    for i in items:
        orig = f"  [{i.original}]" if i.original is not None else ""
        typer.echo(
            f"{i.id:>6}  {i.source:<10} t{i.utt_idx:<4} {i.entity_type:<8} {i.score:.2f} {i.decision:<8} "
            f"{i.recognizer:<18} {i.replacement or '(kept)'}{orig}  {i.context}"
        )
    typer.echo(f"{len(items)} item(s)")


EverywhereOpt = Annotated[
    bool,
    typer.Option(
        "--everywhere",
        "-e",
        help="Decide every occurrence of the same words (any case, any source), and the same"
        " words in sources detected later.",
    ),
]


def _decide(ids: list[int], decision: str, project, reviewer, everywhere: bool) -> None:
    from research.anonymise.review import decide

    with open_project(project) as proj:
        vault = open_vault(proj)
        try:
            stats = decide(proj, vault, ids, decision, reviewer, everywhere=everywhere)
        finally:
            vault.close()
    for i in ids:
        typer.echo(f"{decision} {i}")
    if everywhere:
        typer.echo(
            f"{stats['decided']} detection(s) of the same words {decision};"
            " the decision holds for sources imported later"
        )


def review_accept(
    ids: Annotated[list[int], typer.Argument(help="Detection ids.")],
    project: ProjectOpt = None,
    reviewer: ReviewerOpt = None,
    everywhere: EverywhereOpt = False,
) -> None:
    """Accept detections: the redaction stays."""
    _decide(ids, "accepted", project, reviewer, everywhere)


def review_reject(
    ids: Annotated[list[int], typer.Argument(help="Detection ids.")],
    project: ProjectOpt = None,
    reviewer: ReviewerOpt = None,
    everywhere: EverywhereOpt = False,
) -> None:
    """Reject detections: the original words are put back (e.g. a public reference)."""
    _decide(ids, "rejected", project, reviewer, everywhere)


def review_add(
    text: Annotated[str, typer.Argument(help="Text to redact everywhere it occurs (any case).")],
    entity_type: Annotated[
        str, typer.Option("--type", help="PERSON, ORG, PLACE, EMAIL, PHONE, ID, POSTCODE.")
    ] = "PERSON",
    project: ProjectOpt = None,
    reviewer: ReviewerOpt = None,
) -> None:
    """Redact TEXT everywhere in the project, now and in sources imported later."""
    from research.anonymise.review import add_redaction

    with open_project(project) as proj:
        vault = open_vault(proj)
        try:
            rule = add_redaction(proj, vault, text, entity_type, reviewer)
            n = proj.db.execute(
                "SELECT COUNT(*) FROM detections WHERE recognizer = ?", (f"rule:{rule}",)
            ).fetchone()[0]
        finally:
            vault.close()
    typer.echo(f"redaction rule {rule} added: {n} occurrence(s) redacted")


def signoff(
    reviewer: Annotated[str, typer.Option("--reviewer", help="The ethics lead signing off.")],
    note: Annotated[
        str | None, typer.Option("--note", help="A note recorded with the sign-off.")
    ] = None,
    allow_pending: Annotated[
        bool, typer.Option("--allow-pending", help="Sign off although items await review.")
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Sign the anonymised corpus off: records reviewer, time and its SHA-256."""
    from research.anonymise.signoff import sign_off

    with open_project(project) as proj:
        state = sign_off(proj, reviewer, note, allow_pending)
    typer.echo(state["summary"])


audit_app = typer.Typer(
    help="The anonymisation audit: write the report (--out), or verify the audit chain.",
    invoke_without_command=True,
)


@audit_app.callback()
def audit(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="FILE.html or FILE.csv")] = None,
    originals: Annotated[
        bool,
        typer.Option(
            "--originals",
            help="Include originals beside replacements (needs the passphrase; keep the file safe).",
        ),
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Write the anonymisation audit for the ethics lead (`research audit --out FILE`)."""
    if ctx.invoked_subcommand is not None:
        return
    if out is None:
        raise typer.BadParameter("give --out FILE.html or FILE.csv, or run `research audit verify`")
    from research.export.audit import write_audit

    with open_project(project) as proj:
        vault = open_vault(proj) if originals else None
        try:
            path = write_audit(proj, out, vault)
        finally:
            if vault:
                vault.close()
    typer.echo(
        f"wrote {path}" + ("  (contains originals: keep it with the vault)" if originals else "")
    )


@audit_app.command("verify")
def audit_verify(project: ProjectOpt = None) -> None:
    """Check the audit records and sign-offs against their hash chain; exit 1 if anything was
    changed, removed or added behind the tool's back."""
    from research.store.chain import head, verify

    with open_project(project) as proj:
        problems = verify(proj.db)
        n = proj.db.execute("SELECT COUNT(*) FROM audit_chain").fetchone()[0]
        top = head(proj.db)
    if not problems:
        typer.echo(f"audit chain intact: {n} entries, head {top}")
        return
    for p in problems[:50]:
        typer.echo(f"TAMPERED {p}")
    if len(problems) > 50:
        typer.echo(f"... and {len(problems) - 50} more")
    typer.echo(f"audit chain BROKEN: {len(problems)} problem(s) in {n} entries")
    raise typer.Exit(1)


def export_transcripts_cmd(
    fmt: Annotated[str, typer.Option("--format", help="txt, vtt or docx")] = "txt",
    out: Annotated[
        Path | None, typer.Option("--out", help="Directory (default: exports/transcripts).")
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """One anonymised transcript per source, named <label>.<ext>."""
    from research.export.transcripts import export_transcripts

    with open_project(project) as proj:
        paths = export_transcripts(proj, fmt, out or proj.exports_dir / "transcripts")
    for p in paths:
        typer.echo(f"wrote {p}")


def register(app: typer.Typer) -> None:
    app.command("anonymise")(anonymise)
    review_app.command("list")(review_list)
    review_app.command("accept")(review_accept)
    review_app.command("reject")(review_reject)
    review_app.command("add")(review_add)
    app.add_typer(review_app, name="review")
    app.command("signoff")(signoff)
    app.add_typer(audit_app, name="audit")
    export_app.command("transcripts")(export_transcripts_cmd)
