"""Leak property: injected identifiers never reach project.db or any export.

For generated focus groups (hypothesis) with injected speakers' display names (as speakers and
mentioned by others, in both "First Last" and "Last, First" forms), e-mails, UK mobile numbers
in standard spacing and UK council names, the real pipeline runs: import, anonymise with the
real Detector, auto-coding (fake encoder), manual codes, themes (the clusterer-only fitter), and
every export. No byte of project.db (and its WAL) nor of any export (nor of any member of a
zip-based export) may contain an injected value.
"""

from __future__ import annotations

import random
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research.anonymise.propagate import is_ambiguous

pytestmark = [pytest.mark.models, pytest.mark.slow]
PASSPHRASE = "leak property passphrase"
LOCALES = ["en_GB", "en_IN", "pl_PL", "en_IE", "yo_NG", "tr_TR", "es_ES"]
LOES = ["recruitment", "progression", "training", "engagement"]


def _name_pool() -> list[tuple[str, str]]:
    """(first, last) pairs of many origins; no part that is also an ordinary English word."""
    from faker import Faker

    pool, seen = [], set()
    for i, loc in enumerate(LOCALES):
        fake = Faker(loc)
        fake.seed_instance(100 + i)
        for _ in range(60):
            first, last = fake.first_name(), fake.last_name()
            parts = (first, last)
            if any(len(p) < 3 or not p.isalpha() or is_ambiguous(p) for p in parts):
                continue
            if first in seen or last in seen:
                continue
            seen.update(parts)
            pool.append(parts)
    return pool


def _councils() -> list[str]:
    from importlib import resources

    text = (
        resources.files("research.anonymise")
        .joinpath("data", "uk_councils.txt")
        .read_text(encoding="utf-8")
    )
    return [
        x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#") and "," not in x
    ]


NAMES = _name_pool()
COUNCILS = _councils()
MOBILE = st.builds(
    lambda a, b, rest: f"07{a}{b:02d} {rest:06d}",
    st.sampled_from("12345789"),
    st.integers(0, 99),
    st.integers(0, 999_999),
)
FILLER = [
    "The interview panel was all the same faces and nobody looked like me.",
    "I never got feedback after the promotion interview.",
    "Training was mostly online modules and the mentoring scheme fizzled out.",
    "The staff survey came round again and nothing changed afterwards.",
    "Acting up opportunities always went to the same favourites in the team.",
    "The application form was long, with jargon I did not understand.",
]


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


@st.composite
def studies(draw):
    """A focus group transcript and the identifiers injected into it."""
    people = draw(st.lists(st.sampled_from(NAMES), min_size=4, max_size=6, unique=True))
    councils = draw(st.lists(st.sampled_from(COUNCILS), min_size=1, max_size=2, unique=True))
    phones = draw(st.lists(MOBILE, min_size=1, max_size=2, unique=True))
    comma = draw(st.lists(st.booleans(), min_size=len(people), max_size=len(people)))
    seed = draw(st.integers(0, 10_000))
    rng = random.Random(seed)
    display = [f"{s}, {f}" if c else f"{f} {s}" for (f, s), c in zip(people, comma, strict=True)]
    fac, parts = display[0], display[1:]
    fac_first = people[0][0]
    domain = _ascii(councils[0]).replace(" ", "").replace("-", "") + ".gov.uk"
    emails = [f"{_ascii(f)}.{_ascii(s)}@{domain}" for f, s in people[1:3]]
    council_names = [f"{c} Council" for c in councils]
    lines = [f"{fac}: Welcome everyone, I'm {fac_first} and I'll be facilitating today."]
    templates = [
        lambda o: f"I agree with {o[0]}, {rng.choice(FILLER)}",
        lambda o: f"When I joined {rng.choice(council_names)} {rng.choice(FILLER).lower()}",
        lambda o: f"{o[0]} {o[1]} told me about the job, and {rng.choice(FILLER).lower()}",
        lambda o: f"You can ring me on {rng.choice(phones)} about the staff network.",
        lambda o: f"Send it to {rng.choice(emails)} and I'll pass it on.",
        lambda o: f"Like {o[0]} said, {rng.choice(FILLER).lower()}",
        lambda o: f"{rng.choice(FILLER)} {rng.choice(FILLER)}",
    ]
    for t in range(18):
        if t % 5 == 4:
            lines.append(f"{fac}: Thank you. And what about progression at {council_names[0]}?")
            continue
        i = rng.randrange(len(parts))
        other = people[1 + (i + 1 + rng.randrange(len(parts) - 1)) % len(parts)]
        lines.append(f"{parts[i]}: {templates[t % len(templates)](other)}")
    # every injected value occurs at least once
    lines.append(f"{parts[0]}: Thanks {people[1 + 1][0]}. Mine is {emails[-1]}, {phones[-1]}.")
    lines.append(
        f"{parts[-1]}: I was at {council_names[-1]} before, with {people[1][0]} {people[1][1]}."
    )
    text = "\n".join(lines) + "\n"
    values = {
        "names": sorted({p for pair in people for p in pair} | set(display)),
        "emails": emails,
        "phones": phones + [p.replace(" ", "") for p in phones],
        "councils": council_names + councils,
    }
    return text, values


@pytest.fixture(scope="session")
def real_detector(tmp_path_factory):
    """The real Detector with a project's default settings, loaded once."""
    from research.anonymise.run import make_detector
    from research.project import init_project

    proj = init_project(tmp_path_factory.mktemp("det") / "p")
    det = make_detector(proj)
    proj.close()
    return det


def _run_pipeline(root: Path, transcript: str, detector) -> list[tuple[str, bytes]]:
    """Import, anonymise, code, theme, export; return (name, bytes) of every file to search."""
    from research.anonymise.ingest import import_file
    from research.anonymise.run import anonymise_project
    from research.anonymise.vault import Vault
    from research.coding.exporting import export_codings
    from research.coding.manual import apply_code
    from research.coding.service import prepare, run_auto_coding
    from research.export.all import write_all_exports
    from research.export.audit import write_audit
    from research.export.transcripts import export_transcripts
    from research.project import init_project
    from research.themes.run import run_themes
    from tests.reliability.support import SlowEncoder
    from tests.themes.themed_project import fake_fitter

    src = root / "in" / "session.txt"
    src.parent.mkdir(parents=True)
    src.write_text(transcript, encoding="utf-8")
    project = init_project(root / "proj", name="leak property")
    vault = Vault.open(project.vault_path, PASSPHRASE, create=True)
    import_file(project, vault, src, label="S1", attrs={"group": "under-30s"})
    anonymise_project(project, vault, detector=detector)
    vault.close()
    encoder = SlowEncoder(0)
    run_auto_coding(project, encoder=encoder)
    book = prepare(project)
    segs = [r[0] for r in project.db.execute("SELECT id FROM segments WHERE is_facilitator = 0")]
    for n, seg in enumerate(segs):
        apply_code(project, book, seg, LOES[n % 2], coder="alice")
    run_themes(project, fitter=fake_fitter, encoder=encoder)
    out = project.exports_dir
    for fmt in ("txt", "vtt", "docx"):
        export_transcripts(project, fmt, out / "transcripts")
    write_audit(project, out / "audit.html")
    write_audit(project, out / "audit.csv")
    for fmt in ("csv", "xlsx"):
        export_codings(project, fmt, out / f"codings.{fmt}")
    written = write_all_exports(project, out)
    assert any(p.name == "quotes.xlsx" for p in written)  # themes were fitted: quotes exported
    files: list[tuple[str, bytes]] = []
    for p in sorted(root.joinpath("proj").glob("project.db*")):
        files.append((p.name, p.read_bytes()))  # before the checkpoint: the WAL too
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files.append(("project.db", project.db_path.read_bytes()))
    project.close()
    for p in sorted(out.rglob("*")):
        if p.is_file():
            files += [(f"{p.name}{m}", blob) for m, blob in file_blobs(p)]
    return files


# Static parts the xlsx and docx writers copy in verbatim from their templates, holding no project
# data: the Office colour/font theme names font scripts ("Hans", "Arab", "Thai"...), and the
# template's thumbnail image holds arbitrary bytes (b"chad" matched an injected "Chad").
# The tool writes no images, so image members are static too.
_OFFICE_THEME = re.compile(r"(^|/)theme/theme\d*\.xml$|\.(jpe?g|png|gif|emf|wmf)$", re.IGNORECASE)


def file_blobs(path: Path) -> list[tuple[str, bytes]]:
    """What an export holds, as bytes to scan: a plain file whole; a zip-based one (xlsx, docx,
    qdpx) as its member names and each member's content. The zip container itself is deflated
    data, whose random bytes can spell a short name ("Ify" turned up in one): text can only
    be in the members, which are scanned decompressed."""
    if not zipfile.is_zipfile(path):
        return [("", path.read_bytes())]
    with zipfile.ZipFile(path) as z:
        names = "\n".join(z.namelist()).encode()
    return [(":names", names)] + [(f":{m}", blob) for m, blob in zip_members(path)]


def zip_members(path: Path) -> list[tuple[str, bytes]]:
    """The members of a zip-based export (xlsx, docx, qdpx), but static theme and image parts."""
    if not zipfile.is_zipfile(path):
        return []
    with zipfile.ZipFile(path) as z:
        return [(m, z.read(m)) for m in z.namelist() if not _OFFICE_THEME.search(m)]


def _without_allow_list(blob: bytes) -> bytes:
    """The audit lists the allow-list (public references such as "Stephen Lawrence"): an
    injected "Stephen" must not be matched inside it."""
    from research.project import DEFAULT_ALLOW_LIST

    for phrase in sorted(DEFAULT_ALLOW_LIST, key=len, reverse=True):
        pat = rb"(?<!\w)" + re.escape(phrase.encode()) + rb"(?!\w)"  # not "Word" of "Wordsworth"
        blob = re.sub(pat, b" ", blob, flags=re.IGNORECASE)
    return blob


def _leaks(files, values) -> list[tuple[str, str]]:
    found = []
    for name, blob in files:
        blob = _without_allow_list(blob)
        for kind, vals in values.items():
            for v in vals:
                pat = rb"(?<![\w@.])" + re.escape(v.encode()) + rb"(?![\w@])"
                flags = re.IGNORECASE if kind == "names" else 0
                if re.search(pat, blob, flags):
                    found.append((name, v))
    return found


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(study=studies())
def test_no_injected_identifier_in_project_db_or_any_export(study, real_detector):
    text, values = study
    with tempfile.TemporaryDirectory() as tmp:
        files = _run_pipeline(Path(tmp), text, real_detector)
    assert len(files) > 20
    # the scan itself works: the raw transcript would be caught
    assert _leaks([("input", text.encode())], values)
    assert _leaks(files, values) == []
