"""The audit chain: intact after the tool's own work, broken by any change behind its back."""

from __future__ import annotations

import sqlite3

import pytest

from research.anonymise.review import add_redaction, decide, list_detections
from research.anonymise.signoff import sign_off
from research.store.chain import verify
from tests.anonymise.test_run import anonymised  # noqa: F401


@pytest.fixture
def signed(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    item = next(i for i in list_detections(project, vault) if i.original == "Oldbury")
    decide(project, vault, item.id, "rejected", reviewer="lead")
    add_redaction(project, vault, "HR", "ORG", reviewer="lead")
    sign_off(project, "lead", allow_pending=True)
    return project, vault


def _raw(project) -> sqlite3.Connection:
    """A second connection, as someone editing project.db by hand would use."""
    return sqlite3.connect(project.db_path, isolation_level=None)


def test_intact_after_anonymise_review_and_signoff(signed):
    project, _ = signed
    assert verify(project.db) == []
    assert project.db.execute("SELECT COUNT(*) FROM audit_chain").fetchone()[0] > 10


def test_cli_reports_intact_and_broken(signed, run_cli):
    project, _ = signed
    code, out, _ = run_cli("audit", "verify", "--project", project.root)
    assert code == 0 and "audit chain intact" in out
    _raw(project).execute("UPDATE detections SET decision = 'accepted' WHERE id = 2")
    code, out, _ = run_cli("audit", "verify", "--project", project.root)
    assert code == 1 and "TAMPERED detections 2: changed behind the tool's back" in out


@pytest.mark.parametrize(
    "sql, expected",
    [
        ("UPDATE detections SET replacement = '[Person 9]' WHERE id = 1", "detections 1: changed"),
        ("DELETE FROM detections WHERE id = 3", "detections 3: removed"),
        (
            "INSERT INTO detections (source_id, utt_idx, start, end, entity_type, recognizer, score, origin, created_at)"
            " VALUES (1, 0, 0, 1, 'PERSON', 'x', 1, 'manual', 'now')",
            "added behind",
        ),
        ("UPDATE signoffs SET reviewer = 'someone else'", "signoffs"),
        ("UPDATE events SET actor = 'nobody' WHERE id = 1", "events 1: changed"),
        ("UPDATE redaction_rules SET decision = 'rejected'", "redaction_rules"),
        ("UPDATE audit_chain SET row_hash = 'x' WHERE seq = 5", "audit_chain 5: entry altered"),
        ("DELETE FROM audit_chain WHERE seq = 7", "removed or reordered"),
    ],
)
def test_every_change_behind_the_tools_back_is_reported(signed, sql, expected):
    project, _ = signed
    _raw(project).execute(sql)
    problems = [str(p) for p in verify(project.db)]
    assert any(expected in p for p in problems), problems


def test_removing_a_signoff_and_its_entries_is_still_caught(signed):
    project, _ = signed
    raw = _raw(project)
    sid = raw.execute("SELECT MAX(id) FROM signoffs").fetchone()[0]
    raw.execute("DELETE FROM signoffs WHERE id = ?", (sid,))
    raw.execute("DELETE FROM audit_chain WHERE kind = 'signoffs' AND row_id = ?", (sid,))
    assert verify(project.db) != []


def test_a_tampered_record_stays_reported_after_later_legitimate_work(signed):
    project, vault = signed
    _raw(project).execute("UPDATE detections SET score = 0.99 WHERE id = 1")
    item = next(i for i in list_detections(project, vault) if i.original == "Oldbury")
    decide(project, vault, item.id, "accepted", reviewer="lead")  # the tool writes again
    problems = [str(p) for p in verify(project.db)]
    assert any("detections 1: changed" in p for p in problems)


def test_storing_a_new_source_chains_its_detections_and_leaves_others_reported(signed, tmp_path):
    """A new source's detections are compared and chained only within that source: a record
    of another source tampered with before stays reported, and nothing new is flagged."""
    from research.anonymise.ingest import import_file
    from research.anonymise.run import anonymise_project
    from tests.anonymise.fakes import FakeDetector
    from tests.anonymise.test_run import ENTITIES

    project, vault = signed
    _raw(project).execute("UPDATE detections SET score = 0.99 WHERE id = 1")
    (tmp_path / "fg3.txt").write_text(
        "Elaine Hughes: Welcome.\nPriya Sharma: I moved from Oldbury to Dudley Council.\n",
        encoding="utf-8",
    )
    import_file(project, vault, tmp_path / "fg3.txt", label="FG3")
    anonymise_project(project, vault, detector=FakeDetector(ENTITIES))
    new = project.db.execute(
        "SELECT COUNT(*) FROM detections d JOIN sources s ON s.id = d.source_id"
        " WHERE s.label = 'FG3'"
    ).fetchone()[0]
    problems = [str(p) for p in verify(project.db)]
    assert new > 0
    assert problems == ["detections 1: changed behind the tool's back"]
