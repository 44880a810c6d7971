"""Time from process start to the TUI's first paint of a project (the demo by default).

    research demo --out demo-project          # once
    python bench/bench_tui_startup.py --project demo-project [--runs 5]

Prints: the import cost of research.tui.app (python -X importtime, cumulative), and for each
run the wall time from spawning `python` to the first screen being mounted and painted
(headless, 120x36, via App.run_test), plus each other screen's first switch. Also checks that
no heavy library (torch, spaCy, Presidio, BERTopic, sentence-transformers) was imported.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time

CHILD = r"""
import asyncio, sys, time
from research.tui.app import make_app
async def main():
    app = make_app(sys.argv[1])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print("PAINT", flush=True)
        for key in ("f2", "f3", "f4", "f5"):
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            print("SCREEN", key, round(time.perf_counter() - t, 3), flush=True)
asyncio.run(main())
heavy = [m for m in ("torch", "spacy", "presidio_analyzer", "bertopic", "sentence_transformers")
         if m in sys.modules]
print("HEAVY", ",".join(heavy) or "none", flush=True)
"""


def import_cost() -> float:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import research.tui.app"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*research\.tui\.app$", line)
        if m:
            return int(m.group(1)) / 1e6
    raise RuntimeError("research.tui.app not in -X importtime output")


def one_run(project: str) -> tuple[float, dict[str, float], str]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, project], stdout=subprocess.PIPE, text=True
    )
    paint, screens, heavy = None, {}, "?"
    for line in proc.stdout:
        if line.startswith("PAINT") and paint is None:
            paint = time.perf_counter() - t0
        elif line.startswith("SCREEN"):
            _, key, secs = line.split()
            screens[key] = float(secs)
        elif line.startswith("HEAVY"):
            heavy = line.split()[1]
    proc.wait()
    if paint is None:
        raise RuntimeError(f"the app did not paint (exit {proc.returncode})")
    return paint, screens, heavy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", default="demo-project")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"import research.tui.app (cumulative, -X importtime): {import_cost():.3f} s")
    paints = []
    for i in range(args.runs):
        paint, screens, heavy = one_run(args.project)
        paints.append(paint)
        shown = "  ".join(f"{k}={v:.3f}s" for k, v in screens.items())
        print(f"run {i + 1}: first paint {paint:.3f} s  | switch {shown} | heavy libs: {heavy}")
    print(
        f"first paint: median {statistics.median(paints):.3f} s, max {max(paints):.3f} s "
        f"over {len(paints)} runs (target < 1.5 s)"
    )


if __name__ == "__main__":
    main()
