"""Shared fixtures. Sockets are blocked for the whole suite (pyproject: --disable-socket)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO.parent / "shared" / "fixtures"
DEMO_DIR = REPO / "research" / "corpora" / "demo"
TEST_PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def passphrase(monkeypatch) -> str:
    monkeypatch.setenv("RESEARCH_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


@pytest.fixture
def project(tmp_path):
    """A new, empty project in a temporary directory."""
    from research.project import init_project

    proj = init_project(tmp_path / "proj", name="test project")
    yield proj
    proj.close()


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run the CLI in-process: returns (exit_code, stdout, stderr)."""
    from research.cli import main

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory):
    """The demo corpus run through the whole pipeline with the real models, once per session."""
    os.environ["RESEARCH_PASSPHRASE"] = TEST_PASSPHRASE
    from research.demo import run_demo

    out = tmp_path_factory.mktemp("demo") / "project"
    run_demo(out, echo=lambda _msg: None)
    return out
