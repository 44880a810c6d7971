"""The project's own errors: each renders as one line a researcher can act on.

No error message may hold an original identifier from a transcript: messages name files,
line numbers and what was expected, never the content of a line.
"""

from __future__ import annotations

from pathlib import Path


class ResearchError(Exception):
    """Base class: anything the CLI prints as one line and exits non-zero on."""

    exit_code = 1


class InputError(ResearchError):
    """A file that cannot be read as a transcript (missing, empty, binary, malformed...)."""

    exit_code = 2

    def __init__(self, path: str | Path | None, message: str, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"


class ProjectError(ResearchError):
    """The project directory is missing, not a project, or in a state that forbids the action."""

    exit_code = 3


class VaultError(ResearchError):
    """The vault cannot be opened: missing, wrong passphrase, or damaged."""

    exit_code = 4


class ConfigError(ResearchError):
    """research.toml or codebook.yaml is invalid; the message names the file and line."""

    exit_code = 5
