"""Start-up cost of the CLI: wall time of `research --help` and of `import research.cli`.

    python bench/bench_startup.py [--runs 10]

Prints the median and the worst of N fresh processes (cold imports each time).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "import research.cli": [sys.executable, "-c", "import research.cli"],
        "research --help": [
            sys.executable,
            "-c",
            "import sys; from research.cli import main; sys.exit(main(['--help']))",
        ],
    }
    print(f"{'command':<30}{'median s':>10}{'max s':>10}  ({args.runs} runs)")
    for name, cmd in cases.items():
        times = [timed(cmd) for _ in range(args.runs)]
        print(f"{name:<30}{statistics.median(times):>10.3f}{max(times):>10.3f}")


if __name__ == "__main__":
    main()
