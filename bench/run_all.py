"""Run every benchmark in turn with its default settings and print what each prints (`make bench`).

    python bench/run_all.py [--quick]

Each script runs in its own process, one after another, so their timings and peak memory do not
mix. ``--quick`` skips the study-scale runs (300,000 words), which take a few minutes each.
Figures are the scripts' own output; nothing here is a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from bench_anonymise import BLIND  # noqa: E402  (the blind sets are the ones we report)

REPORT_SETS = tuple(sorted(BLIND, key=lambda s: (len(s), s)))


def runs(quick: bool) -> list[list[str]]:
    out = [["bench_startup.py"]]
    out += [
        ["bench_anonymise.py", "--set", s] for s in REPORT_SETS if (BENCH / "data" / s).is_dir()
    ]
    out += [["bench_coding.py"], ["bench_themes.py"]]
    if not quick:
        out += [["bench_anonymise_scale.py"], ["bench_scale.py", "--sizes", "1"]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the study-scale runs")
    args = ap.parse_args()
    failed = []
    for cmd in runs(args.quick):
        print(f"\n===== {' '.join(cmd)}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(BENCH / cmd[0]), *cmd[1:]])
        print(f"===== {cmd[0]}: exit {rc}, {time.perf_counter() - t0:.0f} s", flush=True)
        if rc:
            failed.append(" ".join(cmd))
    if failed:
        print("failed: " + "; ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
