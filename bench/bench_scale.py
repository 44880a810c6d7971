"""Scale bench: a generated 20-group study through anonymise, code and themes, at several sizes.

Usage: python bench/bench_scale.py [--sizes 0.25,1] [--words 300000] [--groups 20]

The study is GENERATED: turns sampled from the demo corpus (our tuning set, research/corpora/
demo/gold) and recombined into 20 long focus groups, with fresh speaker names (Faker, several
locales) and fresh names for every PERSON the demo text mentions. It measures how the pipeline
scales, not how well it anonymises. Each size runs in its own subprocess (real spaCy, MiniLM and
BERTopic): wall time per stage, peak RSS after each stage (ru_maxrss, cumulative), and the cost
of one review decision (which re-applies the whole corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "research" / "corpora" / "demo" / "gold"
LOCALES = ["en_GB", "en_IN", "pl_PL", "en_IE", "es_ES", "tr_TR", "yo_NG", "en_NG"]
PASSPHRASE = "bench-scale-passphrase"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_sessions() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def _renamer(fakers, rng):
    """fresh() -> (first, last), distinct first names within one group (call .reset per group)."""
    used: set[str] = set()

    def fresh() -> tuple[str, str]:
        for _ in range(200):
            f = rng.choice(fakers)
            first, last = f.first_name(), f.last_name()
            if first not in used and " " not in first + last:
                used.add(first)
                return first, last
        return first, last

    fresh.reset = used.clear  # type: ignore[attr-defined]

    return fresh


def generate_study(out: Path, words: int, groups: int, seed: int = 11) -> list[Path]:
    """Write `groups` plain-text focus groups totalling about `words` words; return their paths."""
    from faker import Faker

    rng = random.Random(seed)
    fakers = []
    for i, loc in enumerate(LOCALES):
        f = Faker(loc)
        f.seed_instance(seed + i)
        fakers.append(f)
    fresh = _renamer(fakers, rng)
    sessions = load_sessions()
    out.mkdir(parents=True, exist_ok=True)
    per_group = words // groups
    paths = []
    for g in range(groups):
        fresh.reset()  # type: ignore[attr-defined]
        fac_first, fac_last = fresh()
        facilitator = f"{fac_first} {fac_last}"
        participants = []
        for _ in range(rng.randint(5, 8)):
            first, last = fresh()
            participants.append((first, last))
        mentioned: dict[str, str] = {}  # demo PERSON surface -> fresh name in this group
        lines: list[str] = []
        count = 0
        while count < per_group:
            sess = rng.choice(sessions)
            turns = sess["turns"]
            a = rng.randrange(len(turns))
            window = turns[a : a + rng.randint(8, 20)]
            cast = {}
            for t in window:
                spk = t["speaker"]
                if spk == sess["facilitator"]:
                    cast[spk] = facilitator
                elif spk not in cast:
                    first, last = participants[len(cast) % len(participants)]
                    cast[spk] = f"{last}, {first}" if rng.random() < 0.4 else f"{first} {last}"
            for t in window:
                text = t["text"]
                for p in sorted(t["pii"], key=lambda p: -p["start"]):
                    if p["type"] != "PERSON":
                        continue
                    if p["text"] not in mentioned:
                        first, last = fresh()
                        mentioned[p["text"]] = first if " " not in p["text"] else f"{first} {last}"
                    text = text[: p["start"]] + mentioned[p["text"]] + text[p["end"] :]
                lines.append(f"{cast[t['speaker']]}: {' '.join(text.split())}")
                count += len(text.split())
        path = out / f"group{g + 1:02d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_one(words: int, groups: int, workdir: Path) -> dict:
    """Generate, import, anonymise, auto-code, fit themes, one review decision: figures."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from research.anonymise.ingest import import_file
    from research.anonymise.review import decide
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from research.coding.service import run_auto_coding
    from research.project import init_project
    from research.themes.run import run_themes

    fig: dict = {"target_words": words, "groups": groups}
    t = time.perf_counter()
    paths = generate_study(workdir / "study", words, groups)
    fig["generate_s"] = time.perf_counter() - t
    project = init_project(workdir / "project", name="scale bench (generated)")
    vault = Vault.open(project.vault_path, PASSPHRASE, create=True)
    t = time.perf_counter()
    for i, p in enumerate(paths):
        import_file(project, vault, p, label=f"G{i + 1:02d}", attrs={"group": f"g{i % 4}"})
    fig["import_s"] = time.perf_counter() - t
    fig["peak_mb_import"] = _peak_mb()
    db = project.db
    fig["words"] = db.execute("SELECT SUM(n_words) FROM sources").fetchone()[0]
    fig["turns"] = db.execute("SELECT SUM(n_turns) FROM sources").fetchone()[0]
    t = time.perf_counter()
    s = anonymise_project(project, vault)
    fig["anonymise_s"] = time.perf_counter() - t
    fig["detect_s"] = s.detect_seconds
    fig["detections"] = db.execute("SELECT COUNT(*) FROM detections").fetchone()[0]
    fig["peak_mb_anonymise"] = _peak_mb()
    det = db.execute(
        "SELECT id FROM detections WHERE applied = 1 AND origin = 'detected' ORDER BY id LIMIT 1"
    ).fetchone()
    t = time.perf_counter()
    decide(project, vault, det["id"], "accepted", "bench")
    fig["one_review_decision_s"] = time.perf_counter() - t
    vault.close()
    t = time.perf_counter()
    c = run_auto_coding(project)
    fig["code_auto_s"] = time.perf_counter() - t
    fig["segments"] = db.execute("SELECT COUNT(*) FROM segments").fetchone()[0]
    fig["participant_segments"] = c.segments
    fig["suggestions"] = c.suggestions
    fig["peak_mb_code"] = _peak_mb()
    t = time.perf_counter()
    th = run_themes(project)
    fig["themes_s"] = time.perf_counter() - t
    fig["themes"] = sum(e["themes"] for e in th["lines_of_enquiry"])
    fig["peak_mb_themes"] = _peak_mb()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fig["project_db_mb"] = project.db_path.stat().st_size / 2**20
    fig["vault_db_mb"] = project.vault_path.stat().st_size / 2**20
    project.close()
    return fig


ROWS = [
    ("words", "{:,.0f}"),
    ("turns", "{:,.0f}"),
    ("segments", "{:,.0f}"),
    ("participant_segments", "{:,.0f}"),
    ("detections", "{:,.0f}"),
    ("import_s", "{:.1f}"),
    ("detect_s", "{:.1f}"),
    ("anonymise_s", "{:.1f}"),
    ("one_review_decision_s", "{:.2f}"),
    ("code_auto_s", "{:.1f}"),
    ("themes_s", "{:.1f}"),
    ("themes", "{:.0f}"),
    ("peak_mb_import", "{:.0f}"),
    ("peak_mb_anonymise", "{:.0f}"),
    ("peak_mb_code", "{:.0f}"),
    ("peak_mb_themes", "{:.0f}"),
    ("project_db_mb", "{:.1f}"),
    ("vault_db_mb", "{:.1f}"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.25,1,2", help="multiples of --words")
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--groups", type=int, default=20)
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)  # child: run one size
    args = ap.parse_args()
    if args.one is not None:
        with tempfile.TemporaryDirectory() as tmp:
            fig = run_one(int(args.words * args.one), args.groups, Path(tmp))
        print("RESULT " + json.dumps(fig), flush=True)
        return
    print(
        "Generated study: demo-corpus turns sampled and recombined into "
        f"{args.groups} groups, fresh Faker names ({', '.join(LOCALES)}); real models; "
        f"{os.cpu_count()} cores (shared machine: times are pessimistic)."
    )
    results = {}
    for size in [float(x) for x in args.sizes.split(",")]:
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--words", str(args.words),
             "--groups", str(args.groups)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            print(f"size {size}: failed\n{proc.stderr[-3000:]}")
            continue
        results[size] = json.loads(line[7:])
        results[size]["subprocess_s"] = time.perf_counter() - t
        print(f"size {size}x done in {results[size]['subprocess_s']:.0f} s", flush=True)
    sizes = sorted(results)
    print(f"\n{'metric':<24}" + "".join(f"{f'{s:g}x':>12}" for s in sizes))
    for key, fmt in [*ROWS, ("subprocess_s", "{:.0f}")]:
        print(f"{key:<24}" + "".join(f"{fmt.format(results[s][key]):>12}" for s in sizes))
    if len(sizes) > 1:
        base = sizes[0]
        print(f"\ngrowth relative to {base:g}x (time or MB ratio; words ratio first)")
        for key in ("words", "anonymise_s", "one_review_decision_s", "code_auto_s", "themes_s",
                    "peak_mb_themes"):  # fmt: skip
            print(
                f"{key:<24}"
                + "".join(
                    f"{results[s][key] / max(results[base][key], 1e-9):>12.2f}" for s in sizes
                )
            )


if __name__ == "__main__":
    main()
