"""`write_all_exports`: every export this package owns, into one directory (used by the demo)."""

from __future__ import annotations

from pathlib import Path

from research.project import Project


def write_all_exports(project: Project, out_dir: str | Path) -> list[Path]:
    """Quote sheets (xlsx, csv, docx), report (md, docx), REFI-QDA and the transparency record."""
    from research.export.quotes import export_quotes
    from research.export.refi import export_refi
    from research.export.report import export_report
    from research.export.transparency import export_transparency
    from research.themes.store import active_themes

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if active_themes(project.db):
        for fmt in ("xlsx", "csv", "docx"):
            paths.append(export_quotes(project, out / f"quotes.{fmt}", fmt))
        for fmt in ("md", "docx"):
            paths.append(export_report(project, out / f"report.{fmt}", fmt))
    paths.append(export_refi(project, out / "study.qdpx"))
    paths.append(export_transparency(project, out / "transparency.md", "md"))
    return paths
