import csv

import pytest

from research.coding.exporting import export_codings
from research.coding.manual import CodingError, apply_code, set_memo
from research.coding.service import prepare


def seg(project, utt_idx):
    return project.db.execute("SELECT id FROM segments WHERE utt_idx = ?", (utt_idx,)).fetchone()[0]


def memos(project, segment_id):
    return {
        (r["coder"], r["code_id"]): r["memo"]
        for r in project.db.execute(
            "SELECT coder, code_id, memo FROM codings WHERE segment_id = ?", (segment_id,)
        )
    }


def test_set_memo_on_one_code_all_codes_and_clearing(filled):
    book = prepare(filled)
    s = seg(filled, 3)
    apply_code(filled, book, s, "recruitment", coder="alice")
    apply_code(filled, book, s, "engagement", coder="alice")
    apply_code(filled, book, s, "recruitment", coder="bob")
    assert set_memo(filled, s, "recruitment", "  panel all men  ", "alice") == 1
    assert memos(filled, s) == {
        ("alice", "recruitment"): "panel all men",
        ("alice", "engagement"): None,
        ("bob", "recruitment"): None,
    }
    assert set_memo(filled, s, None, "both", "alice") == 2
    assert memos(filled, s)[("alice", "engagement")] == "both"
    assert set_memo(filled, s, "engagement", "", "alice") == 1
    assert memos(filled, s)[("alice", "engagement")] is None
    assert set_memo(filled, s, "training", "x", "alice") == 0  # alice has no training coding
    events = filled.db.execute("SELECT action, detail FROM events WHERE action = 'code.memo'")
    assert all("panel" not in (r["detail"] or "") for r in events)  # memo text is not logged
    with pytest.raises(CodingError, match="no segment 9999"):
        set_memo(filled, 9999, None, "x", "alice")


def test_export_fills_theme_column_per_coding(filled, run_cli):
    book = prepare(filled)
    s = seg(filled, 3)
    apply_code(filled, book, s, "recruitment", coder="alice")
    apply_code(filled, book, s, "training", coder="alice")
    db = filled.db
    db.execute("BEGIN")
    cur = db.execute(
        "INSERT INTO themes (loe, label, created_at, updated_at)"
        " VALUES ('recruitment', 'closed panels', 'now', 'now')"
    )
    db.execute(
        "INSERT INTO theme_members (loe, segment_id, theme_id) VALUES ('recruitment', ?, ?)",
        (s, cur.lastrowid),
    )
    db.execute("COMMIT")
    path = export_codings(
        filled, "csv", filled.root / "a.csv", theme_labels={(s, "recruitment"): "T"}
    )
    row = next(r for r in csv.DictReader(path.open(encoding="utf-8")) if int(r["segment_id"]) == s)
    assert row["codes"] == "recruitment; training" and row["theme"] == "T; "

    code, _, err = run_cli(
        "export", "codings", "-o", str(filled.root / "b.csv"), "-p", str(filled.root)
    )
    assert code == 0, err
    rows = list(csv.DictReader((filled.root / "b.csv").open(encoding="utf-8")))
    by_id = {int(r["segment_id"]): r for r in rows}
    assert by_id[s]["theme"] == "closed panels; "
    assert all(r["theme"] == "" for i, r in by_id.items() if i != s)
