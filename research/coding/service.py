"""Project-level coding: codebook mirror, segment context, auto-coding runs, summaries.

`run_auto_coding` is what `research code --auto` and `research demo` call; it reads and writes
project.db only (anonymised text) and learns from the codings researchers have confirmed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from research.coding.autocoder import AutoCoder, Example, Item, Params, encoder_fn
from research.coding.codebook import Codebook, load_codebook
from research.coding.context import turn_contexts
from research.coding.embeddings import Encoder, default_encoder
from research.coding.segments import sync_segments
from research.project import Project, now
from research.store import transaction

AUTO_CODER = "auto"
Progress = Callable[[int, int], None]


def project_codebook(project: Project) -> Codebook:
    """The project's codebook.yaml, validated and mirrored into the `codes` table."""
    book = load_codebook(project.codebook_path)
    db = project.db
    with transaction(db):
        db.execute("UPDATE codes SET active = 0")
        for c in book.codes:
            db.execute(
                "INSERT INTO codes (id, parent_id, name, colour, description, sort, active)"
                " VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id,"
                " name = excluded.name, colour = excluded.colour, description = excluded.description,"
                " sort = excluded.sort, active = 1",
                (c.id, c.parent_id, c.name, c.colour, c.description, c.sort),
            )
    return book


def prepare(project: Project) -> Codebook:
    """Validate the codebook and bring segments up to date: the start of every coding command."""
    book = project_codebook(project)
    sync_segments(project)
    return book


def segment_items(project: Project, *, facilitators: bool = False) -> list[Item]:
    """Segments as coder items with their turn and the facilitator's most recent question."""
    db = project.db
    items: list[Item] = []
    rows = db.execute(
        "SELECT id, source_id, utt_idx, text, is_facilitator FROM segments"
        " ORDER BY source_id, utt_idx, seg_no"
    ).fetchall()
    by_source: dict[int, list] = {}
    for r in rows:
        by_source.setdefault(r["source_id"], []).append(r)
    for source_rows in by_source.values():
        turns: dict[int, tuple[bool, str]] = {}
        for r in source_rows:
            fac, text = turns.get(r["utt_idx"], (bool(r["is_facilitator"]), ""))
            turns[r["utt_idx"]] = (fac, f"{text} {r['text']}".strip())
        order = sorted(turns)
        context = dict(zip(order, turn_contexts([turns[i] for i in order]), strict=True))
        for r in source_rows:
            if r["is_facilitator"] and not facilitators:
                continue
            c = context[r["utt_idx"]]
            items.append(
                Item(
                    r["id"],
                    r["text"],
                    (r["source_id"], r["utt_idx"]),
                    c.question,
                    bool(r["is_facilitator"]),
                    c.prior_question,
                    c.previous,
                )  # fmt: skip
            )
    return items


def confirmed_examples(
    project: Project, items: list[Item], auto_coder: str = AUTO_CODER
) -> list[Example]:
    """Segments researchers have decided on (accepted, rejected or applied codes)."""
    by_id = {it.key: it for it in items}
    present: dict[int, set[str]] = {}
    for r in project.db.execute(
        "SELECT segment_id, code_id, status FROM codings WHERE method IN ('confirmed', 'manual')"
        " AND coder <> ?",
        (auto_coder,),
    ):
        codes = present.setdefault(r["segment_id"], set())
        if r["status"] != "rejected":
            codes.add(r["code_id"])
    return [Example(by_id[s], codes) for s, codes in sorted(present.items()) if s in by_id]


@dataclass
class AutoSummary:
    segments: int = 0
    coded: int = 0
    suggestions: int = 0
    kept_decisions: int = 0
    examples_used: int = 0
    per_code: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    coder: str = AUTO_CODER

    def render(self) -> str:
        learnt = (
            f"learnt from {self.examples_used} confirmed examples"
            if self.examples_used
            else "no confirmed examples yet: zero-shot suggestions"
        )
        codes = ", ".join(f"{c} {n}" for c, n in self.per_code.items())
        return (
            f"auto-coded {self.segments} participant segments in {self.seconds:.1f} s ({learnt}): "
            f"{self.coded} got a code, {self.suggestions} suggestions ({codes})"
        )


def run_auto_coding(
    project: Project,
    progress: Progress | None = None,
    coder: str = AUTO_CODER,
    *,
    encoder: Encoder | None = None,
    params: Params | None = None,
) -> AutoSummary:
    """Suggest codes for every participant segment; decided suggestions are left as they are."""
    started = time.perf_counter()
    book = prepare(project)
    items = segment_items(project)
    embed = encoder_fn(encoder or default_encoder(), project)
    coder_model = AutoCoder(book, embed, params)
    examples = confirmed_examples(project, items, coder)
    coder_model.fit_examples(examples)
    summary = AutoSummary(segments=len(items), examples_used=len(examples), coder=coder)
    summary.per_code = dict.fromkeys(book.ids, 0)
    suggestions = []
    step = 256
    if progress:
        progress(0, len(items))
    for i in range(0, len(items), step):
        suggestions += coder_model.suggest(items[i : i + step])
        if progress:
            progress(min(i + step, len(items)), len(items))
    db = project.db
    stamp = now()
    with transaction(db):
        db.execute(
            "DELETE FROM codings WHERE coder = ? AND method = 'auto' AND status = 'suggested'",
            (coder,),
        )
        for s in suggestions:
            if s.codes:
                summary.coded += 1
            for code, conf in s.codes.items():
                cur = db.execute(
                    "INSERT INTO codings (segment_id, code_id, coder, method, confidence, status,"
                    " created_at, updated_at) VALUES (?, ?, ?, 'auto', ?, 'suggested', ?, ?)"
                    " ON CONFLICT(segment_id, code_id, coder) DO NOTHING",
                    (s.key, code, coder, conf, stamp, stamp),
                )
                summary.per_code[code] += 1
                summary.suggestions += 1
                summary.kept_decisions += cur.rowcount == 0
        summary.seconds = time.perf_counter() - started
        project.log(
            "code.auto", actor=coder, segments=summary.segments, suggestions=summary.suggestions,
            examples=summary.examples_used,
        )  # fmt: skip
    return summary


def codes_per_source_table(project: Project, coder: str | None = None) -> str:
    """Segments per code for each source (suggested, accepted or applied; any coder by default)."""
    db = project.db
    codes = [r["id"] for r in db.execute("SELECT id FROM codes WHERE active = 1 ORDER BY sort")]
    sources = db.execute("SELECT id, label FROM sources ORDER BY id").fetchall()
    where = "c.status <> 'rejected'" + (" AND c.coder = ?" if coder else "")
    counts: dict[tuple[int, str], int] = {}
    for r in db.execute(
        "SELECT s.source_id, c.code_id, COUNT(DISTINCT s.id) n FROM codings c"
        f" JOIN segments s ON s.id = c.segment_id WHERE {where} GROUP BY s.source_id, c.code_id",
        (coder,) if coder else (),
    ):
        counts[(r["source_id"], r["code_id"])] = r["n"]
    totals = {
        r["source_id"]: (r["n"], r["p"])
        for r in db.execute(
            "SELECT source_id, COUNT(*) n, SUM(is_facilitator = 0) p FROM segments GROUP BY source_id"
        )
    }
    width = max([len(s["label"]) for s in sources] + [8])
    cw = [max(len(c), 5) for c in codes]
    head = f"{'source':<{width}} {'segments':>8} " + " ".join(
        f"{c:>{w}}" for c, w in zip(codes, cw, strict=True)
    )
    lines = [head]
    col_tot = [0] * len(codes)
    for s in sources:
        n, p = totals.get(s["id"], (0, 0))
        vals = [counts.get((s["id"], c), 0) for c in codes]
        col_tot = [a + b for a, b in zip(col_tot, vals, strict=True)]
        lines.append(
            f"{s['label']:<{width}} {p or 0:>8} "
            + " ".join(f"{v:>{w}}" for v, w in zip(vals, cw, strict=True))
        )
    all_p = sum((t[1] or 0) for t in totals.values())
    lines.append(
        f"{'total':<{width}} {all_p:>8} "
        + " ".join(f"{v:>{w}}" for v, w in zip(col_tot, cw, strict=True))
    )
    return "\n".join(lines)
