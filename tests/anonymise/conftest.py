"""Fixtures for detection tests: a blank English tokenizer and one real Detector per session."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture(scope="session")
def blank_nlp():
    """spaCy's rule-based English tokenizer only (no model): fast recognizer unit tests."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def run(blank_nlp):
    """run(recognizer, text) -> [(surface, type)] using blank-tokenizer artifacts."""

    def _run(recognizer, text: str) -> list[tuple[str, str]]:
        artifacts = SimpleNamespace(tokens=blank_nlp(text))
        results = recognizer.analyze(text, recognizer.supported_entities, artifacts)
        return sorted((text[r.start : r.end], r.entity_type) for r in results)

    return _run


@pytest.fixture(scope="session")
def detector():
    """The real Detector (spaCy model + Presidio), loaded once for all model tests."""
    from research.anonymise.detect import DetectionSettings, Detector

    return Detector(
        DetectionSettings(known_people=["Okonkwo, Chidi", "Priya Sharma", "Will Jones"])
    )
