"""The current sign-off, read from project.db (shared by status, exports and the TUI)."""

from __future__ import annotations

import sqlite3


def signoff_state(db: sqlite3.Connection) -> dict:
    """{'valid': bool, 'reviewer', 'signed_at', 'corpus_sha256', 'summary'} for the latest sign-off."""
    row = db.execute("SELECT * FROM signoffs ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return {
            "valid": False,
            "reviewer": None,
            "signed_at": None,
            "corpus_sha256": None,
            "summary": "NOT SIGNED OFF: the anonymised corpus has not been reviewed",
        }
    valid = row["voided_at"] is None
    summary = (
        f"signed off by {row['reviewer']} at {row['signed_at']} (corpus sha256 {row['corpus_sha256'][:12]}...)"
        if valid
        else f"VOID: signed off by {row['reviewer']} at {row['signed_at']}, voided at {row['voided_at']} ({row['void_reason']})"
    )
    return {
        "valid": valid,
        "reviewer": row["reviewer"],
        "signed_at": row["signed_at"],
        "corpus_sha256": row["corpus_sha256"],
        "voided_at": row["voided_at"],
        "summary": summary,
    }
