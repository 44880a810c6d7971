"""Coding figures on the TUNING sets only (demo gold and bench/data/dev-coding), never held-out.

Usage: python bench/coding_dev.py [--sets demo,dev]   (embeddings cached in /tmp/coding_dev.db)

Per set: keyword baseline, zero-shot and few-shot (20 confirmed examples per code drawn from the
other tuning set, seeded), as macro-F1 / mean kappa with per line of enquiry F1.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coding_baseline import KeywordCoder  # noqa: E402
from coding_data import LOES, GoldTurn, items_for, load_gold  # noqa: E402
from coding_eval import render, score, turn_predictions  # noqa: E402

from research.coding.autocoder import AutoCoder, Example, encoder_fn  # noqa: E402
from research.coding.codebook import load_codebook  # noqa: E402
from research.coding.embeddings import default_encoder  # noqa: E402
from research.store import connect  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "research" / "data" / "default_codebook.yaml"
SETS = {
    "demo": ROOT / "research" / "corpora" / "demo" / "gold",
    "dev": ROOT / "bench" / "data" / "dev-coding" / "gold",
}


def pick_examples(pool: list[GoldTurn], per_code: int = 20, seed: int = 11) -> list[GoldTurn]:
    """20 participant turns per line of enquiry (plus 10 with none), as a researcher would confirm."""
    rng = random.Random(seed)
    pool = [t for t in pool if not t.is_facilitator]
    rng.shuffle(pool)
    chosen: list[GoldTurn] = []
    for loe in LOES:
        have = sum(loe in t.loe for t in chosen)
        for t in pool:
            if have >= per_code:
                break
            if loe in t.loe and t not in chosen:
                chosen.append(t)
                have += 1
    chosen += [t for t in pool if not t.loe and t not in chosen][:10]
    return chosen


def predictor(coder: AutoCoder):
    book = coder.codebook
    return lambda items: [{book.get(c).root_id for c in s.codes} for s in coder.suggest(items)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="demo,dev")
    ap.add_argument("--brief", action="store_true", help="only the overall lines")
    args = ap.parse_args()
    names = args.sets.split(",")
    gold = {n: load_gold(SETS[n]) for n in SETS if SETS[n].is_dir()}
    book = load_codebook(CODEBOOK)
    db = connect(os.environ.get("CODING_DEV_CACHE", "/tmp/coding_dev.db"))
    embed = encoder_fn(default_encoder(), db)
    kw = KeywordCoder(book)
    for name in names:
        turns = gold[name]
        other = [t for n, ts in gold.items() if n != name for t in ts]
        fs = AutoCoder(book, embed)
        fs.fit_examples([Example(it, set(t.loe)) for it, t in items_for(pick_examples(other))])
        runs = [
            ("keyword", kw.predict),
            ("zero-shot", predictor(AutoCoder(book, embed))),
            ("few-shot 20/code", predictor(fs)),
        ]
        for label, pred in runs:
            text = render(f"{name} {label}", score(turns, turn_predictions(turns, pred)))
            print(
                text.splitlines()[-1].replace("overall", f"{name} {label}") if args.brief else text
            )
        # In-project few-shot: 20/code confirmed from this set, scored on its other turns.
        mine = pick_examples(turns)
        keys = {(t.source, t.idx) for t in mine}
        rest = [t for t in turns if (t.source, t.idx) not in keys]
        own = AutoCoder(book, embed)
        own.fit_examples([Example(it, set(t.loe)) for it, t in items_for(mine)])
        for label, coder in (("zero-shot", AutoCoder(book, embed)), ("few-shot in-set", own)):
            res = score(rest, turn_predictions(rest, predictor(coder)))
            print(
                render(f"{name} rest {label}", res)
                .splitlines()[-1]
                .replace("overall", f"{name} rest {label}")
            )
    db.close()


if __name__ == "__main__":
    main()
