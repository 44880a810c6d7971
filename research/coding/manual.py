"""Researchers' coding decisions: apply, remove, accept or reject a suggestion, with a memo.

Every coding records coder, method (auto, confirmed, manual), confidence, status and time.
Each action is one transaction and one event in the project log (ids and code ids only).
"""

from __future__ import annotations

import sqlite3

from research.coding.codebook import Codebook
from research.errors import ConfigError, ProjectError
from research.project import Project, current_user, now
from research.store import transaction

AUTO_CODER = "auto"


class CodingError(ProjectError):
    """An unknown segment, code or suggestion, or an action the coding state forbids."""


def resolve_coder(coder: str | None) -> str:
    """--coder, else $RESEARCH_CODER, else the login name."""
    name = (coder or current_user()).strip()
    if not name:
        raise CodingError("the coder needs a name (--coder NAME or RESEARCH_CODER)")
    return name


def _segment(db: sqlite3.Connection, segment_id: int) -> sqlite3.Row:
    row = db.execute("SELECT * FROM segments WHERE id = ?", (segment_id,)).fetchone()
    if row is None:
        raise CodingError(f"no segment {segment_id} (see `research code list`)")
    return row


def _code(book: Codebook, ref: str) -> str:
    try:
        return book.resolve(ref).id
    except ConfigError:
        raise CodingError(
            f"unknown code {ref!r}; the codebook has: {', '.join(book.ids)}"
        ) from None


def apply_code(
    project: Project,
    book: Codebook,
    segment_id: int,
    code: str,
    *,
    coder: str | None = None,
    memo: str | None = None,
) -> dict:
    """Code a segment by hand (method 'manual', status 'applied')."""
    db, who, stamp = project.db, resolve_coder(coder), now()
    with transaction(db):
        _segment(db, segment_id)
        code_id = _code(book, code)
        db.execute(
            "INSERT INTO codings (segment_id, code_id, coder, method, confidence, status, memo,"
            " created_at, updated_at) VALUES (?, ?, ?, 'manual', NULL, 'applied', ?, ?, ?)"
            " ON CONFLICT(segment_id, code_id, coder) DO UPDATE SET method = 'manual',"
            " status = 'applied', memo = COALESCE(excluded.memo, codings.memo),"
            " updated_at = excluded.updated_at",
            (segment_id, code_id, who, memo, stamp, stamp),
        )
        project.log("code.apply", actor=who, segment=segment_id, code=code_id, memo=bool(memo))
    return get_coding(project, segment_id, code_id, who)


def remove_code(
    project: Project, book: Codebook, segment_id: int, code: str, *, coder: str | None = None
) -> None:
    """Take a code off a segment for this coder."""
    db, who = project.db, resolve_coder(coder)
    with transaction(db):
        _segment(db, segment_id)
        code_id = _code(book, code)
        cur = db.execute(
            "DELETE FROM codings WHERE segment_id = ? AND code_id = ? AND coder = ?",
            (segment_id, code_id, who),
        )
        if cur.rowcount == 0:
            raise CodingError(f"segment {segment_id} has no code {code_id!r} from coder {who!r}")
        project.log("code.remove", actor=who, segment=segment_id, code=code_id)


def decide(
    project: Project,
    book: Codebook,
    segment_id: int,
    code: str,
    *,
    accept: bool,
    coder: str | None = None,
    memo: str | None = None,
    auto_coder: str = AUTO_CODER,
) -> dict:
    """Accept or reject the tool's suggestion: the researcher's decision is a 'confirmed' coding."""
    db, who, stamp = project.db, resolve_coder(coder), now()
    status = "accepted" if accept else "rejected"
    with transaction(db):
        _segment(db, segment_id)
        code_id = _code(book, code)
        sug = db.execute(
            "SELECT * FROM codings WHERE segment_id = ? AND code_id = ? AND method = 'auto'"
            " AND coder = ?",
            (segment_id, code_id, auto_coder),
        ).fetchone()
        if sug is None:
            raise CodingError(
                f"segment {segment_id} has no suggestion {code_id!r}; run `research code --auto`"
                " or use `research code apply`"
            )
        db.execute(
            "UPDATE codings SET status = ?, updated_at = ? WHERE id = ?", (status, stamp, sug["id"])
        )
        db.execute(
            "INSERT INTO codings (segment_id, code_id, coder, method, confidence, status, memo,"
            " created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)"
            " ON CONFLICT(segment_id, code_id, coder) DO UPDATE SET method = 'confirmed',"
            " confidence = excluded.confidence, status = excluded.status,"
            " memo = COALESCE(excluded.memo, codings.memo), updated_at = excluded.updated_at",
            (segment_id, code_id, who, sug["confidence"], status, memo, stamp, stamp),
        )
        project.log(
            f"code.{'accept' if accept else 'reject'}", actor=who, segment=segment_id, code=code_id
        )
    return get_coding(project, segment_id, code_id, who)


def set_memo(
    project: Project,
    segment_id: int,
    code_id: str | None,
    memo: str | None,
    coder: str | None = None,
) -> int:
    """Write (or clear, with an empty memo) the memo on a coder's own codings of a segment.

    `code_id` None means every coding of this coder on the segment. The tool's suggestions are
    never annotated. Returns how many codings were updated (0 when the coder has none there).
    """
    db, who, stamp = project.db, resolve_coder(coder), now()
    text = (memo or "").strip() or None
    with transaction(db):
        _segment(db, segment_id)
        where = "segment_id = ? AND coder = ? AND method <> 'auto'"
        args: list = [segment_id, who]
        if code_id is not None:
            where += " AND code_id = ?"
            args.append(code_id)
        cur = db.execute(
            f"UPDATE codings SET memo = ?, updated_at = ? WHERE {where}", (text, stamp, *args)
        )
        project.log("code.memo", actor=who, segment=segment_id, code=code_id, codings=cur.rowcount)
    return cur.rowcount


def get_coding(project: Project, segment_id: int, code_id: str, coder: str) -> dict:
    row = project.db.execute(
        "SELECT * FROM codings WHERE segment_id = ? AND code_id = ? AND coder = ?",
        (segment_id, code_id, coder),
    ).fetchone()
    return dict(row) if row else {}


def coder_codes(db: sqlite3.Connection, coder: str) -> dict[int, set[str]]:
    """Codes present per segment for one coder (the tool's own suggestions all count for it)."""
    out: dict[int, set[str]] = {}
    for r in db.execute(
        "SELECT segment_id, code_id FROM codings WHERE coder = ?"
        " AND (method = 'auto' OR status <> 'rejected')",
        (coder,),
    ):
        out.setdefault(r["segment_id"], set()).add(r["code_id"])
    return out


def coders(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT coder FROM codings ORDER BY coder")]


def list_segments(
    project: Project,
    *,
    source: str | None = None,
    uncoded: bool = False,
    facilitators: bool = False,
) -> list[dict]:
    """Segments with their codes (all coders); `uncoded` keeps those with no code at all."""
    db = project.db
    args: list = []
    where = ["1 = 1"]
    if source is not None:
        if not db.execute("SELECT 1 FROM sources WHERE label = ?", (source,)).fetchone():
            raise CodingError(f"no source labelled {source!r} (see `research status`)")
        where.append("src.label = ?")
        args.append(source)
    if not facilitators:
        where.append("s.is_facilitator = 0")
    rows = db.execute(
        "SELECT s.id, src.label source, s.utt_idx, s.seg_no, sp.pseudonym speaker, s.start, s.text,"
        " s.is_facilitator FROM segments s JOIN sources src ON src.id = s.source_id"
        " LEFT JOIN speakers sp ON sp.id = s.speaker_id"
        f" WHERE {' AND '.join(where)} ORDER BY s.source_id, s.utt_idx, s.seg_no",
        args,
    ).fetchall()
    codings: dict[int, list[dict]] = {}
    for r in db.execute(
        "SELECT segment_id, code_id, coder, method, confidence, status FROM codings"
        " WHERE status <> 'rejected' ORDER BY code_id, coder"
    ):
        codings.setdefault(r["segment_id"], []).append(dict(r))
    out = []
    for r in rows:
        cs = codings.get(r["id"], [])
        if uncoded and cs:
            continue
        out.append(dict(r) | {"codings": cs})
    return out
