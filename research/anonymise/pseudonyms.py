"""Consistent replacements across the project: [Person 3], [Council B], [Place 2], [email]...

The key (which original maps to which label) is personal data and lives in the vault. Labels
are never reused for another key, so a pseudonym means the same thing in every export.
"""

from __future__ import annotations

from research.anonymise.names import is_council, name_key, org_key, plain_key
from research.anonymise.vault import Vault

FIXED = {
    "EMAIL": "[email]",
    "PHONE": "[phone]",
    "ID": "[ID]",
    "POSTCODE": "[postcode]",
    "URL": "[URL]",
}


def letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class PseudonymRegistry:
    """Maps detected surfaces to stable labels; persisted in the vault (kind 'pseudonym')."""

    def __init__(
        self, vault: Vault, speaker_names: dict[str, int], speaker_pseudonyms: dict[int, str]
    ):
        self.vault = vault
        self.speaker_names = speaker_names  # name key -> speaker id
        self.speaker_pseudonyms = speaker_pseudonyms
        self.entries: dict[tuple[str, str], str] = {}  # (kind, key) -> label
        self.counts = {"PERSON": 0, "COUNCIL": 0, "ORGANISATION": 0, "PLACE": 0}
        for _, rec in vault.items("pseudonym"):
            self.entries[(rec["kind"], rec["key"])] = rec["label"]
            self.counts[rec["counter"]] = max(self.counts[rec["counter"]], rec["n"])

    def _new(self, kind: str, key: str, counter: str) -> str:
        self.counts[counter] += 1
        n = self.counts[counter]
        label = {
            "PERSON": f"[Person {n}]",
            "PLACE": f"[Place {n}]",
            "COUNCIL": f"[Council {letters(n)}]",
            "ORGANISATION": f"[Organisation {letters(n)}]",
        }[counter]
        self._remember(kind, key, label, counter, n)
        return label

    def _remember(self, kind: str, key: str, label: str, counter: str, n: int) -> None:
        self.entries[(kind, key)] = label
        self.vault.put(
            "pseudonym",
            self.vault.next_id("pseudonym"),
            {"kind": kind, "key": key, "label": label, "counter": counter, "n": n},
        )

    def label(self, entity_type: str, surface: str) -> str:
        if entity_type in FIXED:
            return FIXED[entity_type]
        if entity_type == "PERSON":
            return self.person(surface)
        if entity_type == "ORG":
            return self.org(surface)
        if entity_type == "PLACE":
            key = plain_key(surface)
            return self.entries.get(("PLACE", key)) or self._new("PLACE", key, "PLACE")
        return f"[{entity_type.lower()}]"

    def person(self, surface: str) -> str:
        key = name_key(surface)
        if not key:
            return "[Person]"
        if key in self.speaker_names:
            return self.speaker_pseudonyms[self.speaker_names[key]]
        if ("PERSON", key) in self.entries:
            return self.entries[("PERSON", key)]
        tokens = key.split()
        # A speaker's full name with a middle name, or "first last" of a speaker.
        if len(tokens) > 1 and f"{tokens[0]} {tokens[-1]}" in self.speaker_names:
            return self.speaker_pseudonyms[self.speaker_names[f"{tokens[0]} {tokens[-1]}"]]
        if len(tokens) == 1:
            owners = {
                label
                for (kind, k), label in self.entries.items()
                if kind == "PERSON" and len(k.split()) > 1 and key in (k.split()[0], k.split()[-1])
            }
            if len(owners) == 1:
                label = owners.pop()
                self._remember("PERSON", key, label, "PERSON", self.counts["PERSON"])
                return label
        else:
            first = self.entries.get(("PERSON", tokens[0]))
            claimed = any(
                kind == "PERSON" and len(k.split()) > 1 and k.split()[0] == tokens[0]
                for (kind, k) in self.entries
            )
            if first and not claimed:
                self._remember("PERSON", key, first, "PERSON", self.counts["PERSON"])
                return first
        return self._new("PERSON", key, "PERSON")

    def org(self, surface: str) -> str:
        key = org_key(surface)
        if ("ORG", key) in self.entries:
            return self.entries[("ORG", key)]
        return self._new("ORG", key, "COUNCIL" if is_council(surface) else "ORGANISATION")


def assignment_order(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Registration order for (entity_type, surface) pairs given in order of appearance.

    Full names go before their parts and councils before bare names, so 'Priya Sharma' and then
    'Priya' share one label whichever comes first. Within a group the order of appearance is
    kept: labels never follow the alphabetical order of the originals, which would leak it.
    """
    unique = list(dict.fromkeys(items))

    def rank(item: tuple[str, str]) -> tuple:
        etype, surface = item
        if etype == "PERSON":
            return (0, -len(name_key(surface).split()))
        if etype == "ORG":
            return (1, not is_council(surface))
        return (2,)

    return sorted(unique, key=rank)
