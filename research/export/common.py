"""What every export shares: the sign-off header, quote attributions and the themed quote rows.

Everything here reads project.db only; the vault is never opened, so exports hold anonymised
text and pseudonyms alone. Facilitators are never quoted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from research.project import Project, now
from research.signoff_state import signoff_state

ANONYMISED_NOTE = "Built from anonymised data only (project.db); no original identifiers."


def header_lines(project: Project, title: str) -> list[str]:
    """Title, project, time, sign-off status and the anonymisation note."""
    state = signoff_state(project.db)
    return [
        f"{title}: {project.settings.name}",
        f"Generated: {now()}",
        f"Sign-off: {state['summary']}",
        ANONYMISED_NOTE,
    ]


def attribution(attrs: dict, keys: Sequence[str], role: str = "participant") -> str:
    """'participant, under-30s group, county council' from the source's group attributes."""
    parts = [role]
    for key in keys:
        value = str(attrs.get(key, "")).strip()
        if not value:
            continue
        if key == "group" and not value.lower().endswith("group"):
            value = f"{value} group"
        parts.append(value)
    return ", ".join(parts)


def clock(seconds: float | None) -> str:
    """'00:12:05' (empty when the transcript had no times)."""
    if seconds is None:
        return ""
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def loe_names(db: sqlite3.Connection) -> dict[str, str]:
    return {r["id"]: r["name"] for r in db.execute("SELECT id, name FROM codes")}


@dataclass(frozen=True)
class QuoteRow:
    loe: str
    loe_name: str
    theme_id: int
    theme: str
    prevalence: str
    by_attribute: str
    rank: int
    starred: bool
    segment_id: int
    quote: str
    participant: str
    source: str
    attrs: dict
    time: str
    attribution: str

    @property
    def words(self) -> int:
        return len(self.quote.split())

    @property
    def short(self) -> bool:
        """Outside the readable range (15-120 words): used only when a theme has nothing else."""
        from research.themes.quotes import readable

        return not readable(self.quote)

    @property
    def note(self) -> str:
        return f"short quote, {self.words} words: no quote of 15-120 words" if self.short else ""


def preferred_quotes(quotes: Sequence[QuoteRow], limit: int | None = None) -> list[QuoteRow]:
    """Starred quotes, then readable ones (15-120 words) up to `limit` in all; when the theme
    has neither, its best-ranked quote (its `note` says it is short)."""
    starred = [q for q in quotes if q.starred]
    rest = [q for q in quotes if not q.starred and not q.short]
    out = starred + rest
    if limit is not None:
        out = out[: max(limit, len(starred))]
    return out or list(quotes[:1])


@dataclass(frozen=True)
class ThemeSummary:
    loe: str
    loe_name: str
    theme_id: int
    label: str
    keywords: list[str]
    prevalence: dict
    quotes: list[QuoteRow]


def themed_quotes(project: Project) -> list[ThemeSummary]:
    """Every active theme with its prevalence and quotes (starred first, then by rank)."""
    from research.themes.prevalence import attribute_summary, theme_prevalence
    from research.themes.store import active_themes, starred_members, theme_quotes

    db = project.db
    keys = project.settings.attribution
    names = loe_names(db)
    order = {r["id"]: (r["sort"], r["id"]) for r in db.execute("SELECT id, sort FROM codes")}
    sources = {
        r["id"]: (r["label"], json.loads(r["attrs"] or "{}"))
        for r in db.execute("SELECT id, label, attrs FROM sources")
    }
    speakers = {r["id"]: (r["pseudonym"], r["role"]) for r in db.execute("SELECT * FROM speakers")}
    attr_keys = sorted(
        {k for _, a in sources.values() for k in a}, key=lambda k: (k not in keys, k)
    )
    out: list[ThemeSummary] = []
    themes = sorted(
        active_themes(db), key=lambda t: (order.get(t["loe"], (99, t["loe"])), -t["size"], t["id"])
    )
    for t in themes:
        prev = theme_prevalence(db, t["id"], attr_keys)
        rows = list(theme_quotes(db, t["id"]))
        ranked = {r["segment_id"] for r in rows}
        extra = [r for r in starred_members(db, t["id"]) if r["segment_id"] not in ranked]
        quotes = []
        for r in [*map(dict, extra), *map(dict, rows)]:
            pseudonym, role = speakers.get(r["speaker_id"], ("unknown", "unknown"))
            if role == "facilitator":
                continue
            label, attrs = sources[r["source_id"]]
            quotes.append(
                QuoteRow(
                    loe=t["loe"],
                    loe_name=names.get(t["loe"], t["loe"]),
                    theme_id=t["id"],
                    theme=t["label"],
                    prevalence=prev["summary"],
                    by_attribute=attribute_summary(prev),
                    rank=r.get("rank", 0),
                    starred=bool(r.get("starred", True)),
                    segment_id=r["segment_id"],
                    quote=r["text"],
                    participant=pseudonym,
                    source=label,
                    attrs=attrs,
                    time=clock(r["start"]),
                    attribution=attribution(attrs, keys),
                )
            )
        quotes.sort(key=lambda q: (not q.starred, q.rank))
        out.append(
            ThemeSummary(
                t["loe"],
                names.get(t["loe"], t["loe"]),
                t["id"],
                t["label"],
                json.loads(t["keywords"]),
                prev,
                quotes,
            )
        )
    return out
