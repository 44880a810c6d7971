"""Sign-off: the ethics lead pins the anonymised corpus by its SHA-256; any change voids it."""

from __future__ import annotations

from research.anonymise.corpus_hash import corpus_sha256
from research.errors import ProjectError
from research.project import Project, now
from research.signoff_state import signoff_state
from research.store import transaction
from research.store.chain import audited, head


def sign_off(
    project: Project, reviewer: str, note: str | None = None, allow_pending: bool = False
) -> dict:
    """Record reviewer, time and corpus hash. Refuses while items await review (unless allowed)."""
    db = project.db
    if not reviewer.strip():
        raise ProjectError("a sign-off needs the reviewer's name (--reviewer)")
    unanonymised = db.execute(
        "SELECT COUNT(*) FROM sources WHERE anonymised_at IS NULL"
    ).fetchone()[0]
    if unanonymised:
        raise ProjectError(
            f"{unanonymised} source(s) not anonymised yet: run `research anonymise` first"
        )
    if not db.execute("SELECT 1 FROM sources").fetchone():
        raise ProjectError("nothing to sign off: the project has no sources")
    pending = db.execute(
        "SELECT COUNT(*) FROM detections WHERE decision = 'pending' AND applied = 1"
    ).fetchone()[0]
    if pending and not allow_pending:
        raise ProjectError(
            f"{pending} detection(s) await review: accept or reject them first"
            " (`research review list --pending`), or sign off with --allow-pending"
        )
    stamp = now()
    with transaction(db):
        with audited(db, ("signoffs",)):
            _record_signoff(db, reviewer.strip(), stamp, note)
        # The sign-off pins the chain as it stands, its own entry included.
        db.execute(
            "UPDATE signoffs SET chain_head = ? WHERE id = (SELECT MAX(id) FROM signoffs)",
            (head(db),),
        )
        project.log("signoff", reviewer.strip(), pending=pending)
    return signoff_state(db)


def _record_signoff(db, reviewer: str, stamp: str, note: str | None) -> None:
    db.execute(
        "UPDATE signoffs SET voided_at = ?, void_reason = 'superseded by a new sign-off'"
        " WHERE voided_at IS NULL",
        (stamp,),
    )
    db.execute(
        "INSERT INTO signoffs (reviewer, signed_at, corpus_sha256, note) VALUES (?, ?, ?, ?)",
        (reviewer, stamp, corpus_sha256(db), note),
    )


def verify_signoff(project: Project) -> dict:
    """The sign-off state, with a fresh check that the corpus still matches its hash."""
    state = signoff_state(project.db)
    if state["valid"] and state["corpus_sha256"] != corpus_sha256(project.db):
        state["valid"] = False
        state["summary"] = "VOID: the anonymised corpus no longer matches the signed hash"
    return state
