"""Shared pieces of the reliability tests: generated transcripts, slow fakes, subprocess drivers.

A subprocess cannot receive a fake through a fixture, so each test writes a small driver script
that imports `install_fakes` from here (it patches `make_detector` and `default_encoder` with
slow, deterministic fakes) and then runs the real CLI entry point `research.cli.main`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from tests.anonymise.fakes import FakeDetector

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "reliability passphrase"
DELAY_ENV = "RELIABILITY_DELAY"  # seconds of fake work per text
MARKER_ENV = "RELIABILITY_MARKER"  # file the fakes append one line per batch to

FACILITATOR = "Elaine Hughes"
PEOPLE = ["Chidi Okonkwo", "Priya Sharma", "Marta Kowalski", "Delroy Campbell", "Yasmin Haddad"]
ENTITIES = {
    "Sandwell Council": "ORG",
    "Adaeze": "PERSON",
    "Oldbury": "PLACE",
    "07700 900123": "PHONE",
    "kofi.mensah@walsall.gov.uk": "EMAIL",
}
# Found only by the residual scan (the second pass over anonymised text), as in test_run.py.
RESIDUAL_ONLY = {"Tomasz": "PERSON"}
SENTENCES = [
    "How did you come to work at Sandwell Council?",
    "My cousin Adaeze told me about the job, she worked in Oldbury.",
    "The interview panel was all the same faces and nobody looked like me.",
    "I never got feedback after the promotion interview, nobody told me what to improve.",
    "Training was online modules mostly, and the mentoring scheme fizzled out.",
    "Ring me on 07700 900123 if you want the details of the staff network.",
    "Write to kofi.mensah@walsall.gov.uk about the network meetings.",
    "Tomasz from payroll told Adaeze that acting up always went to the same favourites.",
    "The application form was long with jargon and competencies I did not understand.",
    "Engagement with the staff survey dropped when nothing changed afterwards.",
]


def write_sources(folder: Path, n_sources: int, turns: int) -> list[Path]:
    """Plain-text focus groups: a facilitator and five participants, deterministic content."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in range(n_sources):
        lines = []
        for t in range(turns):
            if t % 4 == 0:
                lines.append(f"{FACILITATOR}: Question {t} for group {s}: {SENTENCES[t % 10]}")
            else:
                who = PEOPLE[(t + s) % len(PEOPLE)]
                text = f"{SENTENCES[(t * 3 + s) % 10]} Turn {t} of group {s}."
                lines.append(f"{who}: {text}")
        path = folder / f"group{s + 1}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _mark(line: str) -> None:
    marker = os.environ.get(MARKER_ENV)
    if marker:
        with open(marker, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()


class SlowDetector(FakeDetector):
    """The string-search fake, `delay` seconds per text; the residual pass finds a bit more."""

    def __init__(self, delay: float = 0.0):
        super().__init__(ENTITIES)
        self.delay = delay

    def analyze_batch(self, texts, progress=None):
        residual = progress is None  # run.residual_scan calls without a progress callback
        _mark(f"{'residual' if residual else 'detect'} {self.calls} {len(texts)}")
        if residual:
            self.entities.update(RESIDUAL_ONLY)
        out = []
        for i, t in enumerate(texts):
            time.sleep(self.delay)
            out.append(self.analyze(t))
            if progress:
                progress(i + 1)
        self.calls += 1
        return out


class SlowEncoder:
    """Hashed bag of words (as tests/themes), `delay` seconds per text. No model."""

    dim = 64

    def __init__(self, delay: float = 0.0, name: str = "fake-bow-slow"):
        self.delay = delay
        self.name = name
        self.calls = 0

    def __call__(self, texts):
        _mark(f"encode {self.calls} {len(texts)}")
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            time.sleep(self.delay)
            for w in re.findall(r"\w{4,}", t.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
            out[i, 0] += 0.01
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def install_fakes() -> None:
    """Make `research anonymise` and `research code --auto` use the slow fakes in this process."""
    import research.anonymise.run as run
    import research.coding.embeddings as embeddings
    import research.coding.service as service

    delay = float(os.environ.get(DELAY_ENV, "0"))
    encoder = SlowEncoder(delay)
    run.make_detector = lambda project: SlowDetector(delay)
    service.default_encoder = lambda: encoder
    embeddings.default_encoder = lambda: encoder


CLI_DRIVER = f"""\
import sys
sys.path.insert(0, {str(REPO)!r})
from tests.reliability.support import install_fakes
install_fakes()
from research.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

# Runs each command of a JSON list (argv lists) in turn, round and round until `seconds` have
# passed and every command ran `min_rounds` times. Any exception escaping the CLI is printed.
LOOP_DRIVER = f"""\
import json, sys, time, traceback
sys.path.insert(0, {str(REPO)!r})
from tests.reliability.support import install_fakes
install_fakes()
from research.cli import main
commands = json.loads(open(sys.argv[1], encoding="utf-8").read())
seconds, min_rounds = float(sys.argv[2]), int(sys.argv[3])
start, rounds, failures = time.monotonic(), 0, 0
while rounds < min_rounds or time.monotonic() - start < seconds:
    for argv in commands:
        try:
            code = main(argv)
        except BaseException:
            traceback.print_exc()
            code = "exception"
        if code != 0:
            failures += 1
            print("FAILED", argv, code, file=sys.stderr, flush=True)
    rounds += 1
print("ROUNDS", rounds, "FAILURES", failures, flush=True)
raise SystemExit(1 if failures else 0)
"""


def write_driver(folder: Path, text: str = CLI_DRIVER, name: str = "driver.py") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RESEARCH_PASSPHRASE=PASSPHRASE,
        RESEARCH_CODER="alice",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    return env


def spawn(driver: Path, args: list[str], **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(driver), *args],
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(driver.parent),
    )


def wait_for_marker(marker: Path, predicate, proc: subprocess.Popen, timeout: float = 60) -> list:
    """Poll the marker file until predicate(lines) holds; fail if the child ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = marker.read_text(encoding="utf-8").splitlines() if marker.exists() else []
        if predicate(lines):
            return lines
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"child ended before the kill point: {proc.returncode}\n{err}")
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("kill point never reached")


def write_commands(folder: Path, name: str, commands: list[list[str]]) -> Path:
    path = folder / name
    path.write_text(json.dumps(commands), encoding="utf-8")
    return path
