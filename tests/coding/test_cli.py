import csv
import json

from research.project import Project

from .conftest import fill_project


def seg_id(project, utt_idx):
    return project.db.execute("SELECT id FROM segments WHERE utt_idx = ?", (utt_idx,)).fetchone()[
        "id"
    ]


def test_auto_then_decisions_then_agreement_and_export(filled, run_cli, fake_encoder, monkeypatch):
    root = str(filled.root)
    code, out, err = run_cli("code", "--auto", "-p", root)
    assert code == 0, err
    assert "auto-coded 6 participant segments" in out and "zero-shot" in out
    db = filled.db
    rec = seg_id(filled, 3)
    tr = seg_id(filled, 7)
    sug = {
        (r["segment_id"], r["code_id"])
        for r in db.execute("SELECT * FROM codings WHERE coder = 'auto'")
    }
    assert (rec, "recruitment") in sug and (tr, "training") in sug
    smalltalk = {seg_id(filled, 1), seg_id(filled, 4)}
    assert not {s for s, _ in sug} & smalltalk
    row = db.execute(
        "SELECT * FROM codings WHERE segment_id = ? AND code_id = 'recruitment'", (rec,)
    ).fetchone()
    assert (
        row["method"] == "auto" and row["status"] == "suggested" and 0.5 <= row["confidence"] <= 1
    )

    monkeypatch.setenv("RESEARCH_CODER", "alice")
    code, out, _ = run_cli("code", "accept", rec, "recruitment", "--memo", "clear case", "-p", root)
    assert code == 0 and "accepted by alice [confirmed]" in out
    code, out, _ = run_cli("code", "reject", tr, "training", "-p", root)
    assert code == 0 and "rejected" in out
    code, out, _ = run_cli("code", "apply", tr, "Recruitment and selection", "-p", root)
    assert code == 0 and "applied by alice [manual]" in out
    code, out, _ = run_cli("code", "apply", tr, "engagement", "--coder", "bob", "-p", root)
    assert code == 0 and "by bob" in out
    code, _, _ = run_cli("code", "remove", tr, "engagement", "--coder", "bob", "-p", root)
    assert code == 0
    rows = {
        (r["coder"], r["code_id"]): r
        for r in db.execute("SELECT * FROM codings WHERE segment_id IN (?, ?)", (rec, tr))
    }
    assert (
        db.execute(
            "SELECT memo FROM codings WHERE coder='alice' AND segment_id=?", (rec,)
        ).fetchone()[0]
        == "clear case"
    )
    assert rows[("auto", "training")]["status"] == "rejected"
    assert rows[("alice", "training")]["status"] == "rejected"
    assert ("bob", "engagement") not in rows
    actions = [r[0] for r in db.execute("SELECT action FROM events WHERE action LIKE 'code.%'")]
    assert actions == [
        "code.auto",
        "code.accept",
        "code.reject",
        "code.apply",
        "code.apply",
        "code.remove",
    ]

    # Re-running --auto keeps decided suggestions and learns from the confirmed examples.
    code, out, _ = run_cli("code", "--auto", "-p", root)
    assert code == 0 and "learnt from 2 confirmed examples" in out
    assert (
        db.execute(
            "SELECT status FROM codings WHERE coder='auto' AND segment_id=? AND code_id='training'",
            (tr,),
        ).fetchone()[0]
        == "rejected"
    )

    code, out, _ = run_cli("agreement", "--coders", "alice,auto", "--json", "-p", root)
    assert code == 0
    data = json.loads(out)
    assert data["segments"] == 6 and [c["code"] for c in data["per_code"]][:2] == [
        "recruitment",
        "progression",
    ]
    assert data["per_code"][0]["n_a"] == 2
    code, out, _ = run_cli("agreement", "--coders", "alice,auto", "-p", root)
    assert "kappa" in out and "alpha" in out and "overall (mean)" in out

    code, out, err = run_cli("export", "codings", "--format", "csv", "-p", root)
    assert code == 0 and "NOT SIGNED OFF" in err
    with (filled.exports_dir / "codings.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == 9
    assert list(table[0]) == [
        "source",
        "segment_id",
        "speaker",
        "start",
        "text",
        "codes",
        "confidence",
        "coder",
        "method",
        "theme",
    ]
    assert all(r["theme"] == "" for r in table)  # no themes run yet
    rec_row = next(r for r in table if int(r["segment_id"]) == rec)
    assert (
        rec_row["source"] == "FG01"
        and rec_row["speaker"] == "P01"
        and rec_row["start"] == "00:00:30"
    )
    assert (
        "recruitment" in rec_row["codes"]
        and "confirmed" in rec_row["method"]
        and "alice" in rec_row["coder"]
    )
    out_x = filled.root / "c.xlsx"
    code, _, _ = run_cli("export", "codings", "--format", "xlsx", "--out", out_x, "-p", root)
    assert code == 0
    from openpyxl import load_workbook

    ws = load_workbook(out_x)["codings"]
    assert ws.max_row == 10 and ws["A1"].value == "source"


def test_list_and_clear_errors(filled, run_cli, fake_encoder):
    root = str(filled.root)
    code, out, _ = run_cli("code", "list", "--uncoded", "-p", root)
    assert code == 0 and "6 segments" in out
    code, _, err = run_cli("code", "apply", "9999", "recruitment", "-p", root)
    assert code == 3 and "no segment 9999" in err
    sid = str(seg_id(filled, 3))
    code, _, err = run_cli("code", "apply", sid, "pay", "-p", root)
    assert code == 3 and "unknown code 'pay'" in err
    code, _, err = run_cli("code", "accept", sid, "training", "-p", root)
    assert code == 3 and "no suggestion" in err
    code, _, err = run_cli("code", "list", "--source", "NOPE", "-p", root)
    assert code == 3 and "no source labelled" in err
    code, _, err = run_cli("agreement", "--coders", "alice", "-p", root)
    assert code == 3 and "two different names" in err
    code, out, _ = run_cli("code", "list", "--source", "FG01", "--json", "-p", root)
    assert len(json.loads(out)) == 6


def test_codebook_check(project, run_cli):
    root = str(project.root)
    code, out, _ = run_cli("codebook", "check", "-p", root)
    assert code == 0 and "codebook OK: 4 codes" in out
    (project.root / "codebook.yaml").write_text("codes:\n  - id: a\n    name: A\n    colour: red\n")
    code, _, err = run_cli("codebook", "check", "-p", root)
    assert code == 5 and "codebook.yaml:4: colour 'red'" in err


def test_run_auto_coding_summary_table(project, fake_encoder):
    from research.coding.service import codes_per_source_table, run_auto_coding

    fill_project(project)
    fill_project(project, label="FG02", start_idx=0)
    summary = run_auto_coding(project)
    assert summary.segments == 12 and summary.examples_used == 0 and summary.coded >= 4
    table = codes_per_source_table(project)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["source", "segments", "recruitment"]
    assert lines[1].startswith("FG01") and lines[-1].startswith("total")
    assert int(lines[-1].split()[1]) == 12
    # Cached embeddings: a second run encodes nothing new.
    before = fake_encoder.texts_encoded
    run_auto_coding(Project(project.root))
    assert fake_encoder.texts_encoded == before
