"""The ethics lead's review: list detections, accept or reject them, add redactions by hand.

Every decision is recorded (who, when) and re-applied to the whole corpus at once, so what a
researcher sees always reflects the latest review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from research.anonymise import surface_decisions
from research.anonymise.apply import apply_all
from research.anonymise.vault import Vault
from research.errors import ProjectError
from research.project import Project, current_user, now
from research.store import transaction
from research.store.chain import audited

DECISIONS = ("accepted", "rejected")
ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "EMAIL", "PHONE", "ID", "POSTCODE", "URL")


@dataclass
class ReviewItem:
    id: int
    source: str
    utt_idx: int
    entity_type: str
    recognizer: str
    score: float
    origin: str
    decision: str
    applied: bool
    replacement: str | None
    context: str  # anonymised text around the replacement
    original: str | None = None  # only with the vault unlocked
    decided_by: str | None = None
    decided_at: str | None = None


def list_detections(
    project: Project,
    vault: Vault | None = None,
    *,
    pending: bool = False,
    entity_type: str | None = None,
    recognizer: str | None = None,
    decision: str | None = None,
    max_score: float | None = None,
    source: str | None = None,
    context_chars: int = 40,
) -> list[ReviewItem]:
    """Detections with their anonymised context; originals only if the vault is given."""
    where, args = [], []
    if pending:
        where.append("d.decision = 'pending'")
    for col, val in (
        ("d.entity_type", entity_type),
        ("d.recognizer", recognizer),
        ("d.decision", decision),
        ("s.label", source),
    ):
        if val is not None:
            where.append(f"{col} = ?")
            args.append(val)
    if max_score is not None:
        where.append("d.score <= ?")
        args.append(max_score)
    sql = (
        "SELECT d.*, s.label, u.text AS anon FROM detections d JOIN sources s ON s.id = d.source_id"
        " LEFT JOIN utterances u ON u.source_id = d.source_id AND u.idx = d.utt_idx"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY s.id, d.utt_idx, d.start, d.id"
    )
    items = []
    for r in project.db.execute(sql, args):
        anon = r["anon"] or ""
        if r["a_start"] is not None:
            lo, hi = (
                max(0, r["a_start"] - context_chars),
                min(len(anon), r["a_end"] + context_chars),
            )
            context = (
                ("…" if lo else "")
                + anon[lo : r["a_start"]]
                + "«"
                + anon[r["a_start"] : r["a_end"]]
                + "»"
                + anon[r["a_end"] : hi]
                + ("…" if hi < len(anon) else "")
            )
        else:
            context = anon[: 2 * context_chars] + ("…" if len(anon) > 2 * context_chars else "")
        items.append(
            ReviewItem(
                r["id"],
                r["label"],
                r["utt_idx"],
                r["entity_type"],
                r["recognizer"],
                r["score"],
                r["origin"],
                r["decision"],
                bool(r["applied"]),
                r["replacement"],
                context,
                vault.get("surface", r["id"]) if vault is not None else None,
                r["decided_by"],
                r["decided_at"],
            )
        )
    return items


def decide(
    project: Project,
    vault: Vault,
    detection_ids: int | Iterable[int],
    decision: str,
    reviewer: str | None = None,
    *,
    everywhere: bool = False,
) -> dict:
    """Accept or reject detections (a rule's occurrence decides the whole rule), then re-apply.

    With `everywhere`, every detection of the same words (any case, any source) is decided too,
    and the decision is kept for the same words in sources detected later.
    """
    if decision not in DECISIONS:
        raise ProjectError(f"decision must be one of {', '.join(DECISIONS)}")
    ids = [detection_ids] if isinstance(detection_ids, int) else list(dict.fromkeys(detection_ids))
    db = project.db
    rows = {}
    for detection_id in ids:
        row = db.execute("SELECT * FROM detections WHERE id = ?", (detection_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no detection with id {detection_id} (see `research review list`)")
        rows[detection_id] = row
    who, stamp = reviewer or current_user(), now()
    with transaction(db), vault.transaction(), audited(db, ("detections", "redaction_rules")):
        if everywhere:
            chosen = {vault.get("surface", i, "") for i in ids}
            keys = {surface_decisions.key(s) for s in chosen} - {""}
            same = [
                i
                for i, surface in vault.items("surface")
                if i not in rows and surface_decisions.key(surface) in keys
            ]
            for row in db.execute(
                f"SELECT * FROM detections WHERE id IN ({','.join('?' * len(same))})", same
            ):
                rows[row["id"]] = row
            surface_decisions.remember(vault, chosen, decision, who, stamp)
        for row in rows.values():
            _decide_one(db, row, decision, who, stamp)
        detail: dict = {"detection": ids[0], "entity_type": rows[ids[0]]["entity_type"]}
        if len(rows) > 1:
            detail = {"detections": sorted(rows)}
        if everywhere:
            detail["everywhere"] = True
        project.log("review-" + decision, who, **detail)
    return apply_all(project, vault, actor=who) | {"decided": len(rows)}


def _decide_one(db, row, decision: str, who: str, stamp: str) -> None:
    rule_id = _rule_of(row["recognizer"])
    if rule_id is not None:
        db.execute(
            "UPDATE redaction_rules SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
            (decision, who, stamp, rule_id),
        )
        db.execute(
            "UPDATE detections SET decision = ?, decided_by = ?, decided_at = ? WHERE recognizer = ?",
            (decision, who, stamp, row["recognizer"]),
        )
    else:
        db.execute(
            "UPDATE detections SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
            (decision, who, stamp, row["id"]),
        )


def add_redaction(
    project: Project,
    vault: Vault,
    text: str,
    entity_type: str = "PERSON",
    reviewer: str | None = None,
) -> int:
    """Redact TEXT everywhere it occurs (any case, whole words); returns the rule id."""
    text = text.strip()
    if not text:
        raise ProjectError("nothing to redact: the text is empty")
    entity_type = entity_type.upper()
    if entity_type not in ENTITY_TYPES:
        raise ProjectError(f"entity type must be one of {', '.join(ENTITY_TYPES)}")
    db = project.db
    who, stamp = reviewer or current_user(), now()
    with transaction(db), vault.transaction(), audited(db, ("redaction_rules",)):
        cur = db.execute(
            "INSERT INTO redaction_rules (entity_type, origin, decision, decided_by, decided_at, created_at)"
            " VALUES (?, 'manual', 'added', ?, ?, ?)",
            (entity_type, who, stamp, stamp),
        )
        rule_id = cur.lastrowid
        vault.put("rule", rule_id, text)
        project.log("review-add", who, rule=rule_id, entity_type=entity_type)
    apply_all(project, vault, actor=who)
    n = db.execute(
        "SELECT COUNT(*) FROM detections WHERE recognizer = ?", (f"rule:{rule_id}",)
    ).fetchone()[0]
    if n == 0:
        with transaction(db):
            project.log("review-add-no-match", who, rule=rule_id)
    return rule_id


def _rule_of(recognizer: str) -> int | None:
    if recognizer.startswith("rule:") and recognizer[5:].isdigit():
        return int(recognizer[5:])
    return None
