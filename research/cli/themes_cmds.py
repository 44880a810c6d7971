"""`research themes [--loe CODE]`, `research themes list|rename|merge|split|move`, `research quotes ...`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from research.cli.app import JsonOpt, ProjectOpt, open_project

themes_app = typer.Typer(
    help="Themes per line of enquiry: fit them, then rename, merge, split and move segments.",
    invoke_without_command=True,
    no_args_is_help=False,
)
quotes_app = typer.Typer(
    help="Candidate quotes per theme; star the ones you will use.", no_args_is_help=True
)

ThemeArg = Annotated[int, typer.Argument(help="Theme id (see `research themes list`).")]
SegmentArg = Annotated[int, typer.Argument(help="Segment id (see `research quotes list`).")]
LoeOpt = Annotated[
    str | None, typer.Option("--loe", help="Line of enquiry code id (default: all).")
]


def _embed(proj):
    from research.coding.embeddings import embed_texts

    return lambda texts: embed_texts(proj.db, texts)


@themes_app.callback()
def themes(
    ctx: typer.Context,
    loe: LoeOpt = None,
    threshold: Annotated[
        float,
        typer.Option("--threshold", help="Use auto-coder suggestions at or above this confidence."),
    ] = 0.5,
    project: ProjectOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Fit themes (BERTopic) per line of enquiry over its coded segments and store them.

    A re-fit keeps the themes it finds again, with their labels, merges, moved segments and
    starred quotes.
    """
    if ctx.invoked_subcommand is not None:
        return
    from research.cli.progress import progress_bar
    from research.themes.run import run_themes

    with open_project(project) as proj, progress_bar("fitting themes (lines of enquiry)") as update:
        summary = run_themes(proj, loe, progress=update, threshold=threshold)
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    for entry in summary["lines_of_enquiry"]:
        typer.echo(
            f"{entry['loe']}: {entry['segments']} segments, {entry['themes']} themes ({entry['seconds']} s)"
        )
        for label in entry.get("labels", []):
            typer.echo(f"  - {label}")
    typer.echo(
        "next: `research themes list`, `research quotes list THEME`, `research export quotes`"
    )


@themes_app.command("list")
def list_cmd(loe: LoeOpt = None, project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """List themes with keywords and prevalence."""
    from research.themes.prevalence import theme_prevalence
    from research.themes.store import active_themes

    with open_project(project) as proj:
        keys = proj.settings.attribution
        rows = [
            {"id": t["id"], "loe": t["loe"], "label": t["label"], "label_source": t["label_source"],
             "keywords": json.loads(t["keywords"]), "prevalence": theme_prevalence(proj.db, t["id"], keys)}
            for t in active_themes(proj.db, loe)
        ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no themes yet: run `research themes`")
    for r in rows:
        typer.echo(f"[{r['id']}] {r['loe']}: {r['label']}  ({r['prevalence']['summary']})")
        typer.echo(f"      keywords: {', '.join(r['keywords'][:8])}")


@themes_app.command("rename")
def rename_cmd(theme: ThemeArg, label: Annotated[str, typer.Argument(help="New label.")],
               project: ProjectOpt = None) -> None:  # fmt: skip
    """Give a theme your own label (kept across re-fits)."""
    from research.themes.ops import rename_theme

    with open_project(project) as proj:
        rename_theme(proj.db, theme, label)
    typer.echo(f"theme {theme} renamed")


@themes_app.command("merge")
def merge_cmd(
    themes_: Annotated[
        list[int], typer.Argument(metavar="THEMES...", help="Themes to merge away.")
    ],
    into: Annotated[int, typer.Option("--into", help="The theme they join.")],
    project: ProjectOpt = None,
) -> None:
    """Merge themes into another of the same line of enquiry (kept across re-fits)."""
    from research.themes.ops import merge_themes

    with open_project(project) as proj:
        merge_themes(proj.db, themes_, into, _embed(proj))
    typer.echo(f"merged {', '.join(map(str, themes_))} into {into}")


@themes_app.command("split")
def split_cmd(theme: ThemeArg, project: ProjectOpt = None) -> None:
    """Split a theme in two (the fitting clusterer on its members; kept across re-fits)."""
    from research.themes.ops import split_theme

    with open_project(project) as proj:
        new = split_theme(proj.db, theme, _embed(proj))
        label = proj.db.execute("SELECT label FROM themes WHERE id = ?", (new,)).fetchone()[0]
    typer.echo(f"theme {theme} split: new theme {new} ({label})")


@themes_app.command("move")
def move_cmd(
    segment: SegmentArg,
    to: Annotated[int, typer.Option("--to", help="Target theme id.")],
    project: ProjectOpt = None,
) -> None:
    """Move a segment to another theme of its line of enquiry (kept across re-fits)."""
    from research.themes.ops import move_segment

    with open_project(project) as proj:
        move_segment(proj.db, segment, to, _embed(proj))
    typer.echo(f"segment {segment} moved to theme {to}")


@quotes_app.command("list")
def quotes_list(theme: ThemeArg, project: ProjectOpt = None, as_json: JsonOpt = False) -> None:
    """Ranked candidate quotes of a theme (starred first), verbatim anonymised text."""
    from research.themes.store import theme_quotes

    with open_project(project) as proj:
        rows = [dict(r) for r in theme_quotes(proj.db, theme)]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        star = "*" if r["starred"] else " "
        typer.echo(f"{star} [{r['segment_id']}] #{r['rank']} {r['text']}")


@quotes_app.command("star")
def star_cmd(segment: SegmentArg, loe: LoeOpt = None, project: ProjectOpt = None) -> None:
    """Star a quote for the report and quote sheets (kept across re-fits)."""
    from research.themes.ops import star_quote

    with open_project(project) as proj:
        loes = star_quote(proj.db, segment, loe)
    typer.echo(f"starred segment {segment} ({', '.join(loes)})")


@quotes_app.command("unstar")
def unstar_cmd(segment: SegmentArg, loe: LoeOpt = None, project: ProjectOpt = None) -> None:
    """Remove a star."""
    from research.themes.ops import unstar_quote

    with open_project(project) as proj:
        loes = unstar_quote(proj.db, segment, loe)
    typer.echo(f"unstarred segment {segment} ({', '.join(loes)})")


def register(app: typer.Typer) -> None:
    app.add_typer(themes_app, name="themes")
    app.add_typer(quotes_app, name="quotes")
