"""Tune the zero-shot coder's parameters on the DEMO gold only (never the held-out set).

Usage: python bench/coding_tune.py DEMO_GOLD_DIR   (embeddings cached in /tmp/coding_tune.db)
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace

from coding_data import load_gold
from coding_eval import score, turn_predictions

from research.coding.autocoder import AutoCoder, Params, encoder_fn
from research.coding.codebook import load_codebook
from research.coding.embeddings import default_encoder
from research.store import connect


def main(gold_dir: str) -> None:
    turns = load_gold(gold_dir)
    db = connect("/tmp/coding_tune.db")
    embed = encoder_fn(default_encoder(), db)
    book = load_codebook("research/data/default_codebook.yaml")
    base = Params()
    results = []
    grid = {
        "w_question": [0.3, 0.4, 0.5],
        "threshold": [0.16, 0.2, 0.24],
        "delta": [0.01, 0.02, 0.03],
        "none_margin": [0.0, 0.05, 0.1],
        "top_k": [2, 3],
    }
    for values in itertools.product(*grid.values()):
        p = replace(base, **dict(zip(grid, values, strict=True)))
        coder = AutoCoder(book, embed, p)
        pred = turn_predictions(
            turns, lambda items, c=coder: [set(s.codes) for s in c.suggest(items)]
        )
        r = score(turns, pred)
        results.append((r["mean_kappa"] + r["macro_f1"], r["macro_f1"], r["mean_kappa"], values))
    results.sort(reverse=True)
    print("keys:", list(grid))
    for row in results[:10]:
        print(f"macroF1 {row[1]:.3f} kappa {row[2]:.3f} {row[3]}")
    base_r = score(
        turns,
        turn_predictions(
            turns, lambda items: [set(s.codes) for s in AutoCoder(book, embed, base).suggest(items)]
        ),
    )
    print(f"defaults: macroF1 {base_r['macro_f1']:.3f} kappa {base_r['mean_kappa']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "research/corpora/demo/gold")
