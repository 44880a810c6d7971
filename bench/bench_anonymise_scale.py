"""Whole-run anonymisation at study scale: ~300,000 words in 20 sessions, time per phase.

    python bench/bench_anonymise_scale.py [--words 300000] [--sessions 20] [--n-process 0]

The study is SYNTHETIC: turns of the demo corpus (research/corpora/demo/gold) sampled with a
fixed seed and recombined into plain-text transcripts (its speakers' names reused), so the
text is realistic but repetitive. It is imported into a temporary project and anonymised
with ``anonymise_project``; prints wall time of import, detection, apply (propagation and
pseudonyms, every call summed), residual scan, and peak RSS (this process and its children).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_study(out: Path, words: int, sessions: int, seed: int = 7) -> int:
    """Write ``sessions`` plain-text transcripts of about ``words`` words in all."""
    turns = []
    for f in sorted((REPO / "research" / "corpora" / "demo" / "gold").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        turns += [(t["speaker"], t["text"]) for t in g["turns"]]
    rng = random.Random(seed)
    per = words // sessions
    total = 0
    for s in range(sessions):
        lines, n, last = [], 0, None
        while n < per:
            speaker, text = rng.choice(turns)
            if speaker == last:
                continue
            lines.append(f"{speaker}: {text}")
            n += len(text.split())
            last = speaker
        (out / f"s{s:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        total += n
    return total


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--n-process", type=int, default=0, help="spaCy processes; 0 = the tool's auto")
    args = ap.parse_args()
    os.environ.setdefault("RESEARCH_PASSPHRASE", "bench")
    sys.path.insert(0, str(REPO))
    import research.anonymise.run as run
    from research.anonymise.detect import DetectionSettings, Detector
    from research.anonymise.ingest import import_file
    from research.anonymise.vault import Vault
    from research.project import init_project

    timings = {"apply": 0.0, "residual": 0.0}

    def timed(name, fn):
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                timings[name] += time.perf_counter() - t

        return wrapper

    run.apply_all = timed("apply", run.apply_all)
    run.residual_scan = timed("residual", run.residual_scan)

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "study"
        src.mkdir()
        words = make_study(src, args.words, args.sessions)
        print(
            f"synthetic study: {args.sessions} sessions, {words:,} words, made by sampling and "
            "recombining demo-corpus turns (seeded); n_process="
            f"{args.n_process or 'auto'}; {os.cpu_count()} cores (shared machine: times are pessimistic)"
        )
        t0 = time.perf_counter()
        project = init_project(Path(tmp) / "p")
        vault = Vault.open(project.vault_path, "bench", create=True)
        for f in sorted(src.glob("*.txt")):
            import_file(project, vault, f, label=f.stem)
        t_import = time.perf_counter() - t0
        t1 = time.perf_counter()
        s = project.settings
        detector = Detector(
            DetectionSettings(
                spacy_model=s.spacy_model,
                score_threshold=s.score_threshold,
                allow_list=list(s.allow_list),
                deny_list=list(s.deny_list),
                n_process=args.n_process,
            )
        )
        t_load = time.perf_counter() - t1
        summary = run.anonymise_project(project, vault, detector=detector)
        total = time.perf_counter() - t0
        vault.close()
        project.close()
    rows = [
        ("import (read, vault)", t_import),
        ("detector load", t_load),
        ("detection", summary.detect_seconds),
        ("apply (all calls)", timings["apply"]),
        ("residual scan", timings["residual"]),
        ("whole run", total),
    ]
    for label, sec in rows:
        print(f"{label:<24}{sec:>8.1f} s")
    print(f"{'detection words/s':<24}{words / summary.detect_seconds:>8,.0f}")
    print(f"{'whole-run words/s':<24}{words / total:>8,.0f}")
    print(f"{'peak RSS':<24}{peak_mb():>8,.0f} MB")
    print(f"detections {summary.detections:,}, residual findings {summary.residual:,}")


if __name__ == "__main__":
    main()
