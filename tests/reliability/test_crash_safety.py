"""Crash safety: SIGKILL `research anonymise` and `research code --auto` mid-run, then re-run.

The killed process runs the real CLI with slow fakes (see support.py), so the kill lands inside
the stage. Afterwards the project must open, pass SQLite's integrity check, hold no half-written
source, and a re-run must finish in the same state as a run that was never interrupted.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest

from research.anonymise.ingest import import_file
from research.anonymise.run import anonymise_project
from research.anonymise.vault import Vault
from research.project import Project, init_project
from tests.reliability.support import (
    MARKER_ENV,
    PASSPHRASE,
    SlowDetector,
    SlowEncoder,
    spawn,
    wait_for_marker,
    write_driver,
    write_sources,
)

pytestmark = pytest.mark.slow
N_SOURCES = 5


def _build(root, files) -> None:
    proj = init_project(root, name="crash test")
    vault = Vault.open(proj.vault_path, PASSPHRASE, create=True)
    for i, f in enumerate(files):
        import_file(proj, vault, f, label=f"G{i + 1}", facilitators=["Elaine Hughes"])
    vault.close()
    proj.close()


def _anonymise_in_process(root) -> None:
    with Project(root) as proj:
        vault = Vault.open(proj.vault_path, PASSPHRASE)
        anonymise_project(proj, vault, detector=SlowDetector(0))
        vault.close()


def _state(root) -> dict:
    """What a finished anonymisation leaves: turns, speakers, detections per source and origin."""
    with Project(root) as proj:
        db = proj.db
        return {
            "turns": [
                tuple(r)
                for r in db.execute(
                    "SELECT s.label, u.idx, sp.pseudonym, u.text FROM utterances u"
                    " JOIN sources s ON s.id = u.source_id JOIN speakers sp ON sp.id = u.speaker_id"
                    " ORDER BY s.label, u.idx"
                )
            ],
            "detections": sorted(
                tuple(r)
                for r in db.execute(
                    "SELECT s.label, d.origin, d.utt_idx, d.start, d.end, d.entity_type, d.applied,"
                    " d.replacement FROM detections d JOIN sources s ON s.id = d.source_id"
                )
            ),
        }


def _integrity(path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def _no_duplicates(db) -> None:
    assert (
        db.execute(
            "SELECT source_id, idx FROM utterances GROUP BY source_id, idx HAVING COUNT(*) > 1"
        ).fetchall()
        == []
    )
    assert (
        db.execute(
            "SELECT source_id, utt_idx, start, end, origin FROM detections"
            " GROUP BY source_id, utt_idx, start, end, origin HAVING COUNT(*) > 1"
        ).fetchall()
        == []
    )


@pytest.fixture
def corpus(tmp_path):
    files = write_sources(tmp_path / "in", N_SOURCES, turns=40)
    reference = tmp_path / "reference"
    _build(reference, files)
    _anonymise_in_process(reference)
    return files, _state(reference)


def _kill_anonymise(tmp_path, files, kill_when, delay="0.03", pause=0.0):
    root = tmp_path / "proj"
    _build(root, files)
    marker = tmp_path / "marker.txt"
    driver = write_driver(tmp_path)
    proc = spawn(driver, ["anonymise", "--project", str(root)], **{
        MARKER_ENV: str(marker), "RELIABILITY_DELAY": delay,
    })  # fmt: skip
    wait_for_marker(marker, kill_when, proc)
    time.sleep(pause)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return root, driver


def _rerun(driver, root, *args):
    proc = spawn(driver, [*args, "--project", str(root)])
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out


def test_kill_during_detection_leaves_whole_sources_and_rerun_matches_clean_run(tmp_path, corpus):
    files, reference = corpus
    expected = {}
    for label, origin, *_ in reference["detections"]:
        if origin == "detected":
            expected[label] = expected.get(label, 0) + 1

    # Kill while the third source is being detected (two committed), at a random moment in it
    # (a source takes about 1.2 s), which may be the moment its detections are committed.
    def third_source_started(lines):
        return sum(x.startswith("detect") for x in lines) >= 3

    pause = random.Random().uniform(0, 1.3)
    root, driver = _kill_anonymise(tmp_path, files, third_source_started, pause=pause)
    _integrity(root / "project.db")
    _integrity(root / "vault.db")
    with Project(root) as proj:
        db = proj.db
        vault = Vault.open(proj.vault_path, PASSPHRASE)
        rows = db.execute(
            "SELECT s.label, s.detected_at, (SELECT COUNT(*) FROM detections d WHERE d.source_id ="
            " s.id AND d.origin = 'detected') n FROM sources s ORDER BY s.id"
        ).fetchall()
        done = [r["label"] for r in rows if r["detected_at"]]
        assert 2 <= len(done) < N_SOURCES, done  # the kill landed mid-run
        for r in rows:  # each source is either wholly detected or not at all
            assert r["n"] == (expected.get(r["label"], 0) if r["detected_at"] else 0), tuple(r)
        # every detection's original surface made it into the vault with it
        ids = {i for (i,) in db.execute("SELECT id FROM detections")}
        assert ids <= {i for i, _ in vault.items("surface")}
        assert db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == N_SOURCES
        vault.close()

    _rerun(driver, root, "anonymise")
    _integrity(root / "project.db")
    with Project(root) as proj:
        _no_duplicates(proj.db)
        assert (
            proj.db.execute("SELECT COUNT(*) FROM sources WHERE detected_at IS NULL").fetchone()[0]
            == 0
        )
    assert _state(root) == reference


def test_kill_during_residual_scan_then_rerun_still_redacts_what_the_scan_finds(tmp_path, corpus):
    files, reference = corpus
    assert all("Tomasz" not in text for *_, text in reference["turns"])

    root, driver = _kill_anonymise(
        tmp_path, files, lambda lines: any(x.startswith("residual") for x in lines), delay="0.01"
    )
    _integrity(root / "project.db")
    _rerun(driver, root, "anonymise")
    with Project(root) as proj:
        _no_duplicates(proj.db)
        leaked = proj.db.execute(
            "SELECT COUNT(*) FROM utterances WHERE text LIKE '%Tomasz%'"
        ).fetchone()[0]
    assert leaked == 0
    assert _state(root) == reference


def _codings(db, where: str) -> set[tuple]:
    return {
        tuple(r)
        for r in db.execute(
            "SELECT segment_id, code_id, coder, method, status, memo, updated_at FROM codings"
            f" WHERE {where}"
        )
    }


def test_kill_during_auto_coding_keeps_researcher_codings_and_rerun_adds_no_duplicates(
    tmp_path, run_cli, monkeypatch
):
    from research.coding.service import run_auto_coding

    files = write_sources(tmp_path / "in", 6, turns=60)
    root = tmp_path / "proj"
    _build(root, files)
    _anonymise_in_process(root)
    with Project(root) as proj:
        run_auto_coding(proj, encoder=SlowEncoder(0, name="fake-bow-first"))
        sugg = proj.db.execute(
            "SELECT segment_id, code_id FROM codings WHERE method = 'auto' ORDER BY segment_id"
        ).fetchall()
        segs = [r[0] for r in proj.db.execute("SELECT id FROM segments WHERE is_facilitator = 0")]
    assert len(sugg) >= 4 and len(segs) > 256

    # Researcher work before the kill: accept, reject, apply by hand with a memo.
    monkeypatch.setenv("RESEARCH_CODER", "alice")
    p = ["--project", str(root)]
    for args in (
        ["code", "accept", sugg[0][0], sugg[0][1]],
        ["code", "reject", sugg[1][0], sugg[1][1], "--memo", "not about panels"],
        ["code", "apply", segs[0], "training", "--memo", "mentoring"],
        ["code", "apply", segs[-1], "engagement"],
        ["code", "apply", segs[5], "progression", "--coder", "bob"],
    ):
        code, _, err = run_cli(*args, *p)
        assert code == 0, err
    with Project(root) as proj:
        researcher = _codings(proj.db, "coder <> 'auto'")
        decided = _codings(proj.db, "coder = 'auto' AND status <> 'suggested'")
    assert len(researcher) == 5 and len(decided) == 2

    marker = tmp_path / "marker.txt"
    driver = write_driver(tmp_path)
    proc = spawn(driver, ["code", "--auto", *p], **{
        MARKER_ENV: str(marker), "RELIABILITY_DELAY": "0.01",
    })  # fmt: skip
    # The first chunk of embeddings is saved; kill while the second is being computed.
    wait_for_marker(marker, lambda lines: len(lines) >= 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    _integrity(root / "project.db")
    with Project(root) as proj:
        assert _codings(proj.db, "coder <> 'auto'") == researcher
        assert _codings(proj.db, "coder = 'auto' AND status <> 'suggested'") == decided
        cached = proj.db.execute(
            "SELECT COUNT(*) FROM embeddings WHERE model = 'fake-bow-slow'"
        ).fetchone()[0]
    assert cached > 0  # the kill came after the first chunk was saved

    _rerun(driver, root, "code", "--auto")
    _integrity(root / "project.db")
    with Project(root) as proj:
        db = proj.db
        assert _codings(db, "coder <> 'auto'") == researcher
        assert _codings(db, "coder = 'auto' AND status <> 'suggested'") == decided
        assert (
            db.execute(
                "SELECT segment_id, code_id, coder FROM codings GROUP BY segment_id, code_id, coder"
                " HAVING COUNT(*) > 1"
            ).fetchall()
            == []
        )
        # the re-run's suggestions are exactly those of an uninterrupted run with this encoder
        got = {
            tuple(r)
            for r in db.execute(
                "SELECT segment_id, code_id FROM codings WHERE coder = 'auto' AND status = 'suggested'"
            )
        }
        again = run_auto_coding(proj, encoder=SlowEncoder(0))
        assert again.kept_decisions == len(decided)
        assert {
            tuple(r)
            for r in db.execute(
                "SELECT segment_id, code_id FROM codings WHERE coder = 'auto' AND status = 'suggested'"
            )
        } == got
        assert len(got) > 0
