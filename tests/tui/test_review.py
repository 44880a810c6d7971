"""Review screen: accept / reject with the vault, originals only after unlocking, add a
redaction from selected text, residual findings, the sign-off dialog."""

from __future__ import annotations

import pytest
from conftest import CODER, SIZE, settle
from textual.widgets import DataTable, Static, TextArea
from textual.widgets.text_area import Selection
from tui_project import PASSPHRASE

pytestmark = pytest.mark.anyio


def decision(db, detection_id):
    return db.execute(
        "SELECT decision, decided_by FROM detections WHERE id = ?", (detection_id,)
    ).fetchone()


async def test_accept_a_pending_detection(make, db):
    app = make(PASSPHRASE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # vault unlocked in a worker
        await pilot.press("f2", "p")
        screen = app.screen
        assert [it.decision for it in screen.items] == ["pending"]
        det = screen.current().id
        await pilot.press("a")
        await settle(pilot)
        assert tuple(decision(db, det)) == ("accepted", CODER)
        assert "0 pending" in str(screen.query_one("#review-summary", Static).render())


async def test_reject_asks_for_the_passphrase_and_originals_appear_only_after(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "p")
        screen = app.screen
        det = screen.current()
        original = screen.query_one("#original", Static)
        assert "Gareth" not in str(original.render()) and "locked" in str(original.render())
        assert "[Person 2]" in screen.query_one("#anon", TextArea).text
        await pilot.press("r")
        assert type(app.screen).__name__ == "UnlockScreen"
        await pilot.press(*PASSPHRASE, "enter")
        await settle(pilot)
        assert tuple(decision(db, det.id)) == ("rejected", CODER)
        await pilot.press("p")  # all decisions again
        screen.query_one("#detections", DataTable).move_cursor(row=3)
        await pilot.pause()
        assert "Gareth" in str(screen.query_one("#original", Static).render())


async def test_wrong_passphrase_changes_nothing(make, db):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "p", "a")
        await pilot.press(*"not the passphrase", "enter")
        await settle(pilot)
        assert app.vault is None
        assert decision(db, 4)["decision"] == "pending"
        assert any("wrong passphrase" in n.message for n in app._notifications)


async def test_filters_by_entity_type_and_score(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert len(screen.items) == 4
        screen.query_one("#f-entity_type").value = "PERSON"
        await pilot.pause()
        assert {it.entity_type for it in screen.items} == {"PERSON"} and len(screen.items) == 2
        screen.query_one("#f-score").value = "0.6"
        await pilot.pause()
        assert [it.score for it in screen.items] == [0.5]
        assert screen.query_one("#residual", DataTable).row_count == 1


async def test_add_a_redaction_from_selected_text(make, db):
    app = make(PASSPHRASE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2", "t")
        anon = app.screen.query_one("#anon", TextArea)
        start = anon.text.index("cousin")
        anon.selection = Selection((0, start), (0, start + len("cousin")))
        await pilot.press("n")
        assert type(app.screen).__name__ == "RedactScreen"
        await pilot.press("enter")  # first type: PERSON
        await settle(pilot)
        rule = db.execute("SELECT entity_type, origin, decided_by FROM redaction_rules").fetchall()
        assert [tuple(r) for r in rule] == [("PERSON", "manual", CODER)]
        texts = " ".join(r[0] for r in db.execute("SELECT text FROM utterances"))
        assert "cousin" not in texts and "[Person" in texts


async def test_signoff_dialog_refuses_pending_then_signs(make, db):
    app = make(PASSPHRASE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2", "o")
        assert type(app.screen).__name__ == "SignoffScreen"
        await pilot.press("enter")  # reviewer pre-filled; 1 detection pending: refused
        assert type(app.screen).__name__ == "SignoffScreen"
        assert db.execute("SELECT COUNT(*) FROM signoffs").fetchone()[0] == 0
        await pilot.press("escape", "p", "a")
        await settle(pilot)
        await pilot.press("o", "enter")
        await settle(pilot)
        row = db.execute("SELECT reviewer, voided_at FROM signoffs").fetchone()
        assert tuple(row) == (CODER, None)
        assert "signed off by tester" in str(
            app.screen.query_one("#review-summary", Static).render()
        )


async def test_shift_r_rejects_every_occurrence_and_remembers_the_words(make, db):
    from research.anonymise import surface_decisions

    app = make(PASSPHRASE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2", "p")
        det = app.screen.current().id
        await pilot.press("R")
        await settle(pilot)
        assert tuple(decision(db, det)) == ("rejected", CODER)
        assert any("every occurrence" in n.message for n in app._notifications)
        remembered = surface_decisions.load(app.vault)
        assert [v["decision"] for v in remembered.values()] == ["rejected"]
