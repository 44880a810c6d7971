"""Speakers: one pseudonym per person across the project (P01..., facilitators F1...).

A speaker's display name may differ between files ('Okonkwo, Chidi' in Teams, 'Chidi Okonkwo'
in Zoom): both map to one person by their name key. Display names stay in the vault.
"""

from __future__ import annotations

from collections.abc import Iterable

from research.anonymise.names import display_to_natural, name_key
from research.anonymise.vault import Vault

UNKNOWN_NAMES = {"unknown speaker", "unknown", "speaker", "unidentified speaker", ""}
UNKNOWN_PSEUDONYM = "Unidentified"


def is_unknown(display: str) -> bool:
    return display.strip().casefold() in UNKNOWN_NAMES or display.strip().casefold().startswith(
        "speaker "
    )


def guess_facilitators(utterances: list[dict]) -> set[str]:
    """Who runs the session: the speaker who asks most of the questions, usually speaking first.

    The first speaker qualifies with 2+ turns of which 30% hold a question; anyone else needs
    3+ turns with questions in at least half of them.
    """
    turns: dict[str, int] = {}
    questions: dict[str, int] = {}
    for u in utterances:
        s = u["speaker"]
        if is_unknown(s):
            continue
        turns[s] = turns.get(s, 0) + 1
        questions[s] = questions.get(s, 0) + ("?" in u["text"])
    if not turns:
        return set()
    first = next((u["speaker"] for u in utterances if not is_unknown(u["speaker"])), None)
    best = max(turns, key=lambda s: (questions[s] / turns[s], turns[s]))
    share = questions[best] / turns[best]
    if (best == first and turns[best] >= 2 and share >= 0.3) or (turns[best] >= 3 and share >= 0.5):
        return {best}
    return set()


class SpeakerRegistry:
    """Speakers of the whole project; pseudonyms in project.db, display names in the vault."""

    def __init__(self, db, vault: Vault):
        self.db = db
        self.vault = vault
        self.by_key: dict[str, int] = {}
        self.names: dict[int, set[str]] = {}
        for sid, rec in vault.items("speaker"):
            self.by_key[rec["key"]] = sid
            self.names[sid] = set(rec["names"])

    def resolve(self, display: str, role: str) -> int:
        """The speaker id for a display name, registering a new speaker if needed."""
        key = UNKNOWN_PSEUDONYM.casefold() if is_unknown(display) else name_key(display)
        if key in self.by_key:
            sid = self.by_key[key]
            if display not in self.names[sid]:
                self.names[sid].add(display)
                self._save(sid, key)
            return sid
        if key == UNKNOWN_PSEUDONYM.casefold():
            role, pseudonym = "unknown", UNKNOWN_PSEUDONYM
        else:
            pseudonym = self._next_pseudonym(role)
        cur = self.db.execute(
            "INSERT INTO speakers (pseudonym, role) VALUES (?, ?)", (pseudonym, role)
        )
        sid = cur.lastrowid
        self.by_key[key] = sid
        self.names[sid] = {display}
        self._save(sid, key)
        return sid

    def _save(self, sid: int, key: str) -> None:
        self.vault.put("speaker", sid, {"key": key, "names": sorted(self.names[sid])})

    def _next_pseudonym(self, role: str) -> str:
        prefix = "F" if role == "facilitator" else "P"
        rows = self.db.execute(
            "SELECT pseudonym FROM speakers WHERE role = ?",
            ("facilitator" if prefix == "F" else "participant",),
        ).fetchall()
        numbers = [int(r[0][1:]) for r in rows if r[0][1:].isdigit()]
        n = max(numbers, default=0) + 1
        return f"F{n}" if prefix == "F" else f"P{n:02d}"

    def pseudonyms(self) -> dict[int, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, pseudonym FROM speakers")}

    def known_people(self) -> list[str]:
        """Every speaker display name in natural order, for the detector's known-people list."""
        out: set[str] = set()
        for names in self.names.values():
            for n in names:
                if not is_unknown(n):
                    out.add(n)
                    out.add(display_to_natural(n))
        return sorted(out)

    def speaker_for_name(self) -> dict[str, int]:
        """name key -> speaker id for full names and their unambiguous single parts."""
        full: dict[str, int] = {}
        parts: dict[str, set[int]] = {}
        for sid, names in self.names.items():
            for n in names:
                if is_unknown(n):
                    continue
                k = name_key(n)
                full[k] = sid
                for tok in k.split():
                    if len(tok) > 1:
                        parts.setdefault(tok, set()).add(sid)
        for tok, sids in parts.items():
            if len(sids) == 1 and tok not in full:
                full[tok] = next(iter(sids))
        return full


def register_source_speakers(
    registry: SpeakerRegistry, utterances: list[dict], facilitators: Iterable[str]
) -> dict[str, int]:
    """display name -> speaker id for one source, in order of first appearance."""
    facilitators = set(facilitators) or guess_facilitators(utterances)
    mapping: dict[str, int] = {}
    for u in utterances:
        s = u["speaker"]
        if s not in mapping:
            mapping[s] = registry.resolve(s, "facilitator" if s in facilitators else "participant")
    return mapping
