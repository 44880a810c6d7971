"""Transparency record, write_all_exports and the export/themes CLI (no vault anywhere)."""

from __future__ import annotations

import json

from research.export.all import write_all_exports
from research.export.transparency import export_transparency


def test_transparency_record_names_steps_models_and_signoff(themed, tmp_path):
    text = export_transparency(themed, tmp_path / "t.md").read_text(encoding="utf-8")
    for step in ["Detection", "Pseudonymisation", "Auto-coding", "Topic modelling"]:
        assert step in text
    assert "presidio-analyzer" in text and "bertopic" in text
    assert "human review" in text
    assert text.rstrip().endswith("NOT SIGNED OFF: the anonymised corpus has not been reviewed")
    record = json.loads(export_transparency(themed, tmp_path / "t.json", "json").read_text())
    topic = record["steps"][-1]
    assert topic["in_this_project"]["recruitment"]["segments"] == 9
    assert "quotes.star: 1" in topic["human_review"]


def test_write_all_exports_needs_no_vault(themed, tmp_path):
    paths = write_all_exports(themed, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(
        [
            "quotes.xlsx",
            "quotes.csv",
            "quotes.docx",
            "report.md",
            "report.docx",
            "study.qdpx",
            "transparency.md",
        ]  # fmt: skip
    )
    assert all(p.stat().st_size > 0 for p in paths)
    assert not themed.vault_path.exists()


def test_cli_exports_and_quote_stars(themed, run_cli, monkeypatch):
    monkeypatch.setenv("RESEARCH_PROJECT", str(themed.root))
    themed.close()
    code, out, err = run_cli("export", "report", "--format", "md")
    assert code == 0, err
    assert (themed.root / "exports" / "report.md").exists()
    code, out, _ = run_cli("quotes", "unstar", "105")
    assert code == 0 and "unstarred segment 105" in out
    code, out, _ = run_cli("quotes", "star", "100")
    assert code != 0
    code, out, _ = run_cli("themes", "list", "--json")
    rows = json.loads(out)
    assert {r["loe"] for r in rows} == {"recruitment", "progression"}
    code, out, _ = run_cli("themes", "rename", str(rows[0]["id"]), "My label")
    assert code == 0
    code, out, _ = run_cli("export", "refi", "--out", str(themed.root / "x.qdpx"))
    assert code == 0 and (themed.root / "x.qdpx").exists()
    for cmd in ["quotes", "transparency"]:
        code, _, err = run_cli("export", cmd)
        assert code == 0, err
