"""Review decisions and sign-off: recorded, re-applied at once, and voiding a stale sign-off."""

from __future__ import annotations

import pytest

from research.anonymise.review import add_redaction, decide, list_detections
from research.anonymise.signoff import sign_off, verify_signoff
from research.errors import ProjectError
from research.signoff_state import signoff_state
from tests.anonymise.test_run import anonymised, texts  # noqa: F401  (fixture)


def _find(project, vault, surface):
    return next(i for i in list_detections(project, vault) if i.original == surface)


def test_list_shows_context_and_originals_only_with_vault(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    blind = list_detections(project)
    assert blind and all(i.original is None for i in blind)
    assert any("«[Place 1]»" in i.context for i in blind)
    seen = list_detections(project, vault)
    assert {"Oldbury", "Adaeze"} <= {i.original for i in seen}
    assert list_detections(project, pending=True, entity_type="PHONE") == []


def test_reject_restores_the_words_and_records_who(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    item = _find(project, vault, "Oldbury")
    decide(project, vault, item.id, "rejected", reviewer="ethics-lead")
    assert "she worked in Oldbury." in texts(project, "FG1")[1][1]
    row = project.db.execute("SELECT * FROM detections WHERE id = ?", (item.id,)).fetchone()
    assert (row["decision"], row["decided_by"], row["applied"]) == ("rejected", "ethics-lead", 0)
    decide(project, vault, item.id, "accepted", reviewer="ethics-lead")
    assert "[Place 1]" in texts(project, "FG1")[1][1]


def test_add_redacts_everywhere_in_any_case(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    rule = add_redaction(project, vault, "HR", "ORG", reviewer="ethics-lead")
    assert "from [Organisation A]" in texts(project, "FG1")[2][1]
    n = project.db.execute(
        "SELECT COUNT(*) FROM detections WHERE recognizer = ?", (f"rule:{rule}",)
    ).fetchone()[0]
    assert n == 1
    with pytest.raises(ProjectError):
        add_redaction(project, vault, "   ")


def test_unknown_detection_and_bad_decision_are_clear_errors(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    with pytest.raises(ProjectError, match="no detection with id 99999"):
        decide(project, vault, 99999, "accepted")
    with pytest.raises(ProjectError, match="decision must be"):
        decide(project, vault, 1, "maybe")


def test_signoff_pins_the_corpus_and_a_change_voids_it(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    state = sign_off(project, "Dr Ethics", allow_pending=True)
    assert state["valid"] and len(state["corpus_sha256"]) == 64
    assert verify_signoff(project)["valid"]
    decide(project, vault, _find(project, vault, "Oldbury").id, "rejected", reviewer="x")
    after = signoff_state(project.db)
    assert not after["valid"] and "changed" in after["summary"]


def test_signoff_refuses_pending_items_unless_allowed(project, passphrase, tmp_path):
    from research.anonymise.ingest import import_file
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from tests.anonymise.fakes import Detection, FakeDetector

    class Unsure(FakeDetector):
        def analyze(self, text):
            return [
                Detection(d.start, d.end, d.entity_type, d.text, 0.4, "unsure")
                for d in super().analyze(text)
            ]

    (tmp_path / "a.txt").write_text(
        "Ann Lee: Did Kemi come?\nBob Roe: Kemi did.\n", encoding="utf-8"
    )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "a.txt", label="A")
    anonymise_project(project, vault, detector=Unsure({"Kemi": "PERSON"}))
    with pytest.raises(ProjectError, match="await review"):
        sign_off(project, "Dr Ethics")
    for item in list_detections(project, pending=True):
        decide(project, vault, item.id, "accepted", "Dr Ethics")
    assert sign_off(project, "Dr Ethics")["valid"]
    vault.close()


def _source(project, vault, tmp_path, name, text, label):
    from research.anonymise.ingest import import_file

    (tmp_path / name).write_text(text, encoding="utf-8")
    import_file(project, vault, tmp_path / name, label=label)


def test_reject_everywhere_restores_every_occurrence_and_holds_for_later_sources(
    project, passphrase, tmp_path
):
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from tests.anonymise.fakes import FakeDetector

    detector = FakeDetector({"KCOM": "ORG", "kcom": "ORG", "Kemi": "PERSON"}, {"KCOM": 0.4})
    vault = Vault.open(project.vault_path, passphrase, create=True)
    _source(project, vault, tmp_path, "a.txt",
            "Ann Lee: Is KCOM down?\nBob Roe: kcom is down, Kemi said.\n", "A")  # fmt: skip
    anonymise_project(project, vault, detector=detector)
    first = _find(project, vault, "KCOM")
    stats = decide(project, vault, [first.id], "rejected", "Dr Ethics", everywhere=True)
    assert stats["decided"] == 2  # "KCOM" and "kcom", not "Kemi"
    assert [t for _, t in texts(project, "A")] == [
        "Is KCOM down?",
        "kcom is down, [Person 1] said.",
    ]
    # A source imported later: its KCOM arrives already rejected, by the same reviewer.
    _source(project, vault, tmp_path, "b.txt", "Ann Lee: KCOM again.\nCy Dee: Yes.\n", "B")
    summary = anonymise_project(project, vault, detector=detector)
    assert texts(project, "B")[0][1] == "KCOM again."
    later = [i for i in list_detections(project, vault, source="B") if i.original == "KCOM"]
    assert [(i.decision, i.decided_by) for i in later] == [("rejected", "Dr Ethics")]
    assert summary.pending_review == 0
    # Accepting everywhere turns the decision round for every occurrence.
    decide(project, vault, later[0].id, "accepted", "Dr Ethics", everywhere=True)
    assert texts(project, "A")[0][1] == "Is [Organisation A] down?"
    assert texts(project, "B")[0][1] == "[Organisation A] again."
    vault.close()


def test_several_ids_are_checked_before_any_change(anonymised):  # noqa: F811
    project, vault, *_ = anonymised
    item = _find(project, vault, "Oldbury")
    with pytest.raises(ProjectError, match="no detection with id 99999"):
        decide(project, vault, [item.id, 99999], "rejected")
    row = project.db.execute("SELECT decision FROM detections WHERE id = ?", (item.id,)).fetchone()
    assert row["decision"] != "rejected"


def test_surfaces_decided_everywhere_are_kept_only_in_the_vault(project, passphrase, tmp_path):
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from tests.anonymise.fakes import FakeDetector

    vault = Vault.open(project.vault_path, passphrase, create=True)
    _source(project, vault, tmp_path, "a.txt", "Ann Lee: Ask Zorbanek.\nBob Roe: No.\n", "A")
    anonymise_project(project, vault, detector=FakeDetector({"Zorbanek": "ORG"}))
    item = _find(project, vault, "Zorbanek")
    decide(project, vault, item.id, "rejected", everywhere=True)
    decide(project, vault, item.id, "accepted", everywhere=True)  # a change of mind
    vault.close()
    assert texts(project, "A")[0][1] == "Ask [Organisation A]."
    project.close()  # the last connection folds the WAL into the file
    blob = project.db_path.read_bytes() + project.vault_path.read_bytes()
    assert b"Zorbanek" not in blob and b"zorbanek" not in blob


def test_cli_reject_everywhere_reports_how_many(anonymised, run_cli, passphrase, monkeypatch):  # noqa: F811
    project, vault, *_ = anonymised
    item = _find(project, vault, "Oldbury")
    vault.close()
    monkeypatch.setenv("RESEARCH_PASSPHRASE", passphrase)
    code, out, err = run_cli(
        "review", "reject", item.id, "--everywhere", "--reviewer", "Dr Ethics",
        "--project", project.root,
    )  # fmt: skip
    assert code == 0, err
    assert f"rejected {item.id}" in out
    assert "of the same words rejected; the decision holds for sources imported later" in out
    assert "Oldbury" not in out + err


def test_a_pending_name_spreads_when_it_is_a_titled_phrase_or_once_accepted(
    project, passphrase, tmp_path
):
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from tests.anonymise.fakes import FakeDetector

    detector = FakeDetector(
        {"Caldmore Green": "ORG", "Nexus": "ORG"},
        scores={"Caldmore Green": 0.5, "Nexus": 0.5},
        only_after={"Caldmore Green": "to", "Nexus": "at"},
    )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    text = "Ann Lee: I went to Caldmore Green, then at Nexus.\nBob Roe: Caldmore Green and Nexus, yes.\n"
    _source(project, vault, tmp_path, "a.txt", text, "A")
    anonymise_project(project, vault, detector=detector)
    # two capitalised words: redacted wherever they stand; one ordinary word waits for review
    assert texts(project, "A")[1][1] == "[Organisation A] and Nexus, yes."
    nexus = _find(project, vault, "Nexus")
    decide(project, vault, nexus.id, "accepted", "Dr Ethics")
    assert texts(project, "A")[1][1] == "[Organisation A] and [Organisation B], yes."
    vault.close()
