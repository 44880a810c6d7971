"""Themed quote sheets: sheets per line of enquiry, columns, sign-off header, no facilitators."""

from __future__ import annotations

import csv

import pytest
from themed_project import FACILITATOR_TEXT, participant_texts

from research.errors import ProjectError
from research.export.quotes import export_quotes


def test_xlsx_has_one_sheet_per_line_of_enquiry_with_the_columns(themed, tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(export_quotes(themed, tmp_path / "q.xlsx", "xlsx"))
    assert wb.sheetnames == ["Recruitment", "Progression"]
    ws = wb["Recruitment"]
    assert ws["A3"].value.startswith("Sign-off: NOT SIGNED OFF")
    header = [c.value for c in ws[6]]
    for col in ["theme", "prevalence", "quote", "participant", "source", "group", "authority",
                "time", "starred"]:  # fmt: skip
        assert col in header
    rows = [dict(zip(header, [c.value for c in r], strict=False)) for r in ws.iter_rows(min_row=7)]
    assert len(rows) == 9
    starred = [r for r in rows if r["starred"] == "yes"]
    assert [r["participant"] for r in starred] == ["P03"]
    assert starred[0]["source"] == "FG02" and starred[0]["group"] == "over-50s"
    assert all(r["quote"] in participant_texts(themed) for r in rows)


def test_csv_and_docx_carry_the_signoff_and_no_facilitator_quotes(themed, tmp_path):
    from docx import Document

    path = export_quotes(themed, tmp_path / "q.csv", "csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("# Sign-off: NOT SIGNED OFF") for line in lines[:4])
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert {r["line of enquiry"] for r in rows} == {"Recruitment", "Progression"}
    assert len(rows) == 15
    assert FACILITATOR_TEXT not in path.read_text(encoding="utf-8")
    doc = Document(export_quotes(themed, tmp_path / "q.docx", "docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Sign-off: NOT SIGNED OFF" in text
    assert "Recruitment" in text and "Progression" in text
    assert FACILITATOR_TEXT not in text


def test_valid_signoff_appears_in_the_header(themed, tmp_path):
    themed.db.execute(
        "INSERT INTO signoffs (reviewer, signed_at, corpus_sha256) VALUES ('ethics', 't', ?)",
        ("ab" * 32,),
    )
    text = export_quotes(themed, tmp_path / "q.csv", "csv").read_text(encoding="utf-8")
    assert "# Sign-off: signed off by ethics" in text


def test_bad_format_and_no_themes_are_clear_errors(project, tmp_path):
    with pytest.raises(ProjectError, match="unknown quote sheet format"):
        export_quotes(project, tmp_path / "q.pdf", "pdf")
    with pytest.raises(ProjectError, match="no themes yet"):
        export_quotes(project, tmp_path / "q.csv", "csv")
