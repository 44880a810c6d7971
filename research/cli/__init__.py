"""The `research` command: thin typer commands over plain functions.

Command modules are the `*_cmds.py` files in this package; each defines `register(app)`.
Heavy libraries are imported inside commands, so `research --help` stays fast.
"""

from __future__ import annotations

import pkgutil
import sys
from importlib import import_module

from research.cli.app import app, export_app

__all__ = ["app", "export_app", "main"]

_loaded = False


def load_commands() -> None:
    global _loaded
    if _loaded:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.endswith("_cmds"):
            import_module(f"{__name__}.{info.name}").register(app)
    _loaded = True


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning the project's own errors into one line and an exit code."""
    from research.errors import ResearchError

    load_commands()
    try:
        rv = app(args=argv, prog_name="research", standalone_mode=False)
    except ResearchError as exc:
        print(f"research: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("research: interrupted; the project is as it was before this step", file=sys.stderr)
        return 130
    except SystemExit as exc:  # typer/click exits (e.g. --help)
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:  # usage errors from typer's (vendored) click, and the like
        if callable(getattr(exc, "show", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            exc.show()
            return exc.exit_code
        if type(exc).__name__ == "Abort":
            print("research: aborted", file=sys.stderr)
            return 1
        raise
    return rv if isinstance(rv, int) else 0
