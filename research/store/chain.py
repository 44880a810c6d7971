"""A hash chain over the audit records, so changes made behind the tool's back show.

Each write the tool makes to detections, redaction rules, sign-offs or events appends an entry
(kind, row id, SHA-256 of the row, time) whose hash covers the previous entry's hash. `verify`
recomputes the chain and compares every record with its last entry: a record edited, removed
or added outside the tool, or an entry altered, breaks it. Someone who rewrites the database
file can also rewrite the chain from the start: the sign-off keeps the chain head, so such a
rewrite is caught against any earlier sign-off or exported audit that quotes the head.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64
TRACKED = ("detections", "redaction_rules", "signoffs", "events")
# Columns that are the audit record; a sign-off's chain_head is set after its own entry.
_SKIP = {"signoffs": {"chain_head"}}


@dataclass(frozen=True)
class Problem:
    kind: str
    row_id: int | None
    what: str

    def __str__(self) -> str:
        where = f"{self.kind} {self.row_id}" if self.row_id is not None else self.kind
        return f"{where}: {self.what}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(kind: str, row: sqlite3.Row) -> str:
    skip = _SKIP.get(kind, set())
    data = {k: row[k] for k in row.keys() if k not in skip}  # noqa: SIM118 (Row iterates values)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _entry_hash(prev: str, kind: str, row_id: int, row_hash: str | None, at: str) -> str:
    return hashlib.sha256(f"{prev}|{kind}|{row_id}|{row_hash or '-'}|{at}".encode()).hexdigest()


def snapshot(
    db: sqlite3.Connection, kinds: tuple[str, ...] = TRACKED, where: str = "", params: tuple = ()
) -> dict[tuple[str, int], str]:
    """Digest of every record of these tables, or of those matching `where` (SQL, fixed text)."""
    out = {}
    clause = f" WHERE {where}" if where else ""
    for kind in kinds:
        for row in db.execute(f"SELECT * FROM {kind}{clause}", params):  # noqa: S608 - fixed text
            out[(kind, row["id"])] = _digest(kind, row)
    return out


def head(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(db: sqlite3.Connection, kind: str, row_id: int, row_hash: str | None) -> str:
    prev, at = head(db), _now()
    h = _entry_hash(prev, kind, row_id, row_hash, at)
    db.execute(
        "INSERT INTO audit_chain (kind, row_id, row_hash, at, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, row_id, row_hash, at, prev, h),
    )
    return h


def _latest(db: sqlite3.Connection, kind: str, row_id: int) -> str | None:
    row = db.execute(
        "SELECT row_hash FROM audit_chain WHERE kind = ? AND row_id = ? ORDER BY seq DESC LIMIT 1",
        (kind, row_id),
    ).fetchone()
    return row[0] if row else None


def record(db: sqlite3.Connection, kind: str, row_id: int) -> None:
    """Chain one record as it is now (call inside the transaction that wrote it)."""
    row = db.execute(f"SELECT * FROM {kind} WHERE id = ?", (row_id,)).fetchone()  # noqa: S608
    append(db, kind, row_id, _digest(kind, row) if row is not None else None)


@contextmanager
def audited(
    db: sqlite3.Connection, kinds: tuple[str, ...] = TRACKED, where: str = "", params: tuple = ()
) -> Iterator[None]:
    """Chain what changes inside the block (use inside its transaction).

    Only records this block changed are chained: a record altered earlier behind the tool's
    back stays out of step with the chain, and `verify` keeps reporting it. A block that
    changes only the records matching `where` (one source's detections) may say so, and only
    those are compared, instead of whole tables.
    """
    before = snapshot(db, kinds, where, params)
    yield
    after = snapshot(db, kinds, where, params)
    for key in sorted(after, key=lambda k: (k[0], k[1])):
        if before.get(key) != after[key] and _latest(db, *key) != after[key]:
            append(db, key[0], key[1], after[key])
    for key in sorted(set(before) - set(after)):
        append(db, key[0], key[1], None)


def verify(db: sqlite3.Connection) -> list[Problem]:
    """Everything that does not match the chain; an empty list means intact."""
    problems: list[Problem] = []
    prev = GENESIS
    latest: dict[tuple[str, int], str | None] = {}
    for e in db.execute("SELECT * FROM audit_chain ORDER BY seq"):
        if e["prev"] != prev:
            problems.append(
                Problem("audit_chain", e["seq"], "entry removed or reordered before this one")
            )
        if _entry_hash(e["prev"], e["kind"], e["row_id"], e["row_hash"], e["at"]) != e["hash"]:
            problems.append(Problem("audit_chain", e["seq"], "entry altered"))
        prev = e["hash"]
        latest[(e["kind"], e["row_id"])] = e["row_hash"]
    current = snapshot(db)
    for key, digest in sorted(current.items()):
        if key not in latest:
            problems.append(Problem(key[0], key[1], "added behind the tool's back"))
        elif latest[key] is None:
            problems.append(Problem(key[0], key[1], "reappeared after the tool removed it"))
        elif latest[key] != digest:
            problems.append(Problem(key[0], key[1], "changed behind the tool's back"))
    for key, digest in sorted(latest.items()):
        if digest is not None and key not in current:
            problems.append(Problem(key[0], key[1], "removed behind the tool's back"))
    hashes = {r[0] for r in db.execute("SELECT hash FROM audit_chain")}
    for s in db.execute("SELECT id, chain_head FROM signoffs WHERE chain_head IS NOT NULL"):
        if s["chain_head"] not in hashes:
            problems.append(
                Problem("signoffs", s["id"], "the chain it signed is no longer there (rewritten)")
            )
    return problems
