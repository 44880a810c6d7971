"""Two processes on one project: the TUI's services and the CLI, writing at the same time.

One process behaves like the terminal UI (one long-lived project handle and unlocked vault,
review decisions that re-apply the corpus, codes applied and removed, lists re-read); the other
runs `research anonymise` on newly imported sources, `research code --auto` and `research
status` in a loop. Neither may fail, and "database is locked" must never appear.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from research.anonymise.ingest import import_file
from research.anonymise.run import anonymise_project
from research.anonymise.vault import Vault
from research.coding.service import run_auto_coding
from research.project import init_project
from tests.reliability.support import (
    LOOP_DRIVER,
    PASSPHRASE,
    REPO,
    SlowDetector,
    SlowEncoder,
    child_env,
    write_commands,
    write_driver,
    write_sources,
)

pytestmark = pytest.mark.slow
SECONDS = 6.0

TUI_DRIVER = f"""\
import json, sys, time, traceback
sys.path.insert(0, {str(REPO)!r})
from tests.reliability.support import install_fakes
install_fakes()
from research.tui import services
root, seconds, plan = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
project = services.open_project(root)
vault = services.unlock_vault(project, services.default_passphrase())
start, ops, errors, i = time.monotonic(), 0, 0, 0
while time.monotonic() - start < seconds:
    det = plan["detections"][i % len(plan["detections"])]
    seg = plan["segments"][i % len(plan["segments"])]
    steps = [
        lambda: services.decide_detection(project, vault, det, ("accepted", "rejected")[i % 2], "ethics"),
        lambda: services.apply_code(project, seg, "training", "alice"),
        lambda: services.status(project),
        lambda: services.coding_segments(project, plan["label"], "alice"),
        lambda: services.detections(project),
        lambda: services.remove_code(project, seg, "training", "alice"),
        lambda: services.pending_count(project),
    ]
    for step in steps:
        try:
            step()
            ops += 1
        except BaseException:
            errors += 1
            traceback.print_exc()
    i += 1
vault.close()
project.close()
print(json.dumps({{"ops": ops, "errors": errors, "rounds": i}}), flush=True)
raise SystemExit(1 if errors else 0)
"""


def test_tui_and_cli_write_the_same_project_without_lock_errors(tmp_path):
    files = write_sources(tmp_path / "in", 6, turns=40)
    root = tmp_path / "proj"
    proj = init_project(root, name="concurrency")
    vault = Vault.open(proj.vault_path, PASSPHRASE, create=True)
    for i, f in enumerate(files[:3]):
        import_file(proj, vault, f, label=f"G{i + 1}", facilitators=["Elaine Hughes"])
    anonymise_project(proj, vault, detector=SlowDetector(0))
    run_auto_coding(proj, encoder=SlowEncoder(0))
    for i, f in enumerate(files[3:], start=4):  # new sources: the CLI's anonymise has work
        import_file(proj, vault, f, label=f"G{i}", facilitators=["Elaine Hughes"])
    db = proj.db
    plan = {
        "label": "G1",
        "detections": [
            r[0]
            for r in db.execute(
                "SELECT id FROM detections WHERE origin = 'detected' ORDER BY id LIMIT 6"
            )
        ],
        "segments": [
            r[0]
            for r in db.execute(
                "SELECT id FROM segments WHERE is_facilitator = 0 ORDER BY id LIMIT 8"
            )
        ],
    }
    vault.close()
    proj.close()
    assert len(plan["detections"]) == 6 and len(plan["segments"]) == 8

    p = ["--project", str(root)]
    cli = write_commands(
        tmp_path, "cli.json", [["anonymise", *p], ["code", "--auto", *p], ["status", *p]]
    )
    cli_driver = write_driver(tmp_path, LOOP_DRIVER, "loop.py")
    tui_driver = write_driver(tmp_path, TUI_DRIVER, "tui.py")
    env = child_env(RELIABILITY_DELAY="0.003")
    started = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, str(tui_driver), str(root), str(SECONDS), json.dumps(plan)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ),
        subprocess.Popen(
            [sys.executable, str(cli_driver), str(cli), str(SECONDS), "2"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ),
    ]  # fmt: skip
    results = [p.communicate(timeout=60) for p in procs]
    elapsed = time.monotonic() - started
    (tui_out, tui_err), (cli_out, cli_err) = results
    for proc, (_, err) in zip(procs, results, strict=True):
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert proc.returncode == 0, err
    tui = json.loads(tui_out.strip().splitlines()[-1])
    assert tui["errors"] == 0 and tui["rounds"] >= 3, tui
    assert "ROUNDS" in cli_out and "FAILURES 0" in cli_out, cli_out
    assert elapsed < 20, elapsed

    # Both sides' work landed: every source anonymised, suggestions present, decisions recorded.
    from research.project import Project

    with Project(root) as proj:
        db = proj.db
        assert (
            db.execute("SELECT COUNT(*) FROM sources WHERE anonymised_at IS NULL").fetchone()[0]
            == 0
        )
        assert (
            db.execute(
                "SELECT COUNT(*) FROM codings WHERE coder = 'auto' AND segment_id IN"
                " (SELECT id FROM segments WHERE source_id > 3)"
            ).fetchone()[0]
            > 0
        )
        assert (
            db.execute("SELECT COUNT(*) FROM detections WHERE decided_by = 'ethics'").fetchone()[0]
            > 0
        )
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
