"""Fit the auto-coder's calibration (research.coding.autocoder.CALIBRATION) on the TUNING sets.

Usage: python bench/coding_calibrate.py [--C 0.5]   (embeddings cached in /tmp/coding_dev.db)

A logistic regression over a handful of similarity features per (segment, code) - how close the
segment, its turn, the prompts and the previous turn are to the code's prototypes, and by how much
the code leads the others - with weights shared by all codes, so it carries to researchers' own
codebooks. Reports leave-one-set-out figures (fit on demo, score dev; fit on dev, score demo)
before printing the weights fitted on both, to paste into autocoder.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coding_data import items_for, load_gold  # noqa: E402
from coding_dev import CODEBOOK, SETS  # noqa: E402
from coding_eval import render, score, turn_predictions  # noqa: E402

from research.coding import autocoder  # noqa: E402
from research.coding.autocoder import FEATURES, AutoCoder, encoder_fn  # noqa: E402
from research.coding.codebook import load_codebook  # noqa: E402
from research.coding.embeddings import default_encoder  # noqa: E402
from research.store import connect  # noqa: E402


def dataset(coder: AutoCoder, turns) -> tuple[np.ndarray, np.ndarray]:
    pairs = items_for(turns)
    feats, _, _ = coder.features([it for it, _ in pairs])
    y = np.array([[c in t.loe for c in coder.code_ids] for _, t in pairs], dtype=int)
    return feats.reshape(-1, feats.shape[2]), y.reshape(-1)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[float, dict[str, float]]:
    from sklearn.linear_model import LogisticRegression

    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=5000).fit((x - mu) / sd, y)
    w = clf.coef_[0] / sd
    b = float(clf.intercept_[0] - (w * mu).sum())
    return round(b, 4), {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)}


def evaluate(name: str, coder: AutoCoder, turns, calib) -> dict:
    autocoder.CALIBRATION = calib

    def pred(items):
        return [set(s.codes) for s in coder.suggest(items)]

    res = score(turns, turn_predictions(turns, pred))
    print(render(name, res))
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()
    book = load_codebook(CODEBOOK)
    db = connect("/tmp/coding_dev.db")
    coder = AutoCoder(book, encoder_fn(default_encoder(), db))
    gold = {n: load_gold(p) for n, p in SETS.items()}
    data = {n: dataset(coder, t) for n, t in gold.items()}
    for train, test in (("demo", "dev"), ("dev", "demo")):
        calib = fit(*data[train], args.C)
        evaluate(f"fit on {train}, scored on {test}", coder, gold[test], calib)
    x = np.vstack([data[n][0] for n in data])
    y = np.concatenate([data[n][1] for n in data])
    calib = fit(x, y, args.C)
    for n in gold:
        evaluate(f"fit on both, scored on {n} (in-sample)", coder, gold[n], calib)
    print("CALIBRATION =", calib)
    db.close()


if __name__ == "__main__":
    main()
