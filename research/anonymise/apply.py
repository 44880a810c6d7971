"""The apply step: from detections, propagation and redaction rules to anonymised turns.

Cheap and deterministic (no NLP model): it runs after every detection run and after every
review decision, over all sources, so names found in one source are redacted in every other
and the whole corpus always reflects the latest decisions.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from research.anonymise.detect import allow_pattern
from research.anonymise.names import widen_person
from research.anonymise.propagate import (
    STOP_WORDS,
    Hit,
    NameMatcher,
    PhraseMatcher,
    SurfaceMatcher,
    is_ambiguous,
    propagatable,
)
from research.anonymise.pseudonyms import PseudonymRegistry, assignment_order
from research.anonymise.speakers import SpeakerRegistry, register_source_speakers
from research.anonymise.vault import Vault
from research.project import Project, now
from research.store.chain import audited

RULE_ORIGINS = ("propagated", "manual", "residual")


@dataclass
class Row:
    """A detection as the apply step sees it (surface from the vault)."""

    id: int | None
    source_id: int
    utt_idx: int
    start: int
    end: int
    entity_type: str
    recognizer: str
    score: float
    origin: str
    decision: str
    surface: str
    applied: bool = True
    replacement: str | None = None
    a_start: int | None = None
    a_end: int | None = None


def replace_spans(text: str, rows: list[Row], labels: list[str]) -> str:
    """Replace non-overlapping sorted spans; record where each replacement landed."""
    out, pos, shift = [], 0, 0
    for row, label in zip(rows, labels, strict=True):
        out.append(text[pos : row.start])
        row.a_start = row.start + shift
        row.a_end = row.a_start + len(label)
        row.replacement = label
        out.append(label)
        shift += len(label) - (row.end - row.start)
        pos = row.end
    out.append(text[pos:])
    return "".join(out)


def _load_rows(db: sqlite3.Connection, vault: Vault) -> list[Row]:
    surfaces = dict(vault.items("surface"))
    rows = []
    for r in db.execute("SELECT * FROM detections ORDER BY source_id, utt_idx, start, id"):
        rows.append(
            Row(
                r["id"],
                r["source_id"],
                r["utt_idx"],
                r["start"],
                r["end"],
                r["entity_type"],
                r["recognizer"],
                r["score"],
                r["origin"],
                r["decision"],
                surfaces.get(r["id"], ""),
            )
        )
    return rows


def _rules(
    db: sqlite3.Connection, vault: Vault, deny_list: list[str]
) -> list[tuple[int | None, str, str, str, str]]:
    """(rule id, text, entity type, origin, decision) for every redaction rule in force."""
    texts = dict(vault.items("rule"))
    out = [
        (r["id"], texts.get(r["id"], ""), r["entity_type"], r["origin"], r["decision"])
        for r in db.execute("SELECT * FROM redaction_rules ORDER BY id")
        if texts.get(r["id"])
    ]
    out += [(None, text, "PERSON", "manual", "added") for text in deny_list if text.strip()]
    return out


def apply_all(project: Project, vault: Vault, actor: str | None = None) -> dict:
    """Rebuild every source's anonymised turns. Call inside no transaction; it makes its own."""
    from research.anonymise.ingest import load_original
    from research.store import transaction

    db = project.db
    settings = project.settings
    stats: dict = {"sources": 0, "applied": 0, "by_type": defaultdict(int)}
    with transaction(db), vault.transaction(), audited(db):
        registry = SpeakerRegistry(db, vault)
        sources = db.execute(
            "SELECT id, label FROM sources WHERE detected_at IS NOT NULL ORDER BY id"
        ).fetchall()
        originals = {s["id"]: load_original(vault, s["id"]) for s in sources}
        speaker_maps = {
            sid: register_source_speakers(
                registry, orig["utterances"], orig.get("facilitators", [])
            )
            for sid, orig in originals.items()
        }
        rows = _load_rows(db, vault)
        stored = {
            (r.source_id, r.utt_idx, r.start, r.end, r.origin): r
            for r in rows
            if r.origin in RULE_ORIGINS
        }
        detected = [r for r in rows if r.origin == "detected"]

        # Names to propagate: speakers, confident PERSON detections, PERSON rules; a
        # low-confidence detection too when the ethics lead accepted it, when no word of it is
        # an ordinary word ("Caldmore") or when it is a capitalised name of two words or more
        # ("Spotlight on Inclusion": redacted in one place, it must not stay in another)
        def spreads(r: Row) -> bool:
            if r.decision in ("rejected", "accepted"):
                return r.decision == "accepted"
            return (
                r.score >= settings.review_below
                or _no_ordinary_word(r.surface)
                or _titled_phrase(r.surface)
            )

        rules = [r for r in _rules(db, vault, settings.deny_list) if r[4] != "rejected"]
        names = set(registry.known_people())
        names |= {
            r.surface
            for r in detected
            if r.entity_type == "PERSON" and spreads(r) and propagatable(r.surface)
        }
        matcher = NameMatcher(names)
        # Councils and places found once are redacted wherever else they occur.
        surface_matchers = [
            (
                etype,
                SurfaceMatcher(
                    {r.surface for r in detected if r.entity_type == etype and spreads(r)}
                ),
            )
            for etype in ("ORG", "PLACE")
        ]
        allowed = allow_pattern(settings.allow_list)
        phrase_matchers = [
            (rid, PhraseMatcher([text]), etype, origin, decision)
            for rid, text, etype, origin, decision in rules
        ]

        by_utt: dict[tuple[int, int], list[Row]] = defaultdict(list)
        for r in detected:
            by_utt[(r.source_id, r.utt_idx)].append(r)
        for sid, orig in originals.items():
            for idx, utt in enumerate(orig["utterances"]):
                text = utt["text"]
                rows_here = by_utt[(sid, idx)]  # the detected rows; rule and propagated rows join
                taken = [r for r in rows_here if r.decision != "rejected"]
                for rid, pm, etype, origin, decision in phrase_matchers:
                    for start, end, surface in pm.find(text):
                        rows_here.append(
                            _rule_row(stored, sid, idx, start, end, etype,
                                      f"rule:{rid or 'deny_list'}", origin, decision, surface)
                        )  # fmt: skip
                hits = [(widen(text, h), "PERSON") for h in matcher.find(text)]
                hits += [(h, etype) for etype, sm in surface_matchers for h in sm.find(text)]
                public = [m.span() for m in allowed.finditer(text)]  # "George Floyd" stays
                for hit, etype in hits:
                    if any(a <= hit.start and hit.end <= b for a, b in public):
                        continue
                    if not any(_overlap(hit, r) for r in taken):
                        rows_here.append(
                            _rule_row(stored, sid, idx, hit.start, hit.end, etype, "propagation",
                                      "propagated", "auto", hit.text)
                        )  # fmt: skip

        # Stale propagated/rule rows go; the rest keep their ids and decisions.
        keep = {
            (r.source_id, r.utt_idx, r.start, r.end, r.origin) for rs in by_utt.values() for r in rs
        }
        for key, r in stored.items():
            if key not in keep:
                db.execute("DELETE FROM detections WHERE id = ?", (r.id,))
                vault.delete("surface", r.id)

        # Choose what is applied in each turn: no overlaps, longest span first, rejected never.
        plan: dict[tuple[int, int], list[Row]] = {}
        order: list[tuple[str, str]] = []
        for key in sorted(by_utt):
            here = by_utt[key]
            rejected = [x for x in here if x.decision == "rejected"]
            chosen: list[Row] = []
            for r in sorted(
                here, key=lambda r: (r.start, -(r.end - r.start), r.origin != "detected")
            ):
                # A rejected detection also shields its span from propagation and rules.
                shielded = r.origin != "detected" and any(
                    x is not r and _overlap(r, x) and x.surface.casefold() == r.surface.casefold()
                    for x in rejected
                )
                r.applied = (
                    r.decision != "rejected"
                    and not shielded
                    and not any(_overlap(r, c) for c in chosen)
                )
                if r.applied:
                    chosen.append(r)
            plan[key] = chosen
            order += [(r.entity_type, r.surface) for r in chosen]

        pseudonyms = PseudonymRegistry(vault, registry.speaker_for_name(), registry.pseudonyms())
        for etype, surface in assignment_order(order):
            pseudonyms.label(etype, surface)

        for sid, orig in originals.items():
            smap = speaker_maps[sid]
            for idx, utt in enumerate(orig["utterances"]):
                chosen = plan.get((sid, idx), [])
                labels = [pseudonyms.label(r.entity_type, r.surface) for r in chosen]
                text = replace_spans(utt["text"], chosen, labels)
                db.execute(
                    "INSERT INTO utterances (source_id, idx, speaker_id, start, end, text)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, idx) DO UPDATE SET"
                    " speaker_id = excluded.speaker_id, start = excluded.start, end = excluded.end,"
                    " text = excluded.text",
                    (sid, idx, smap[utt["speaker"]], utt.get("start"), utt.get("end"), text),
                )
                for r in chosen:
                    stats["by_type"][r.entity_type] += 1
                stats["applied"] += len(chosen)
            db.execute(
                "DELETE FROM utterances WHERE source_id = ? AND idx >= ?",
                (sid, len(orig["utterances"])),
            )
            stats["sources"] += 1

        stamp = now()
        for rs in by_utt.values():
            for r in rs:
                _save_row(db, vault, r, stamp)
        for sid in originals:
            db.execute(
                "UPDATE sources SET anonymised_at = COALESCE(anonymised_at, ?) WHERE id = ?",
                (stamp, sid),
            )
        _void_signoff_if_changed(db, stamp)
    stats["by_type"] = dict(stats["by_type"])
    return stats


def _overlap(a, b) -> bool:
    """Whether two spans (anything with start and end) overlap."""
    return a.start < b.end and b.start < a.end


def _rule_row(stored, sid, idx, start, end, etype, recognizer, origin, decision, surface) -> Row:
    prev = stored.get((sid, idx, start, end, origin))
    if prev is not None:
        # A rule's decision (accepted / rejected as a whole) wins over the occurrence's old one.
        prev.decision = (
            decision
            if origin != "propagated" and decision in ("accepted", "rejected", "added")
            else prev.decision
        )
        prev.surface = surface
        prev.entity_type = etype
        return prev
    return Row(None, sid, idx, start, end, etype, recognizer, 1.0, origin, decision, surface)


def _save_row(db: sqlite3.Connection, vault: Vault, r: Row, stamp: str) -> None:
    if r.id is None:
        cur = db.execute(
            "INSERT INTO detections (source_id, utt_idx, start, end, entity_type, recognizer, score,"
            " origin, replacement, a_start, a_end, applied, decision, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r.source_id,
                r.utt_idx,
                r.start,
                r.end,
                r.entity_type,
                r.recognizer,
                r.score,
                r.origin,
                r.replacement if r.applied else None,
                r.a_start if r.applied else None,
                r.a_end if r.applied else None,
                int(r.applied),
                r.decision,
                stamp,
            ),
        )
        r.id = cur.lastrowid
        vault.put("surface", r.id, r.surface)
    else:
        db.execute(
            "UPDATE detections SET entity_type = ?, replacement = ?, a_start = ?, a_end = ?, applied = ?,"
            " decision = ? WHERE id = ?",
            (
                r.entity_type,
                r.replacement if r.applied else None,
                r.a_start if r.applied else None,
                r.a_end if r.applied else None,
                int(r.applied),
                r.decision,
                r.id,
            ),
        )


def _void_signoff_if_changed(db: sqlite3.Connection, stamp: str) -> None:
    from research.anonymise.corpus_hash import corpus_sha256

    row = db.execute(
        "SELECT id, corpus_sha256 FROM signoffs WHERE voided_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is not None and row["corpus_sha256"] != corpus_sha256(db):
        db.execute(
            "UPDATE signoffs SET voided_at = ?, void_reason = ? WHERE id = ?",
            (stamp, "the anonymised corpus changed after sign-off", row["id"]),
        )
        db.execute(
            "INSERT INTO events (at, actor, action, detail) VALUES (?, 'research', 'signoff-voided', ?)",
            (stamp, json.dumps({"signoff": row["id"]})),
        )  # chained by the enclosing audited() block


def widen(text: str, hit: Hit) -> Hit:
    """A propagated name grown over its title or hyphenated half ("Mr Devlin", "Hyun-woo")."""
    start, end = widen_person(text, hit.start, hit.end)
    if (start, end) == (hit.start, hit.end):
        return hit
    return Hit(start, end, text[start:end], hit.name)


TITLED_LINKS = {"on", "of", "and", "for", "the", "by", "&", "in", "at"}


def _titled_phrase(surface: str) -> bool:
    """Two capitalised words or more, only link words between them, one of them in no word
    list: "Sussex Coast" (not "Race Equality", which would match the phrase in lower case)."""
    from research.anonymise.recognizers.lexicon import is_word_form

    words = surface.split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2 or not all(w[:1].isupper() or w in TITLED_LINKS for w in words):
        return False
    return any(not is_word_form(w.lower().strip(".,'’")) for w in capitals)


def _no_ordinary_word(surface: str) -> bool:
    """No word of the surface is an English word, a form of one or a function word: a
    low-confidence "Caldmore" may spread, "children" or "I've" may not."""
    from research.anonymise.recognizers.lexicon import is_word_form, not_names

    words = re.findall(r"[^\W\d_][\w'’-]*", surface)
    return bool(words) and not any(
        "'" in w
        or "’" in w
        or is_ambiguous(w)
        or is_word_form(w.lower())
        or w.lower() in STOP_WORDS
        or w.lower() in not_names()
        for w in words
    )
