"""Theme quality and speed: our small-corpus BERTopic against default BERTopic, in one run.

    python bench/bench_themes.py               # held-out gold (report these) and demo gold (tuned on)
    python bench/bench_themes.py --no-timing   # quality only
    python bench/bench_themes.py --timing-only # speed only

Quality: within each line of enquiry, fit on the gold participant turns labelled with that
line (backchannel dropped, sorted by source and turn) and compare the clusters with the gold
themes ("<loe>/<slug>") of the turns that have one: NMI and adjusted Rand. Both systems get the
same cached all-MiniLM-L6-v2 embeddings; default BERTopic is `BERTopic(embedding_model=...)`
with its own UMAP + HDBSCAN (its outliers, topic -1, count as one cluster).
Speed: 5,000 SYNTHETIC segments made by sampling demo gold turns and perturbing them (word
drops and a varied tail, seeded), fitted per gold line of enquiry: cold (empty embedding cache)
and cached (same texts again), in this process after warm-up of the imports.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
SETS = {
    "heldout": REPO / "bench/data/heldout/gold",
    "heldout2": REPO / "bench/data/heldout2/gold",
    "heldout3": REPO / "bench/data/heldout3/gold",
    "heldout4": REPO / "bench/data/heldout4/gold",
    "heldout5": REPO / "bench/data/heldout5/gold",
    "heldout6": REPO / "bench/data/heldout6/gold",
    "heldout7": REPO / "bench/data/heldout7/gold",
    "heldout8": REPO / "bench/data/heldout8/gold",
    "demo": REPO / "research/corpora/demo/gold",
}
LOES = ("recruitment", "progression", "training", "engagement")
TAILS = ["", " That's my experience anyway.", " I don't know if others feel the same.",
         " It's been like that for years.", " Honestly.", " That's how it felt.",
         " Anyway, that's what happened to me.", " I think a lot of people would say that."]  # fmt: skip


def load(gold_dir: Path) -> list[dict]:
    """Participant turns with at least one line of enquiry, in (source, turn) order."""
    from research.themes.inputs import is_backchannel

    rows = []
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        for t in g["turns"]:
            role = g["speakers"].get(t["speaker"], {}).get("role")
            if role == "participant" and t["loe"] and not is_backchannel(t["text"]):
                rows.append({"src": g["label"], "i": t["i"], "text": t["text"], "loe": t["loe"],
                             "theme": t["theme"], "speaker": t["speaker"]})  # fmt: skip
    return rows


def cache_db(path: Path):
    from research.store import connect

    return connect(path)


def default_bertopic(texts, emb, embed):
    from bertopic import BERTopic

    from research.themes.model import _backend

    try:
        topics, _ = BERTopic(embedding_model=_backend(embed)).fit_transform(texts, embeddings=emb)
        return list(topics), None
    except Exception as exc:  # default settings can fail outright on small inputs
        return [0] * len(texts), f"{exc.__class__.__name__}"


def quality(name: str, rows: list[dict], db, baseline: bool) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from research.coding.embeddings import embed_texts
    from research.themes.model import BertopicFitter

    def embed(texts):
        return embed_texts(db, texts)

    out = {}
    for loe in LOES:
        docs = [r for r in rows if loe in r["loe"]]
        if len(docs) < 4:
            continue
        texts = [r["text"] for r in docs]
        emb = embed(texts)
        gold_idx = [
            i for i, r in enumerate(docs) if r["theme"] and r["theme"].startswith(loe + "/")
        ]
        gold = [docs[i]["theme"] for i in gold_idx]
        systems = {"ours": (BertopicFitter(embed)(texts, emb).labels, None)}
        if baseline:
            systems["default"] = default_bertopic(texts, emb, embed)
        res = {"n": len(docs), "gold_themes": len(set(gold)), "evaluated": len(gold)}
        for sysname, (labels, err) in systems.items():
            pred = [labels[i] for i in gold_idx]
            res[sysname] = {
                "nmi": round(normalized_mutual_info_score(gold, pred), 3),
                "ari": round(adjusted_rand_score(gold, pred), 3),
                "clusters": len(set(labels)),
                "outliers": sum(1 for x in labels if x == -1),
                **({"error": err} if err else {}),
            }
        out[loe] = res
    return out


def synthetic(rows: list[dict], n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        r = rng.choice(rows)
        words = r["text"].split()
        if len(words) > 8:
            del words[rng.randrange(len(words))]
        out.append({**r, "text": " ".join(words) + rng.choice(TAILS) + f" ({k % 97})"})
    return out


def timing(rows: list[dict], n: int, tmp: Path) -> dict:
    from research.coding.embeddings import embed_texts
    from research.themes.model import BertopicFitter

    data = synthetic(rows, n)
    db = cache_db(tmp / "timing.db")

    def embed(texts):
        return embed_texts(db, texts)

    result = {}
    for run in ("cold", "cached"):
        t0 = time.perf_counter()
        fit_s = 0.0
        for loe in LOES:
            texts = sorted({r["text"] for r in data if r["loe"][0] == loe})
            emb = embed(texts)
            f0 = time.perf_counter()
            BertopicFitter(embed)(texts, emb)
            fit_s += time.perf_counter() - f0
        result[run] = {"total_s": round(time.perf_counter() - t0, 1), "fit_s": round(fit_s, 1)}
    result["segments"] = len({r["text"] for r in data})
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--timing-only", action="store_true", help="skip the quality runs")
    ap.add_argument("--n", type=int, default=5000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    import bertopic  # noqa: F401  (import cost reported, not counted in fits)

    from research.coding.embeddings import default_encoder

    default_encoder()(["warm up"])
    print(f"imports + model load: {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = cache_db(tmp / "quality.db")
        report = {}
        for name, gold_dir in SETS.items() if not args.timing_only else ():
            if not gold_dir.is_dir():
                continue
            report[name] = quality(name, load(gold_dir), db, not args.no_baseline)
        for name, per_loe in report.items():
            tag = (
                f"{name.upper()} (report)" if name.startswith("heldout") else f"{name} (tuning set)"
            )
            print(f"\n== {tag}")
            print(
                f"{'loe':<12} {'n':>4} {'gold':>4}  {'ours NMI/ARI (k)':<22} default NMI/ARI (k, outliers)"
            )
            means = {"ours": [], "default": []}
            for loe, r in per_loe.items():
                o = r["ours"]
                line = f"{loe:<12} {r['n']:>4} {r['gold_themes']:>4}  {o['nmi']:.3f}/{o['ari']:.3f} ({o['clusters']:>2})      "
                means["ours"].append((o["nmi"], o["ari"]))
                if "default" in r:
                    b = r["default"]
                    line += f"{b['nmi']:.3f}/{b['ari']:.3f} ({b['clusters']}, {b['outliers']}){' ' + b['error'] if 'error' in b else ''}"
                    means["default"].append((b["nmi"], b["ari"]))
                print(line)
            for sysname, vals in means.items():
                if vals:
                    print(
                        f"mean {sysname:<8} NMI {np.mean([v[0] for v in vals]):.3f}  ARI {np.mean([v[1] for v in vals]):.3f}"
                    )
        if not args.no_timing:
            rows = load(SETS["demo"])
            t = timing(rows, args.n, tmp)
            print(
                f"\n== speed: {t['segments']} SYNTHETIC segments (perturbed demo gold turns), 4 lines of enquiry"
            )
            print(
                f"cold (empty embedding cache): {t['cold']['total_s']} s total, of which fitting {t['cold']['fit_s']} s"
            )
            print(
                f"cached embeddings:            {t['cached']['total_s']} s total, of which fitting {t['cached']['fit_s']} s"
            )


if __name__ == "__main__":
    main()
