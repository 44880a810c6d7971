"""The anonymise run end to end with a fake detector: pseudonyms, propagation, audit, vault."""

from __future__ import annotations

import pytest

from research.anonymise.ingest import import_file
from research.anonymise.propagate import is_ambiguous
from research.anonymise.run import anonymise_project
from research.anonymise.vault import Vault
from tests.anonymise.fakes import FakeDetector

FG1 = """\
Elaine Hughes: Welcome everyone. How did you come to work at Sandwell Council?
Okonkwo, Chidi: My cousin Adaeze told me about it, she worked in Oldbury.
Priya Sharma: I saw the advert. Then priya from HR, no, I mean Grace, rang me on 07700 900123.
Elaine Hughes: And what would you change?
Okonkwo, Chidi: Honestly the grace period for references. Ask Priya's team, or adaeze.
"""

FG2 = """\
Elaine Hughes: Thanks for coming. Tell me about progression?
Mensah, Kofi: Chidi Okonkwo got promoted, and Adaeze too. Write to kofi.mensah@walsall.gov.uk.
"""

ENTITIES = {
    "Sandwell Council": "ORG",
    "Adaeze": "PERSON",
    "Oldbury": "PLACE",
    "Grace": "PERSON",
    "07700 900123": "PHONE",
    "kofi.mensah@walsall.gov.uk": "EMAIL",
}


@pytest.fixture
def anonymised(project, passphrase, tmp_path):
    (tmp_path / "fg1.txt").write_text(FG1, encoding="utf-8")
    (tmp_path / "fg2.txt").write_text(FG2, encoding="utf-8")
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "fg1.txt", label="FG1", attrs={"group": "under-30s"})
    import_file(project, vault, tmp_path / "fg2.txt", label="FG2")
    detector = FakeDetector(ENTITIES)
    summary = anonymise_project(project, vault, detector=detector)
    yield project, vault, summary, detector
    vault.close()


def texts(project, label):
    return [
        (r[0], r[1])
        for r in project.db.execute(
            "SELECT sp.pseudonym, u.text FROM utterances u JOIN speakers sp ON sp.id = u.speaker_id"
            " JOIN sources s ON s.id = u.source_id WHERE s.label = ? ORDER BY u.idx",
            (label,),
        )
    ]


def test_speakers_get_consistent_pseudonyms_and_facilitator_is_recognised(anonymised):
    project, *_ = anonymised
    fg1, fg2 = texts(project, "FG1"), texts(project, "FG2")
    assert [p for p, _ in fg1] == ["F1", "P01", "P02", "F1", "P01"]
    assert [p for p, _ in fg2] == ["F1", "P03"]
    # "Chidi Okonkwo" in FG2 is the FG1 speaker "Okonkwo, Chidi": the same pseudonym.
    assert fg2[1][1].startswith("P01 got promoted")


def test_names_are_propagated_in_any_case_and_possessive(anonymised):
    project, *_ = anonymised
    fg1 = dict(enumerate(t for _, t in texts(project, "FG1")))
    assert "Then P02 from HR" in fg1[2]  # lower-case "priya" is the speaker Priya Sharma
    assert "Ask P02's team, or [Person 1]." in fg1[4]  # possessive kept, lower-case adaeze caught
    assert "the grace period" in fg1[4]  # ordinary word survives
    assert "[Person 2], rang me on [phone]" in fg1[2]


def test_replacements_are_consistent_across_sources(anonymised):
    project, *_ = anonymised
    fg1 = [t for _, t in texts(project, "FG1")]
    fg2 = [t for _, t in texts(project, "FG2")]
    assert fg1[1] == "My cousin [Person 1] told me about it, she worked in [Place 1]."
    assert "and [Person 1] too" in fg2[1]
    assert "[Council A]" in fg1[0]
    assert fg2[1].endswith("Write to [email].")


def test_project_db_holds_no_original_surface(anonymised):
    project, vault, *_ = anonymised
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = project.db_path.read_bytes()
    surfaces = {s for _, s in vault.items("surface")} | {
        "Elaine",
        "Hughes",
        "Chidi",
        "Okonkwo",
        "Kofi",
        "Mensah",
        "Priya",
        "Sharma",
    }
    assert len(surfaces) > 8
    for s in surfaces:
        assert s.encode() not in raw, s
        if not is_ambiguous(s):  # "Grace" the person is gone; "the grace period" stays
            assert s.lower().encode() not in raw.lower(), s
    assert b"Adaeze" not in vault.path.read_bytes()


def test_audit_records_every_detection(anonymised):
    project, vault, summary, _ = anonymised
    rows = project.db.execute("SELECT * FROM detections").fetchall()
    origins = {r["origin"] for r in rows}
    assert {"detected", "propagated"} <= origins
    for r in rows:
        assert r["recognizer"] and r["entity_type"] and r["created_at"]
        assert vault.get("surface", r["id"]) is not None
        if r["applied"]:
            assert r["replacement"] and r["a_end"] > r["a_start"]
    assert summary.applied == sum(1 for r in rows if r["applied"])


def test_rerun_detects_nothing_new_and_is_stable(anonymised):
    project, vault, summary, detector = anonymised
    before = texts(project, "FG1") + texts(project, "FG2")
    n = project.db.execute("SELECT COUNT(*) FROM detections").fetchone()[0]
    again = anonymise_project(project, vault, detector=detector)
    assert again.detected_sources == []
    assert texts(project, "FG1") + texts(project, "FG2") == before
    assert project.db.execute("SELECT COUNT(*) FROM detections").fetchone()[0] == n


def test_residual_scan_flags_and_redacts_what_a_second_pass_finds(project, passphrase, tmp_path):
    class SecondSight(FakeDetector):
        """Misses 'Tomasz' on the first pass, finds it on the second (as context changes)."""

        def analyze_batch(self, texts, progress=None):
            if self.calls == 1:  # the residual scan
                self.entities["Tomasz"] = "PERSON"
            return super().analyze_batch(texts, progress)

    # Residual scans read only turns anonymisation changed: each turn here has a replacement.
    (tmp_path / "a.txt").write_text(
        "Ann Lee: Did Kemi see Tomasz?\nBob Roe: Kemi said Tomasz is out.\nAnn Lee: Tomasz? Fine.\n",
        encoding="utf-8",
    )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "a.txt", label="A")
    summary = anonymise_project(project, vault, detector=SecondSight({"Kemi": "PERSON"}))
    assert summary.residual == 2
    rows = texts(project, "A")
    assert all("Tomasz" not in t for _, t in rows)  # the rule applies to the unscanned turn too
    rule = project.db.execute("SELECT * FROM redaction_rules").fetchone()
    assert rule["origin"] == "residual" and rule["decision"] == "pending"
    assert project.db.execute("SELECT COUNT(*) FROM residual_findings").fetchone()[0] == 2
    vault.close()


def test_residual_scan_ignores_hits_inside_replacements(project, passphrase, tmp_path):
    class SeesPlaceholders(FakeDetector):
        """On the second pass it 'finds' the council inside '[Council A]', as spaCy does."""

        def analyze_batch(self, texts, progress=None):
            if self.calls == 1:
                self.entities = {"Council A": "ORG"}
            return super().analyze_batch(texts, progress)

    (tmp_path / "a.txt").write_text(
        "Ann Lee: I work at Dudley Council.\nBob Roe: Same.\n", encoding="utf-8"
    )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "a.txt", label="A")
    summary = anonymise_project(
        project, vault, detector=SeesPlaceholders({"Dudley Council": "ORG"})
    )
    assert summary.residual == 0
    assert texts(project, "A")[0][1] == "I work at [Council A]."
    vault.close()


def test_low_confidence_places_spread_only_when_no_ordinary_word(project, passphrase, tmp_path):
    """A pending detection of "Caldmore" (in no word list) is redacted wherever else it occurs;
    a pending "Bank" (an ordinary word) is redacted only where it was detected."""
    (tmp_path / "fg.txt").write_text(
        "Ann Lee: I grew up in Caldmore, near Bank.\n"
        "Bob Ray: Caldmore, Palfrey, all of it. The Bank was nice.\n",
        encoding="utf-8",
    )
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "fg.txt", label="FG")
    detector = FakeDetector(
        {"Caldmore": "PLACE", "Bank": "PLACE"},
        scores={"Caldmore": 0.5, "Bank": 0.5},
        only_after={"Caldmore": "in", "Bank": "near"},
    )
    anonymise_project(project, vault, detector=detector)
    second = texts(project, "FG")[1][1]
    assert second.startswith("[Place 1], Palfrey")
    assert "The Bank was nice" in second
    vault.close()


def test_propagation_never_breaks_an_allow_listed_public_reference(project, passphrase, tmp_path):
    """ "George" found as a person elsewhere must not turn "George Floyd" into "[Person 1] Floyd"."""
    text = (
        "Elaine Hughes: Who helped you?\n"
        "Mensah, Kofi: George Eliot trained me, and George was great.\n"
        "Elaine Hughes: And the network?\n"
        "Mensah, Kofi: After George Floyd everyone wanted to talk.\n"
    )
    (tmp_path / "fg.txt").write_text(text, encoding="utf-8")
    vault = Vault.open(project.vault_path, passphrase, create=True)
    import_file(project, vault, tmp_path / "fg.txt", label="FG")
    anonymise_project(project, vault, detector=FakeDetector({"George Eliot": "PERSON"}))
    out = [t for _, t in texts(project, "FG")]
    assert "and [Person 1] was great" in out[1]  # the name spreads...
    assert out[3] == "After George Floyd everyone wanted to talk."  # ...but not into the reference
    vault.close()
