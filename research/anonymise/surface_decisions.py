"""Decisions the ethics lead made for every occurrence of some words, kept for later sources.

`research review reject ID --everywhere` rules that the words of a detection are not personal
data wherever they occur ("KCOM", a team's jargon). The words are an original, so they live in
the vault (kind `surface_decision`), never in project.db; detection of a source imported later
reads them and records the same decision with the same reviewer and time.
"""

from __future__ import annotations

from research.anonymise.vault import Vault

KIND = "surface_decision"


def key(surface: str) -> str:
    """Occurrences match in any case, surrounding spaces ignored."""
    return " ".join(surface.split()).casefold()


def load(vault: Vault) -> dict[str, dict]:
    """{key: {"decision", "by", "at"}} for every surface decided everywhere."""
    return {key(v["surface"]): v for _, v in vault.items(KIND)}


def remember(vault: Vault, surfaces: set[str], decision: str, who: str, stamp: str) -> None:
    """Record (or replace) the decision for each surface; call inside the vault's transaction."""
    wanted = {key(s): s for s in surfaces if key(s)}
    for id_, v in list(vault.items(KIND)):
        if key(v["surface"]) in wanted:
            vault.delete(KIND, id_)
    next_id = vault.next_id(KIND)
    for i, surface in enumerate(sorted(wanted.values())):
        value = {"surface": surface, "decision": decision, "by": who, "at": stamp}
        vault.put(KIND, next_id + i, value)
