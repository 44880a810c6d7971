"""Transcript exports and the audit report: anonymised content, sign-off line, originals only on request."""

from __future__ import annotations

import csv

import pytest

from research.errors import ProjectError
from research.export.audit import write_audit
from research.export.transcripts import export_transcripts
from tests.anonymise.test_run import anonymised  # noqa: F401

ORIGINALS = ["Adaeze", "Oldbury", "Priya", "Chidi", "Okonkwo", "Elaine", "07700 900123", "Sandwell"]


@pytest.mark.parametrize("fmt", ["txt", "vtt", "docx"])
def test_transcripts_are_anonymised_one_file_per_source(anonymised, tmp_path, fmt):  # noqa: F811
    project, *_ = anonymised
    paths = export_transcripts(project, fmt, tmp_path / "out")
    assert sorted(p.name for p in paths) == [f"FG1.{fmt}", f"FG2.{fmt}"]
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(paths[0])).paragraphs)
    else:
        text = paths[0].read_text(encoding="utf-8")
    for original in ORIGINALS:
        assert original not in text
    assert "NOT SIGNED OFF" in text
    if fmt == "txt":
        lines = text.splitlines()[1:]
        assert lines[0].startswith("F1: Welcome everyone.")
        assert lines[1] == "P01: My cousin [Person 1] told me about it, she worked in [Place 1]."
    if fmt == "vtt":
        assert text.startswith("WEBVTT") and "<v P01>My cousin [Person 1]" in text


def test_unknown_format_is_refused(anonymised, tmp_path):  # noqa: F811
    project, *_ = anonymised
    with pytest.raises(ProjectError):
        export_transcripts(project, "pdf", tmp_path)


def test_audit_html_without_vault_has_no_originals(anonymised, tmp_path):  # noqa: F811
    project, *_ = anonymised
    html = write_audit(project, tmp_path / "audit.html").read_text(encoding="utf-8")
    for original in ORIGINALS:
        assert original not in html
    for heading in (
        "Per source",
        "Pending review",
        "Residual findings",
        "Allow-list",
        "All detections",
    ):
        assert heading in html
    assert "NOT SIGNED OFF" in html and "George Floyd" in html
    assert "Audit chain:</strong> intact" in html


def test_audit_with_vault_shows_originals_and_warns(anonymised, tmp_path):  # noqa: F811
    project, vault, *_ = anonymised
    html = write_audit(project, tmp_path / "audit.html", vault).read_text(encoding="utf-8")
    assert "CONTAINS ORIGINAL IDENTIFIERS" in html and "Oldbury" in html
    rows = list(
        csv.DictReader((write_audit(project, tmp_path / "a.csv", vault)).open(encoding="utf-8"))
    )
    assert any(r["original"] == "Adaeze" and r["replacement"] == "[Person 1]" for r in rows)
    blind = list(csv.DictReader((write_audit(project, tmp_path / "b.csv")).open(encoding="utf-8")))
    assert "original" not in blind[0] and len(blind) == len(rows)


def test_audit_refuses_other_suffixes(anonymised, tmp_path):  # noqa: F811
    project, *_ = anonymised
    with pytest.raises(ProjectError):
        write_audit(project, tmp_path / "audit.pdf")
