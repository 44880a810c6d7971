"""`research anonymise`: detect in new sources, apply everywhere, scan the output again.

Detection (the costly NLP pass) runs once per source and is committed source by source, so an
interrupted run resumes where it stopped. The apply step then rebuilds every source, and a
residual scan re-runs detection on the anonymised text of the new sources: whatever it still
finds becomes a redaction rule, applied at once and flagged for the ethics lead.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Protocol

from research.anonymise import surface_decisions
from research.anonymise.apply import apply_all
from research.anonymise.detect import GUESSERS
from research.anonymise.ingest import load_original
from research.anonymise.speakers import SpeakerRegistry, register_source_speakers
from research.anonymise.vault import Vault
from research.project import Project, now
from research.store import transaction
from research.store.chain import audited

Progress = Callable[[int, int], None]
# Pseudonyms and placeholders the apply step writes: the residual scan must not flag them.
PLACEHOLDER = re.compile(
    r"\[(?:Person|Council|Organisation|Place) [A-Z0-9]+\]|\[(?:email|phone|ID|postcode|URL)\]|\b(?:P\d{2,}|F\d+|Unidentified)\b"
)


class DetectorLike(Protocol):
    def set_known(self, people=(), orgs=(), places=()) -> None: ...
    def analyze_batch(self, texts: list[str], progress=None) -> list[list]: ...
    def analyze_sources(self, batches: list[list[str]], progress=None) -> Iterator[list[list]]: ...


@dataclass
class RunSummary:
    detected_sources: list[str] = field(default_factory=list)
    words: int = 0
    detections: int = 0
    residual: int = 0
    applied: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    pending_review: int = 0
    detect_seconds: float = 0.0
    total_seconds: float = 0.0


def make_detector(project: Project) -> DetectorLike:
    from research.anonymise.detect import DetectionSettings, Detector

    s = project.settings
    return Detector(
        DetectionSettings(
            spacy_model=s.spacy_model,
            score_threshold=s.score_threshold,
            allow_list=list(s.allow_list),
            deny_list=list(s.deny_list),
            n_process=s.processes,
        )
    )


def anonymise_project(
    project: Project,
    vault: Vault,
    *,
    detector: DetectorLike | None = None,
    progress: Progress | None = None,
    actor: str | None = None,
) -> RunSummary:
    """Anonymise every source not yet anonymised, and re-apply the whole project."""
    t0 = time.perf_counter()
    db = project.db
    summary = RunSummary()
    pending = db.execute(
        "SELECT id, label, n_words FROM sources WHERE detected_at IS NULL ORDER BY id"
    ).fetchall()
    with transaction(db), vault.transaction():
        registry = SpeakerRegistry(db, vault)
        for src in db.execute("SELECT id FROM sources ORDER BY id").fetchall():
            orig = load_original(vault, src["id"])
            register_source_speakers(registry, orig["utterances"], orig.get("facilitators", []))
    if pending:
        detector = detector or make_detector(project)
        detector.set_known(people=registry.known_people())
        batches = [
            [u["text"] for u in load_original(vault, src["id"])["utterances"]] for src in pending
        ]
        # words read after each text, for the progress bar
        upto = list(accumulate(len(t.split()) for texts in batches for t in texts))

        def tick(n_texts: int) -> None:
            if progress and upto:
                progress(upto[n_texts - 1] if n_texts else 0, upto[-1])

        t1 = time.perf_counter()
        found = detector.analyze_sources(batches, progress=tick)
        for src, results in zip(pending, found, strict=True):
            _store_detections(project, vault, src["id"], results)
            summary.detected_sources.append(src["label"])
            summary.detections += sum(len(r) for r in results)
        summary.words = sum(s["n_words"] for s in pending)
        summary.detect_seconds = time.perf_counter() - t1
    stats = apply_all(project, vault, actor=actor)
    # Sources detected but not yet scanned again: this run's, or a killed run's.
    unscanned = [
        r[0]
        for r in db.execute(
            "SELECT id FROM sources WHERE detected_at IS NOT NULL AND residual_at IS NULL ORDER BY id"
        )
    ]
    if unscanned:
        if detector is None:
            detector = make_detector(project)
            detector.set_known(people=registry.known_people())
        summary.residual = residual_scan(project, vault, detector, unscanned)
        if summary.residual:
            stats = apply_all(project, vault, actor=actor)
    summary.applied = stats["applied"]
    summary.by_type = stats["by_type"]
    summary.pending_review = db.execute(
        "SELECT COUNT(*) FROM detections WHERE decision = 'pending' AND applied = 1"
    ).fetchone()[0]
    with transaction(db):
        project.log(
            "anonymise",
            actor,
            sources=summary.detected_sources,
            detections=summary.detections,
            residual=summary.residual,
            applied=summary.applied,
        )
    summary.total_seconds = time.perf_counter() - t0
    return summary


def _store_detections(project: Project, vault: Vault, source_id: int, results: list[list]) -> None:
    """One source's detections, committed together with its detected_at stamp."""
    db = project.db
    review_below = project.settings.review_below
    decided = surface_decisions.load(vault)
    stamp = now()
    # only this source's detections change: the audit compares those, not the whole table
    chained = audited(db, ("detections",), where="source_id = ?", params=(source_id,))
    with transaction(db), vault.transaction(), chained:
        for (old,) in db.execute(
            "SELECT id FROM detections WHERE source_id = ? AND origin = 'detected'", (source_id,)
        ).fetchall():
            vault.delete("surface", old)
        db.execute(
            "DELETE FROM detections WHERE source_id = ? AND origin = 'detected'", (source_id,)
        )
        for idx, dets in enumerate(results):
            for d in dets:
                # Words the ethics lead decided everywhere get that decision here too.
                prior = decided.get(surface_decisions.key(d.text), {})
                cur = db.execute(
                    "INSERT INTO detections (source_id, utt_idx, start, end, entity_type, recognizer,"
                    " score, origin, decision, decided_by, decided_at, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'detected', ?, ?, ?, ?)",
                    (
                        source_id,
                        idx,
                        d.start,
                        d.end,
                        d.entity_type,
                        d.recognizer,
                        float(d.score),
                        prior.get("decision") or ("pending" if d.score < review_below else "auto"),
                        prior.get("by"),
                        prior.get("at"),
                        stamp,
                    ),
                )
                vault.put("surface", cur.lastrowid, d.text)
        db.execute("UPDATE sources SET detected_at = ? WHERE id = ?", (stamp, source_id))


_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+[\"')\]]*|$)\s*")


def changed_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the sentences of `text` that hold a replacement, neighbours merged."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        if m.end() > m.start() and any(a < m.end() and m.start() < b for a, b in spans):
            if out and out[-1][1] == m.start():
                out[-1] = (out[-1][0], m.end())
            else:
                out.append((m.start(), m.end()))
    return out


def residual_scan(
    project: Project, vault: Vault, detector: DetectorLike, source_ids: list[int]
) -> int:
    """Detect again on the anonymised text; each new finding becomes a pending redaction rule.

    Only the sentences that anonymisation changed are scanned: an unchanged sentence is text
    the first pass already read, and the same detector gives the same answer on it.
    """
    db = project.db
    replaced: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d in db.execute(
        "SELECT source_id, utt_idx, a_start, a_end FROM detections WHERE applied = 1"
    ):
        replaced.setdefault((d[0], d[1]), []).append((d[2], d[3]))
    rows = [
        r
        for r in db.execute(
            f"SELECT source_id, idx, text FROM utterances WHERE source_id IN ({','.join('?' * len(source_ids))})"
            " ORDER BY source_id, idx",
            source_ids,
        ).fetchall()
        if (r["source_id"], r["idx"]) in replaced
    ]
    pieces = [
        (row, start, end)
        for row in rows
        for start, end in changed_sentences(row["text"], replaced[(row["source_id"], row["idx"])])
    ]
    texts = [row["text"][start:end] for row, start, end in pieces]
    results = detector.analyze_batch(texts) if texts else []
    known = {t.casefold() for _, t in vault.items("rule")}
    not_pii = {k for k, v in surface_decisions.load(vault).items() if v["decision"] == "rejected"}
    found = 0
    stamp = now()
    with transaction(db), vault.transaction(), audited(db, ("redaction_rules",)):
        for (row, offset, _), dets in zip(pieces, results, strict=True):
            spans = [(a - offset, b - offset) for a, b in replaced[(row["source_id"], row["idx"])]]
            for d in dets:
                # What overlaps a replacement is the replacement itself ("Council A]"), not a leak.
                if any(d.start < b and a < d.end for a, b in spans):
                    continue
                if d.recognizer in GUESSERS:
                    continue  # read on the original text already; here a placeholder misleads
                if PLACEHOLDER.search(d.text) or not d.text.strip("[]() ").strip():
                    continue
                surface = d.text.strip()
                if surface_decisions.key(surface) in not_pii:
                    continue  # the ethics lead ruled these words are not personal data
                rule_id = None
                if surface.casefold() not in known:
                    cur = db.execute(
                        "INSERT INTO redaction_rules (entity_type, origin, decision, created_at)"
                        " VALUES (?, 'residual', 'pending', ?)",
                        (d.entity_type, stamp),
                    )
                    rule_id = cur.lastrowid
                    vault.put("rule", rule_id, surface)
                    known.add(surface.casefold())
                db.execute(
                    "INSERT INTO residual_findings (source_id, utt_idx, entity_type, recognizer, score,"
                    " rule_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        row["source_id"],
                        row["idx"],
                        d.entity_type,
                        d.recognizer,
                        float(d.score),
                        rule_id,
                        stamp,
                    ),
                )
                found += 1
        db.execute(
            f"UPDATE sources SET residual_at = ? WHERE id IN ({','.join('?' * len(source_ids))})",
            [stamp, *source_ids],
        )
    return found
