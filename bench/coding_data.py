"""Gold sets for the coding bench: turns from `gold/*.json`, PII replaced by placeholders.

The coder only ever sees anonymised text, so the bench replaces each gold PII span with the
kind of placeholder the anonymiser writes ([Person 1], [Place 2], [Council A], [email]...).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from research.coding.autocoder import Item
from research.coding.context import TurnContext, turn_contexts
from research.coding.segments import split_turn

LOES = ["recruitment", "progression", "training", "engagement"]
_PLACEHOLDER = {"PERSON": "Person", "PLACE": "Place", "LOCATION": "Place", "ORG": "Council"}


@dataclass
class GoldTurn:
    source: str
    idx: int
    text: str
    loe: set[str]
    is_facilitator: bool
    question: str
    context: TurnContext | None = None


def anonymise(text: str, pii: list[dict], registry: dict) -> str:
    out, pos = [], 0
    for span in sorted(pii, key=lambda s: s["start"]):
        if span["start"] < pos:
            continue
        kind = span.get("type", "ID")
        label = _PLACEHOLDER.get(kind)
        if label:
            key = (kind, span.get("text", "").lower())
            n = registry.setdefault(key, sum(1 for k in registry if k[0] == kind) + 1)
            rep = f"[{label} {chr(64 + n) if label == 'Council' and n < 27 else n}]"
        else:
            rep = f"[{kind.lower()}]"
        out.append(text[pos : span["start"]])
        out.append(rep)
        pos = span["end"]
    out.append(text[pos:])
    return "".join(out)


def load_gold(folder: str | Path) -> list[GoldTurn]:
    turns: list[GoldTurn] = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        registry: dict = {}
        roles = {name: s.get("role") for name, s in data["speakers"].items()}
        rows = [
            (
                roles.get(t["speaker"]) == "facilitator",
                anonymise(t["text"], t.get("pii", []), registry),
                t,
            )
            for t in data["turns"]
        ]
        contexts = turn_contexts([(fac, text) for fac, text, _ in rows])
        for (fac, text, t), c in zip(rows, contexts, strict=True):
            turns.append(
                GoldTurn(data["label"], t["i"], text, set(t.get("loe") or []), fac, c.question, c)
            )
    return turns


def items_for(turns: list[GoldTurn]) -> list[tuple[Item, GoldTurn]]:
    """Participant turns as segments (long turns split), each with its gold turn."""
    out = []
    for t in turns:
        if t.is_facilitator:
            continue
        for no, part in enumerate(split_turn(t.text)):
            key = (t.source, t.idx, no)
            c = t.context or TurnContext(t.question)
            item = Item(key, part.text, (t.source, t.idx), c.question, False, c.prior_question,
                        c.previous)  # fmt: skip
            out.append((item, t))
    return out
