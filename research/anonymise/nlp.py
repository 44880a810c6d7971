"""spaCy pipeline and Presidio NLP engine set-up: lean, offline, never downloads a model.

Only ``ner`` runs (the tagger, parser, attribute ruler and lemmatizer cost about a third
of the time and nothing here needs them; the shared tok2vec goes too when NER does not
listen to it, as in the small English model). Presidio's lemma-based context enhancement is
switched off: every recognizer we load scores above the threshold on its own (ours check
their own context words), and building lemma/keyword lists for every token cost ~20% of the
run time on transcripts (measured with bench/bench_detect.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from research.errors import ConfigError

# spaCy label -> our canonical type; anything else (NORP, DATE, CARDINAL...) is dropped.
SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
DROP_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
NER_SCORE = 0.85


@contextmanager
def _hidden(*modules: str) -> Iterator[None]:
    """While active, importing these (not yet imported) modules raises ImportError."""
    hide = [m for m in modules if m not in sys.modules]
    for m in hide:
        sys.modules[m] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for m in hide:
            if m in sys.modules and sys.modules[m] is None:
                del sys.modules[m]


def import_presidio_lean() -> None:
    """Import spaCy and presidio_analyzer without the torch and transformers they never use here.

    thinc (under spaCy) imports torch if present (~2 s), presidio's nlp_engine package imports
    its Hugging Face engine (transformers, ~6 s) and probes for a GPU with torch (~3 s): the
    small English pipeline needs none of it. Both are hidden only during these imports (a later
    ``import torch``/``transformers``, e.g. by sentence-transformers for coding, still works),
    and presidio's device is pinned to the CPU unless PRESIDIO_DEVICE is already set.
    """
    if "presidio_analyzer" in sys.modules:
        return
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
    with _hidden("torch", "transformers"):
        import presidio_analyzer  # noqa: F401


@lru_cache(maxsize=4)
def load_spacy(model: str) -> Any:
    """Load an installed spaCy package by name with only its NER (cached per process)."""
    import_presidio_lean()
    import spacy

    if not spacy.util.is_package(model):
        raise ConfigError(
            f"spaCy model package {model!r} is not installed (set [anonymise] spacy_model "
            "in research.toml to an installed package; models are never downloaded)"
        )
    nlp = spacy.load(model, exclude=list(DROP_PIPES))
    # the small English NER has its own embedding layer: the shared tok2vec only feeds the
    # tagger and parser, so drop it unless a kept component listens to it
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    return nlp


def make_nlp_engine(nlp: Any) -> Any:
    """Wrap an already-loaded spaCy pipeline in a Presidio ``SpacyNlpEngine`` (no loading)."""
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class LoadedSpacyNlpEngine(SpacyNlpEngine):
        """A SpacyNlpEngine around a given pipeline; lemmas are lower-cased token texts."""

        def load(self) -> None:  # never spacy.load / spacy.cli.download
            return None

        def _doc_to_nlp_artifact(self, doc: Any, language: str) -> Any:
            from presidio_analyzer.nlp_engine import NlpArtifacts

            entities = []
            for e in doc.ents:
                if e.label_ in SPACY_LABELS:
                    e.label_ = SPACY_LABELS[e.label_]
                    entities.append(e)
            # no lemmas or keywords: context enhancement is off (see make_analyzer)
            return NlpArtifacts(
                entities=entities,
                tokens=doc,
                tokens_indices=[],
                lemmas=[],
                nlp_engine=self,
                language=language,
                scores=[NER_SCORE] * len(entities),
            )

        def is_stopword(self, word: str, language: str) -> bool:
            return word in _STOP

        def is_punct(self, word: str, language: str) -> bool:
            return not any(c.isalnum() for c in word)

    from spacy.lang.en.stop_words import STOP_WORDS

    _STOP = frozenset(STOP_WORDS)
    config = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(SPACY_LABELS),
        labels_to_ignore=[
            "NORP",
            "DATE",
            "TIME",
            "CARDINAL",
            "ORDINAL",
            "MONEY",
            "PERCENT",
            "QUANTITY",
            "EVENT",
            "LAW",
            "LANGUAGE",
            "WORK_OF_ART",
            "PRODUCT",
        ],
        low_score_entity_names=[],
        default_score=NER_SCORE,
    )
    engine = LoadedSpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "custom")}],
        ner_model_configuration=config,
    )
    engine.nlp = {"en": nlp}
    return engine


def make_analyzer(nlp_engine: Any, registry: Any) -> Any:
    """An AnalyzerEngine over our engine and registry, with context enhancement off."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        """Leaves scores as the recognizers gave them."""

        def __init__(self) -> None:
            super().__init__(
                context_similarity_factor=0,
                min_score_with_context_similarity=0,
                context_prefix_count=0,
                context_suffix_count=0,
            )

        def enhance_using_context(
            self, text, raw_results, nlp_artifacts, recognizers, context=None
        ):
            return raw_results

    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=NoContextEnhancer(),
    )
