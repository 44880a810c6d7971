"""The vault reveals nothing without its passphrase: wrong passphrase, missing vault, a copy.

The originals (speakers' names, e-mails, phone numbers, whole turns) must not appear in the
bytes of vault.db (nor its WAL), nor in any error message; the scrypt parameters the README
states must be the ones the vault records and uses.
"""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest

from research.anonymise.ingest import import_file
from research.anonymise.run import anonymise_project
from research.anonymise.vault import SCRYPT_N, SCRYPT_P, SCRYPT_R, Vault
from research.errors import VaultError
from tests.reliability.support import PEOPLE, SENTENCES, SlowDetector, write_sources

IDENTIFIERS = [
    *PEOPLE,
    "Elaine Hughes",
    "Okonkwo",
    "Kowalski",
    "Adaeze",
    "Oldbury",
    "07700 900123",
    "07700900123",
    "kofi.mensah@walsall.gov.uk",
    "walsall.gov.uk",
    "Tomasz",
]
# Whole turns are originals too (the vault holds them); project.db holds them anonymised.
ORIGINALS = [*IDENTIFIERS, SENTENCES[3], "promotion interview"]


@pytest.fixture
def anonymised(project, passphrase, tmp_path):
    files = write_sources(tmp_path / "in", 2, turns=12)
    vault = Vault.open(project.vault_path, passphrase, create=True)
    for i, f in enumerate(files):
        import_file(project, vault, f, label=f"G{i + 1}", facilitators=["Elaine Hughes"])
    anonymise_project(project, vault, detector=SlowDetector(0))
    # a hand-added redaction and a speaker name live in the vault too
    from research.anonymise.review import add_redaction

    add_redaction(project, vault, "staff network", "ORG", reviewer="ethics")
    yield project, vault
    vault.close()


def _grep(blob: bytes, values) -> list[str]:
    low = blob.lower()
    found = []
    for v in values:
        for enc in ("utf-8", "utf-16-le"):
            if v.lower().encode(enc) in low:
                found.append(f"{v} ({enc})")
    return found


def test_vault_bytes_hold_no_original_even_with_wal(anonymised, tmp_path):
    project, vault = anonymised
    # Before a checkpoint the newest records sit in vault.db-wal: read every file of the vault.
    files = sorted(project.vault_path.parent.glob("vault.db*"))
    assert project.vault_path in files
    assert len(list(vault.items("original"))) == 2  # the originals really are in there
    blob = b"".join(f.read_bytes() for f in files)
    assert _grep(blob, [*ORIGINALS, "staff network"]) == []
    # ... and the project database alongside it holds none either
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _grep(project.db_path.read_bytes(), IDENTIFIERS) == []


def test_copied_vault_without_passphrase_reveals_nothing(anonymised, tmp_path, passphrase):
    project, vault = anonymised
    conn = sqlite3.connect(str(project.vault_path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    stolen = tmp_path / "stolen" / "vault.db"
    stolen.parent.mkdir()
    shutil.copy(project.vault_path, stolen)
    assert _grep(stolen.read_bytes(), ORIGINALS) == []
    # what the thief can read with sqlite: salt, KDF parameters, ciphertexts; no plaintext
    conn = sqlite3.connect(str(stolen))
    rows = conn.execute("SELECT kind, id, nonce, blob FROM records").fetchall()
    meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
    conn.close()
    assert {k for k, *_ in rows} >= {"original", "surface", "speaker", "rule"}
    assert _grep(b"".join(r[3] for r in rows), ORIGINALS) == []
    assert set(meta) == {"salt", "kdf", "check"} and len(meta["salt"]) == 16
    for guess in ("", "password", passphrase.upper(), passphrase + " ", "correct horse"):
        with pytest.raises(VaultError) as err:
            Vault.open(stolen, guess)
        assert _grep(str(err.value).encode(), ORIGINALS) == []
    # the right passphrase opens the copy: it is the same vault
    with_key = Vault.open(stolen, passphrase)
    assert with_key.get("original", 1)["utterances"][0]["speaker"] == "Elaine Hughes"
    with_key.close()


def test_wrong_passphrase_and_missing_vault_through_the_cli(anonymised, run_cli, monkeypatch):
    project, vault = anonymised
    vault.close()
    root = str(project.root)
    monkeypatch.setenv("RESEARCH_PASSPHRASE", "not the passphrase")
    for args in (["review", "list", "--originals"], ["anonymise"], ["review", "accept", "1"]):
        code, out, err = run_cli(*args, "--project", root)
        assert code != 0
        assert err.strip() == "research: error: wrong passphrase for this project's vault", err
        assert _grep((out + err).encode(), ORIGINALS) == []
    # Without any passphrase: stages that read project.db only still work and show no original.
    monkeypatch.delenv("RESEARCH_PASSPHRASE")
    code, out, err = run_cli("review", "list", "--project", root)
    assert code == 0 and "item(s)" in out
    assert _grep(out.encode(), IDENTIFIERS) == []
    code, out, err = run_cli("review", "list", "--originals", "--project", root)
    assert code != 0 and "RESEARCH_PASSPHRASE" in err
    # A project whose vault is gone: a clear error, nothing revealed, nothing created.
    project.close()
    for f in project.vault_path.parent.glob("vault.db*"):
        f.unlink()
    monkeypatch.setenv("RESEARCH_PASSPHRASE", "not the passphrase")
    code, out, err = run_cli("review", "list", "--originals", "--project", root)
    assert code != 0 and "no vault in this project" in err, err
    assert not project.vault_path.exists()
    code, out, err = run_cli("export", "transcripts", "--project", root)
    assert code == 0, err
    text = "".join(p.read_text(encoding="utf-8") for p in project.exports_dir.rglob("*.txt"))
    assert "P01" in text and _grep(text.encode(), IDENTIFIERS) == []


def test_scrypt_parameters_stated_in_readme_are_the_ones_used(anonymised):
    import json

    from tests.conftest import REPO

    project, vault = anonymised
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"scrypt \(n = 2\^(\d+), r = (\d+), p = (\d+), (\d+)-byte random salt\)", readme)
    assert m, "README must state the scrypt parameters"
    n_exp, r, p, salt_len = map(int, m.groups())
    assert (2**n_exp, r, p) == (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    conn = sqlite3.connect(str(project.vault_path))
    meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
    conn.close()
    assert json.loads(meta["kdf"]) == {"kdf": "scrypt", "n": 2**n_exp, "r": r, "p": p}
    assert len(meta["salt"]) == salt_len
    assert "AES-256-GCM" in readme
