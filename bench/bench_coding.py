"""Coding bench: quality of `code --auto` on the held-out gold set, and its speed.

Usage: python bench/bench_coding.py [--gold bench/data/heldout/gold] [--speed-n 2000]

1. Speed: a fresh project with N distinct participant segments (spliced from gold sentences),
   cold embedding cache, the full `run_auto_coding` path (sync, embed, score, write), model
   load included and reported apart.
2. Quality on the held-out set (never used for tuning): per line of enquiry F1 and Cohen's
   kappa, macro-F1, zero-shot and the keyword baseline side by side.
3. Few-shot: 20 confirmed examples per code drawn from the demo corpus (seeded), evaluated on
   the whole held-out set (the held-out set has too few turns per code to spare 20 of each).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coding_baseline import KeywordCoder  # noqa: E402
from coding_data import LOES, GoldTurn, items_for, load_gold  # noqa: E402
from coding_eval import render, score, turn_predictions  # noqa: E402

from research.coding.autocoder import AutoCoder, Example, encoder_fn  # noqa: E402
from research.coding.codebook import load_codebook  # noqa: E402
from research.coding.embeddings import default_encoder  # noqa: E402
from research.coding.segments import split_sentences  # noqa: E402
from research.store import connect  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "research" / "data" / "default_codebook.yaml"


def speed(turns: list[GoldTurn], n: int) -> None:
    import hashlib

    from research.coding.service import run_auto_coding
    from research.project import init_project

    rng = random.Random(7)
    sentences = [s for t in turns if not t.is_facilitator for s in split_sentences(t.text)]
    questions = [t.text for t in turns if t.is_facilitator and "?" in t.text]
    texts: set[str] = set()
    while len(texts) < n:
        texts.add(" ".join(rng.sample(sentences, rng.randint(1, 4))))
    with tempfile.TemporaryDirectory() as tmp:
        proj = init_project(Path(tmp) / "p")
        db = proj.db
        db.execute("BEGIN")
        db.execute(
            "INSERT INTO sources (label, format, content_sha256, n_turns, n_words, n_speakers, imported_at)"
            " VALUES ('SPEED', 'plain-txt', ?, ?, 0, 2, 'now')",
            (hashlib.sha256(b"speed").hexdigest(), n),
        )
        db.execute(
            "INSERT INTO speakers (pseudonym, role) VALUES ('F1', 'facilitator'), ('P01', 'participant')"
        )
        idx = 0
        for i, text in enumerate(sorted(texts)):
            if i % 10 == 0:
                db.execute(
                    "INSERT INTO utterances (source_id, idx, speaker_id, text) VALUES (1, ?, 1, ?)",
                    (idx, rng.choice(questions)),
                )
                idx += 1
            db.execute(
                "INSERT INTO utterances (source_id, idx, speaker_id, text) VALUES (1, ?, 2, ?)",
                (idx, text),
            )
            idx += 1
        db.execute("COMMIT")
        words = sum(len(t.split()) for t in texts) / len(texts)
        t0, c0 = time.perf_counter(), time.process_time()
        default_encoder()(["load the model"])
        t_load, c_load = time.perf_counter() - t0, time.process_time() - c0
        timed = _Timed(default_encoder())
        t1, c1 = time.perf_counter(), time.process_time()
        summary = run_auto_coding(proj, encoder=timed)
        t_code, c_code = time.perf_counter() - t1, time.process_time() - c1
        cached = db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
        t2 = time.perf_counter()
        run_auto_coding(proj)
        t_warm = time.perf_counter() - t2
        proj.close()
    print(f"speed: {summary.segments} participant segments (mean {words:.0f} words), cold cache")
    print(
        f"  model load {t_load:.1f} s; auto-coding {t_code:.1f} s = {summary.segments / t_code:.0f} segments/s;"
        f" total incl. load {t_load + t_code:.1f} s; {cached} embeddings cached"
    )
    print(
        f"  CPU time (all threads): load {c_load:.1f} s, auto-coding {c_code:.1f} s"
        f" = {summary.segments / c_code:.0f} segments per CPU-second (load-independent)"
    )
    print(
        f"  of which the model: {timed.seconds:.1f} s for {timed.texts} texts in {timed.calls} calls"
        f" ({timed.texts / max(timed.seconds, 1e-9):.0f} texts/s)"
    )
    print(f"  second run (warm cache): {t_warm:.1f} s")


class _Timed:
    """An encoder wrapper that counts texts and time spent in the model."""

    def __init__(self, enc):
        self.enc, self.name = enc, enc.name
        self.seconds, self.texts, self.calls = 0.0, 0, 0

    def __call__(self, texts):
        t = time.perf_counter()
        out = self.enc(texts)
        self.seconds += time.perf_counter() - t
        self.texts += len(texts)
        self.calls += 1
        return out


def quality(turns: list[GoldTurn], db) -> None:
    book = load_codebook(CODEBOOK)
    embed = encoder_fn(default_encoder(), db)
    zs = AutoCoder(book, embed)
    kw = KeywordCoder(book)

    def zs_pred(items):
        return [{book.get(c).root_id for c in s.codes} for s in zs.suggest(items)]

    print(render("keyword baseline (held-out)", score(turns, turn_predictions(turns, kw.predict))))
    print(render("auto zero-shot (held-out)", score(turns, turn_predictions(turns, zs_pred))))

    # Few-shot: 20 confirmed examples per code from the demo corpus (the tuning set), as a
    # researcher's earlier decisions; scored on the whole held-out set beside zero-shot.
    demo = ROOT / "research" / "corpora" / "demo" / "gold"
    rng = random.Random(11)
    pool = [t for t in load_gold(demo) if not t.is_facilitator]
    rng.shuffle(pool)
    chosen: list[GoldTurn] = []
    for loe in LOES:
        have = sum(loe in t.loe for t in chosen)
        for t in pool:
            if have >= 20:
                break
            if loe in t.loe and t not in chosen:
                chosen.append(t)
                have += 1
    chosen += [t for t in pool if not t.loe and t not in chosen][:10]
    examples = [Example(it, set(t.loe)) for it, t in items_for(chosen)]
    fs = AutoCoder(book, embed)
    used = fs.fit_examples(examples)
    per_code = {c: sum(c in t.loe for t in chosen) for c in LOES}

    def fs_pred(items):
        return [{book.get(c).root_id for c in s.codes} for s in fs.suggest(items)]

    print(
        f"few-shot: {used} confirmed examples from the demo corpus ({per_code},"
        f" {sum(not t.loe for t in chosen)} with no code)"
    )
    print(
        render("auto few-shot 20/code (held-out)", score(turns, turn_predictions(turns, fs_pred)))
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "bench" / "data" / "heldout" / "gold"))
    ap.add_argument("--speed-n", type=int, default=2000)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    turns = load_gold(args.gold)
    print(
        f"held-out gold: {len(turns)} turns, {sum(not t.is_facilitator for t in turns)} participant"
    )
    if not args.no_speed:
        demo = ROOT / "research" / "corpora" / "demo" / "gold"
        speed(turns + (load_gold(demo) if demo.is_dir() else []), args.speed_n)
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "cache.db")
        quality(turns, db)
        db.close()


if __name__ == "__main__":
    main()
