"""Import: read a transcript, put the original in the vault, register the source in project.db.

project.db gets only what identifies no one: label, format, counts, group attributes and a
SHA-256 of the file (to refuse a second import of the same file).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from research.anonymise.vault import Vault
from research.errors import InputError, ProjectError
from research.project import Project, now
from research.store import transaction


@dataclass(frozen=True)
class ImportedSource:
    id: int
    label: str
    format: str
    n_turns: int
    n_speakers: int
    n_words: int


def parse_attrs(pairs: list[str] | None) -> dict[str, str]:
    """`key=value` strings from the command line into a dict, with a clear error."""
    attrs: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ProjectError(f"attribute {pair!r} is not of the form key=value")
        attrs[key.strip()] = value.strip()
    return attrs


def import_file(
    project: Project,
    vault: Vault,
    path: str | Path,
    *,
    label: str | None = None,
    attrs: dict[str, str] | None = None,
    facilitators: list[str] | None = None,
    kind: str | None = None,
) -> ImportedSource:
    """Import one file. Nothing is written unless the whole file reads cleanly."""
    from research.corpora.load import read_transcript

    path = Path(path)
    transcript = read_transcript(path)  # raises InputError naming file and line
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if label is None and _names_in(path.stem, transcript.speakers):
        raise InputError(
            path, "the file name contains a speaker's name; give the source a label with --name"
        )
    label = (label or path.stem).strip()
    if not label:
        raise InputError(path, "the source needs a non-empty label (--name)")
    db = project.db
    if db.execute("SELECT 1 FROM sources WHERE content_sha256 = ?", (digest,)).fetchone():
        raise InputError(path, "already imported (same content as an existing source)")
    if db.execute("SELECT 1 FROM sources WHERE label = ?", (label,)).fetchone():
        raise InputError(path, f"a source labelled {label!r} exists already; choose another --name")
    missing = [f for f in facilitators or [] if f not in transcript.speakers]
    if missing:
        raise InputError(
            path, "facilitator not among the speakers of this file (check --facilitator)"
        )
    with transaction(db):
        cur = db.execute(
            "INSERT INTO sources (label, format, content_sha256, kind, attrs, n_turns, n_words,"
            " n_speakers, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                label,
                transcript.format,
                digest,
                kind,
                json.dumps(attrs or {}, sort_keys=True),
                len(transcript.utterances),
                transcript.word_count,
                len(transcript.speakers),
                now(),
            ),
        )
        source_id = cur.lastrowid
        original = transcript.to_dict() | {
            "file": path.name,
            "title": transcript.title,
            "facilitators": list(facilitators or []),
        }
        with vault.transaction():
            vault.put("original", source_id, original)
        project.log(
            "import", source=label, format=transcript.format, turns=len(transcript.utterances)
        )
    return ImportedSource(
        source_id,
        label,
        transcript.format,
        len(transcript.utterances),
        len(transcript.speakers),
        transcript.word_count,
    )


def _names_in(stem: str, speakers: list[str]) -> bool:
    """Whether a file stem ("Meeting with Martin Storey") holds a part of a speaker's name."""
    from research.anonymise.names import name_tokens
    from research.anonymise.speakers import is_unknown

    words = set(name_tokens(stem.replace("_", " ").replace("-", " ")))
    parts = {t for s in speakers if not is_unknown(s) for t in name_tokens(s) if len(t) >= 3}
    return bool(words & parts)


def load_original(vault: Vault, source_id: int) -> dict:
    original = vault.get("original", source_id)
    if original is None:
        raise ProjectError(f"source {source_id}: original missing from the vault")
    return original
