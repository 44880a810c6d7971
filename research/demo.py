"""`research demo`: build a project from the bundled demo corpus and run every stage on it."""

from __future__ import annotations

import os
import shutil
import time
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from research.errors import ProjectError
from research.project import CONFIG_NAME, init_project

DEMO_PASSPHRASE = "demo-passphrase"


def demo_dir() -> Path:
    return Path(str(resources.files("research.corpora").joinpath("demo")))


def demo_manifest() -> list[dict]:
    return tomllib.loads((demo_dir() / "manifest.toml").read_text(encoding="utf-8"))["source"]


def _prepare(out: Path, force: bool) -> None:
    if out.exists():
        if (out / CONFIG_NAME).exists() and force:
            shutil.rmtree(out)
        elif any(out.iterdir()) if out.is_dir() else True:
            hint = " (use --force to replace it)" if (out / CONFIG_NAME).exists() else ""
            raise ProjectError(f"{out}: exists and is not empty{hint}")


def run_demo(out: str | Path, *, force: bool = False, echo: Callable[[str], None] = print) -> Path:
    """Import, anonymise, code, theme and export the demo corpus into OUT."""
    from research.anonymise.ingest import import_file
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import PASSPHRASE_ENV, Vault
    from research.cli.progress import progress_bar
    from research.export.audit import write_audit
    from research.export.transcripts import export_transcripts

    out = Path(out)
    _prepare(out, force)
    t0 = time.perf_counter()
    passphrase = os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE
    # the study's own name is said in the sessions; it identifies nobody, so it is allowed
    project = init_project(
        out, name="Demo: Spotlight on Inclusion (fictional)", allow=["Spotlight on Inclusion"]
    )
    echo(f"demo project: {project.root}")
    if not os.environ.get(PASSPHRASE_ENV):
        echo(
            f"vault passphrase for this demo: {DEMO_PASSPHRASE!r} (set {PASSPHRASE_ENV} to use your own)"
        )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    try:
        for src in demo_manifest():
            imported = import_file(
                project,
                vault,
                demo_dir() / src["file"],
                label=src["label"],
                attrs=src.get("attrs", {}),
                facilitators=[src["facilitator"]] if src.get("facilitator") else None,
                kind=src.get("kind"),
            )
            echo(
                f"  imported {imported.label:<6} {imported.format:<11} {imported.n_turns:>3} turns {imported.n_words:>5} words"
            )
        with progress_bar("Anonymising (words)") as update:
            summary = anonymise_project(project, vault, progress=update)
        rate = summary.words / summary.detect_seconds if summary.detect_seconds else 0
        echo(
            f"anonymised {len(summary.detected_sources)} sources: {summary.applied} replacements, "
            f"{summary.residual} residual findings, {summary.pending_review} pending review "
            f"(detection {rate:,.0f} words/s)"
        )
    finally:
        vault.close()
    from research.coding.service import codes_per_source_table, run_auto_coding
    from research.export.all import write_all_exports
    from research.themes.run import run_themes

    with progress_bar("Auto-coding (segments)") as update:
        coding = run_auto_coding(project, progress=update)
    echo(coding.render())
    echo(codes_per_source_table(project))
    with progress_bar("Themes (lines of enquiry)") as update:
        themes = run_themes(project, progress=update)
    for entry in themes["lines_of_enquiry"]:
        echo(f"  {entry['loe']:<12} {entry['segments']:>4} segments -> {entry['themes']} themes")

    exports = project.exports_dir
    transcripts = export_transcripts(project, "txt", exports / "transcripts")
    audit = write_audit(project, exports / "audit.html")
    write_audit(project, exports / "audit.csv")
    written = write_all_exports(project, exports)
    echo(f"anonymised transcripts: {transcripts[0].parent}/ ({len(transcripts)} files)")
    echo(f"anonymisation audit:    {audit} (and audit.csv)")
    for path in written:
        echo(f"export:                 {path}")
    echo(
        "every export says NOT SIGNED OFF until the ethics lead reviews and runs `research signoff`"
    )
    echo(f"done in {time.perf_counter() - t0:.0f} s.")
    echo(
        f"next: `research status --project {out}`   or the terminal UI: `research tui --project {out}`"
    )
    project.close()
    return out
