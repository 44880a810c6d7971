"""Draft report sections: numbered paragraphs, bold attributed quotes, sign-off header."""

from __future__ import annotations

import re

from themed_project import FACILITATOR_TEXT

from research.export.report import export_report


def test_markdown_sections_and_numbered_paragraphs(themed, tmp_path):
    text = export_report(themed, tmp_path / "r.md", "md").read_text(encoding="utf-8")
    assert "Sign-off: NOT SIGNED OFF" in text.splitlines()[3]
    assert "## 6 Recruitment" in text and "## 7 Progression" in text
    numbers = re.findall(r"^(\d+\.\d+) ", text, flags=re.M)
    assert numbers == ["6.1", "6.2", "6.3", "7.1", "7.2"]
    assert "raised in 3 of 4 groups" in text
    assert FACILITATOR_TEXT not in text


def test_starred_quotes_replace_the_top_ones_with_attribution(themed, tmp_path):
    text = export_report(themed, tmp_path / "r.md", "md").read_text(encoding="utf-8")
    panel = text.split("6.1 ")[1].split("6.2 ")[0]
    quotes = re.findall(r"> \*\*“(.+?)”\*\* \((.+?)\)", panel)
    assert len(quotes) == 1  # only the starred one
    seg105 = themed.db.execute("SELECT text FROM segments WHERE id = 105").fetchone()[0]
    assert quotes[0] == (seg105, "participant, over-50s group, county council")
    other = text.split("6.2 ")[1].split("6.3 ")[0]
    assert len(re.findall(r"> \*\*“", other)) == 2  # no star: the top two


def test_docx_report_has_numbered_paragraphs_and_bold_quotes(themed, tmp_path):
    from docx import Document

    doc = Document(export_report(themed, tmp_path / "r.docx", "docx", first_section=4))
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("Sign-off:") for t in texts)
    assert any(t.startswith("4.1 ") for t in texts) and any(t.startswith("5.2 ") for t in texts)
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert bold and all(b.startswith("“") for b in bold)
