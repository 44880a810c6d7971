"""vault.db: originals, detected surfaces and the pseudonym key, each value encrypted at rest.

Every record is AES-256-GCM encrypted with a key derived from the project passphrase by scrypt
(n=2**15, r=8, p=1, 16-byte random salt). The record's kind and id are bound in as associated
data, so a ciphertext cannot be moved to another record. A check record tells a wrong
passphrase from a damaged vault.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from research.errors import VaultError
from research.store.db import transaction

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK = b"research-vault-check-v1"
PASSPHRASE_ENV = "RESEARCH_PASSPHRASE"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS vault_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    kind  TEXT NOT NULL,
    id    INTEGER NOT NULL,
    nonce BLOB NOT NULL,
    blob  BLOB NOT NULL,
    PRIMARY KEY (kind, id)
);
"""


def derive_key(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def passphrase_from_env_or_prompt(confirm: bool = False) -> str:
    """RESEARCH_PASSPHRASE, or a prompt on a terminal; a clear error otherwise."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise VaultError(
            f"the vault needs the project passphrase: set {PASSPHRASE_ENV} or run in a terminal"
        )
    value = getpass.getpass("Project passphrase: ")
    if confirm and getpass.getpass("Repeat passphrase: ") != value:
        raise VaultError("the passphrases did not match")
    if not value:
        raise VaultError("an empty passphrase is not allowed")
    return value


class Vault:
    """An open, unlocked vault. Values are JSON-serialisable objects."""

    def __init__(self, conn: sqlite3.Connection, key: bytes, path: Path):
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._conn = conn
        self._aead = AESGCM(key)
        self.path = path

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, passphrase: str, *, create: bool = False) -> Vault:
        path = Path(path)
        if not path.exists() and not create:
            raise VaultError(f"{path}: no vault in this project (import a transcript first)")
        if not passphrase:
            raise VaultError("an empty passphrase is not allowed")
        try:
            conn = sqlite3.connect(
                str(path), timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(_SCHEMA)
            meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        except sqlite3.DatabaseError:
            raise VaultError(f"{path}: not a vault, or damaged") from None
        if not meta:
            salt = os.urandom(16)
            key = derive_key(passphrase, salt)
            vault = cls(conn, key, path)
            params = json.dumps(
                {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
            ).encode()
            with transaction(conn):
                conn.execute("INSERT INTO vault_meta VALUES ('salt', ?)", (salt,))
                conn.execute("INSERT INTO vault_meta VALUES ('kdf', ?)", (params,))
                nonce, blob = vault._seal("check", 0, _CHECK)
                conn.execute("INSERT INTO vault_meta VALUES ('check', ?)", (nonce + blob,))
            return vault
        try:
            kdf = json.loads(meta["kdf"])
            key = derive_key(passphrase, meta["salt"], kdf["n"], kdf["r"], kdf["p"])
            vault = cls(conn, key, path)
            check = meta["check"]
        except (KeyError, ValueError):
            raise VaultError(f"{path}: vault damaged (missing key parameters)") from None
        try:
            ok = vault._open_blob("check", 0, check[:12], check[12:]) == _CHECK
        except VaultError:
            ok = False
        if not ok:
            conn.close()
            raise VaultError("wrong passphrase for this project's vault")
        return vault

    def close(self) -> None:
        self._conn.close()

    # --- records -------------------------------------------------------------------------
    def put(self, kind: str, id: int, value: Any) -> None:
        nonce, blob = self._seal(kind, id, json.dumps(value, ensure_ascii=False).encode("utf-8"))
        self._conn.execute(
            "INSERT OR REPLACE INTO records (kind, id, nonce, blob) VALUES (?, ?, ?, ?)",
            (kind, id, nonce, blob),
        )

    def get(self, kind: str, id: int, default: Any = None) -> Any:
        row = self._conn.execute(
            "SELECT nonce, blob FROM records WHERE kind = ? AND id = ?", (kind, id)
        ).fetchone()
        if row is None:
            return default
        return json.loads(self._open_blob(kind, id, row[0], row[1]))

    def items(self, kind: str) -> Iterator[tuple[int, Any]]:
        rows = self._conn.execute(
            "SELECT id, nonce, blob FROM records WHERE kind = ? ORDER BY id", (kind,)
        ).fetchall()
        for id_, nonce, blob in rows:
            yield id_, json.loads(self._open_blob(kind, id_, nonce, blob))

    def delete(self, kind: str, id: int | None = None) -> None:
        if id is None:
            self._conn.execute("DELETE FROM records WHERE kind = ?", (kind,))
        else:
            self._conn.execute("DELETE FROM records WHERE kind = ? AND id = ?", (kind, id))

    def next_id(self, kind: str) -> int:
        row = self._conn.execute("SELECT MAX(id) FROM records WHERE kind = ?", (kind,)).fetchone()
        return (row[0] or 0) + 1

    def transaction(self):
        return transaction(self._conn)

    # --- crypto --------------------------------------------------------------------------
    def _seal(self, kind: str, id: int, data: bytes) -> tuple[bytes, bytes]:
        nonce = os.urandom(12)
        return nonce, self._aead.encrypt(nonce, data, f"{kind}:{id}".encode())

    def _open_blob(self, kind: str, id: int, nonce: bytes, blob: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(nonce, blob, f"{kind}:{id}".encode())
        except InvalidTag:
            raise VaultError(
                f"vault record {kind}:{id} cannot be decrypted (tampered or wrong key)"
            ) from None
