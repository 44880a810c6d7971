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


def test_short_quotes_only_when_a_theme_has_no_readable_one_and_marked(themed, tmp_path):
    db = themed.db
    theme = db.execute("SELECT theme_id FROM theme_members WHERE segment_id = 102").fetchone()[0]
    members = [r[0] for r in db.execute("SELECT segment_id FROM theme_members WHERE theme_id = ?",
                                        (theme,))]  # fmt: skip
    db.execute("DELETE FROM quote_stars")
    for n, seg in enumerate(members):  # every quote of this theme is now under 15 words
        db.execute("UPDATE segments SET text = ? WHERE id = ?", (f"The form was long {n}.", seg))
    db.commit()
    text = export_report(themed, tmp_path / "r.md", "md").read_text(encoding="utf-8")
    quotes = re.findall(r"> \*\*“(.+?)”\*\* \((.+?)\)", text)
    short = [(q, who) for q, who in quotes if len(q.split()) < 15]
    assert len(short) == 1 and "short quote, 5 words" in short[0][1]
    assert all(15 <= len(q.split()) <= 120 for q, _ in quotes if (q, _) not in short)


def test_preferred_quotes_keep_stars_and_readable_ones_first():
    from research.export.common import QuoteRow, preferred_quotes

    def row(seg, words, starred=False):
        return QuoteRow("l", "L", 1, "T", "", "", seg, starred, seg, " ".join(["w"] * words),
                        "P01", "FG01", {}, "", "participant")  # fmt: skip

    rows = [row(1, 5, starred=True), row(2, 20), row(3, 4), row(4, 30), row(5, 200)]
    assert [q.segment_id for q in preferred_quotes(rows)] == [1, 2, 4]
    assert [q.segment_id for q in preferred_quotes(rows, 2)] == [1, 2]
    only_short = [row(7, 3), row(8, 9)]
    assert [q.segment_id for q in preferred_quotes(only_short)] == [7]
    assert preferred_quotes(only_short)[0].note.startswith("short quote, 3 words")
