"""Render hand-written session scripts (YAML with inline PII markup) into transcripts plus gold.

Usage: ``python tools/build_corpus.py SCRIPT_DIR OUT_DIR``

Each ``SCRIPT_DIR/*.yaml`` holds one session::

    label: FG01
    kind: focus group            # or interview
    format: teams-vtt            # teams-vtt | zoom-vtt | teams-docx | otter-txt | plain-txt
    file: fg01_county_under30s.vtt
    date: 2020-11-03
    attrs: {authority: county, group: under-30s}
    facilitator: Elaine Hughes   # display name, must be in `speakers` with role facilitator
    speakers:
      Elaine Hughes: {role: facilitator, origin: anglo}
    turns:
      - speaker: Elaine Hughes
        text: "How did you come to work at [[Sandwell Council|ORG]]?"
        loe: []                  # optional, default []; values from LOES
        theme: null              # optional, default null; "<loe>/<slug>", its loe in `loe`

Inline markup: ``[[surface|TYPE]]`` or ``[[surface|TYPE|origin]]`` (origin for PERSON only).
TYPE is one of PII_TYPES; origin one of ORIGINS:
anglo, south_asian, east_asian, west_african, east_african, arabic, east_european,
caribbean, irish, chinese, latin, other.

Writes ``OUT_DIR/<file>``, ``OUT_DIR/gold/<label>.json`` and ``OUT_DIR/manifest.toml``.
Output is deterministic: every random choice (timings, cue ids) is seeded from the label.
Gold turn ``i`` is the i-th turn once a reader merges consecutive cues of one speaker, so a
script may never give two consecutive turns to the same speaker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import re
import sys
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FORMATS = ("teams-vtt", "zoom-vtt", "teams-docx", "otter-txt", "plain-txt")
KINDS = ("focus group", "interview")
LOES = ("recruitment", "progression", "training", "engagement")
ROLES = ("facilitator", "participant")
PII_TYPES = ("PERSON", "ORG", "PLACE", "EMAIL", "PHONE", "ID", "POSTCODE")
ORIGINS = (
    "anglo",
    "south_asian",
    "east_asian",
    "west_african",
    "east_african",
    "arabic",
    "east_european",
    "caribbean",
    "irish",
    "chinese",
    "latin",
    "other",
)
WORDS_PER_SECOND = 2.5
TEAMS_CUE_WORDS = 12
ZOOM_CUE_WORDS = 20
DOCX_FIXED_TIME = (2020, 12, 1, 0, 0, 0)
MARKUP = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([a-z_]+))?\]\]")


class ScriptError(ValueError):
    """A script that cannot be rendered; the message names the file and turn, never content."""


@dataclass
class Turn:
    """One speaker turn with stripped text, gold labels and rendered times (ms)."""

    i: int
    speaker: str
    text: str
    loe: list[str]
    theme: str | None
    pii: list[dict]
    start_ms: int = 0
    end_ms: int = 0
    cues: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text)


@dataclass
class Session:
    """A parsed, validated script."""

    path: Path
    label: str
    kind: str
    format: str
    file: str
    date: dt.date
    attrs: dict
    facilitator: str
    speakers: dict[str, dict]
    turns: list[Turn]


def strip_markup(raw: str, where: str) -> tuple[str, list[dict]]:
    """Remove ``[[surface|TYPE|origin]]`` markup; return plain text and PII spans on it."""
    raw = " ".join(raw.split())
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARKUP.finditer(raw):
        before = raw[pos : m.start()]
        out.append(before)
        length += len(before)
        surface, kind, origin = m.group(1), m.group(2), m.group(3)
        if kind not in PII_TYPES:
            raise ScriptError(f"{where}: unknown PII type {kind!r}")
        if origin is not None and (kind != "PERSON" or origin not in ORIGINS):
            raise ScriptError(f"{where}: bad origin {origin!r} for a {kind} span")
        if surface != surface.strip():
            raise ScriptError(f"{where}: a {kind} span has surrounding spaces")
        span = {"start": length, "end": length + len(surface), "text": surface, "type": kind}
        if origin is not None:
            span["origin"] = origin
        spans.append(span)
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ScriptError(f"{where}: malformed markup")
    return text, spans


def load_script(path: Path) -> Session:
    """Parse and validate one script file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ScriptError(f"{path}: not a mapping")
    for key in ("label", "kind", "format", "file", "date", "facilitator", "speakers", "turns"):
        if key not in data:
            raise ScriptError(f"{path}: missing key {key!r}")
    if data["kind"] not in KINDS:
        raise ScriptError(f"{path}: kind must be one of {KINDS}")
    if data["format"] not in FORMATS:
        raise ScriptError(f"{path}: format must be one of {FORMATS}")
    date = data["date"]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    speakers = {
        str(k): {"role": v["role"], "origin": v["origin"]} for k, v in data["speakers"].items()
    }
    for info in speakers.values():
        if info["role"] not in ROLES or info["origin"] not in ORIGINS:
            raise ScriptError(f"{path}: a speaker has a bad role or origin")
    facilitator = str(data["facilitator"])
    if speakers.get(facilitator, {}).get("role") != "facilitator":
        raise ScriptError(f"{path}: facilitator is not a speaker with role facilitator")
    turns: list[Turn] = []
    for i, t in enumerate(data["turns"]):
        where = f"{path}: turn {i}"
        speaker = str(t["speaker"])
        if speaker not in speakers:
            raise ScriptError(f"{where}: speaker not declared in `speakers`")
        if turns and turns[-1].speaker == speaker:
            raise ScriptError(f"{where}: same speaker as the previous turn")
        loe = list(t.get("loe") or [])
        theme = t.get("theme")
        if any(x not in LOES for x in loe) or len(set(loe)) != len(loe):
            raise ScriptError(f"{where}: loe values must be distinct, from {LOES}")
        if theme is not None and (
            not isinstance(theme, str) or "/" not in theme or theme.split("/")[0] not in loe
        ):
            raise ScriptError(f"{where}: theme must be '<loe>/<slug>' with its loe in `loe`")
        if loe and theme is None and speakers[speaker]["role"] == "participant":
            raise ScriptError(f"{where}: a coded participant turn needs a theme")
        text, pii = strip_markup(str(t["text"]), where)
        if not text:
            raise ScriptError(f"{where}: empty text")
        turns.append(Turn(i, speaker, text, loe, theme, pii))
    if not turns:
        raise ScriptError(f"{path}: no turns")
    return Session(
        path=path,
        label=str(data["label"]),
        kind=data["kind"],
        format=data["format"],
        file=str(data["file"]),
        date=date,
        attrs=dict(data.get("attrs") or {}),
        facilitator=facilitator,
        speakers=speakers,
        turns=turns,
    )


def session_rng(label: str) -> random.Random:
    """A random generator seeded from the label only (stable across runs and machines)."""
    return random.Random(int(hashlib.sha256(label.encode()).hexdigest()[:16], 16))


def chunks(words: list[str], size: int) -> list[list[str]]:
    """Split words into near-equal chunks of at most `size` words."""
    n = max(1, -(-len(words) // size))
    step = -(-len(words) // n)
    return [words[k : k + step] for k in range(0, len(words), step)]


def assign_times(session: Session, rng: random.Random, cue_words: int) -> None:
    """Give each turn and its cues start/end times from a ~2.5 words/s speech rate."""
    now = rng.randint(2000, 9000)
    for turn in session.turns:
        turn.start_ms = now
        turn.cues = []
        for part in chunks(turn.text.split(), cue_words):
            ms = int(len(part) / WORDS_PER_SECOND * 1000 * rng.uniform(0.85, 1.15)) + 300
            turn.cues.append((now, now + ms, " ".join(part)))
            now += ms
        turn.end_ms = now
        now += rng.randint(200, 1500)


def vtt_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def short_time(ms: int) -> str:
    """M:SS, or H:MM:SS from one hour, as Teams .docx and Otter print turn starts."""
    total = ms // 1000
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def two_lines(text: str) -> str:
    """Break a cue's text into two lines near the middle, as Teams wraps captions."""
    words = text.split()
    if len(words) <= 6:
        return text
    mid = (len(words) + 1) // 2
    return " ".join(words[:mid]) + "\n" + " ".join(words[mid:])


def render_teams_vtt(session: Session, rng: random.Random) -> bytes:
    assign_times(session, rng, TEAMS_CUE_WORDS)
    guid = uuid.UUID(int=rng.getrandbits(128), version=4)
    blocks = ["WEBVTT"]
    n = rng.randint(3, 12)
    for turn in session.turns:
        for m, (start, end, text) in enumerate(turn.cues):
            body = two_lines(text)
            blocks.append(
                f"{guid}/{n}-{m}\n{vtt_time(start)} --> {vtt_time(end)}\n"
                f"<v {turn.speaker}>{body}</v>"
            )
        n += rng.randint(1, 9)
    return ("\n\n".join(blocks) + "\n").replace("\n", "\r\n").encode("utf-8")


def render_zoom_vtt(session: Session, rng: random.Random) -> bytes:
    assign_times(session, rng, ZOOM_CUE_WORDS)
    blocks = ["WEBVTT"]
    n = 1
    for turn in session.turns:
        for start, end, text in turn.cues:
            blocks.append(f"{n}\n{vtt_time(start)} --> {vtt_time(end)}\n{turn.speaker}: {text}")
            n += 1
    return ("\n\n".join(blocks) + "\n").replace("\n", "\r\n").encode("utf-8")


def render_otter_txt(session: Session, rng: random.Random) -> bytes:
    assign_times(session, rng, 10_000)
    parts = [f"{t.speaker}  {short_time(t.start_ms)}  \n{t.text}\n" for t in session.turns]
    parts.append("Transcribed by https://otter.ai\n")
    return "\n".join(parts).encode("utf-8")


def render_plain_txt(session: Session, rng: random.Random) -> bytes:
    for t in session.turns:
        t.start_ms = t.end_ms = -1  # no times in this format
    return "".join(f"{t.speaker}: {t.text}\n" for t in session.turns).encode("utf-8")


def split_speech(text: str) -> list[str]:
    """Long Teams .docx turns carry line breaks between sentences; split near the middle."""
    words = text.split()
    if len(words) < 60:
        return [text]
    cuts = [m.end() for m in re.finditer(r"[.?!] ", text)]
    if not cuts:
        return [text]
    best = min(cuts, key=lambda c: abs(c - len(text) / 2))
    return [text[:best].rstrip(), text[best:]]


def render_teams_docx(session: Session, rng: random.Random) -> bytes:
    import docx

    assign_times(session, rng, 10_000)
    hour, minute, sec = rng.randint(9, 15), rng.randint(0, 59), rng.randint(0, 59)
    d = session.date
    document = docx.Document()
    stamp = f"{d:%Y%m%d}_{hour:02d}{minute:02d}{sec:02d}"
    document.add_paragraph(f"{session.label} {session.kind}-{stamp}-Meeting Recording")
    clock = f"{hour % 12 or 12:02d}:{minute:02d}{'am' if hour < 12 else 'pm'}"
    document.add_paragraph(f"{d.day} {d:%B %Y}, {clock}")
    document.add_paragraph(f"{session.facilitator} started transcription")
    for turn in session.turns:
        run = document.add_paragraph().add_run(f"{turn.speaker}   {short_time(turn.start_ms)}")
        for piece in split_speech(turn.text):
            run.add_break()
            run.add_text(piece)
    document.add_paragraph(f"{session.facilitator} stopped transcription")
    fixed = dt.datetime(*DOCX_FIXED_TIME)
    props = document.core_properties
    props.author = props.last_modified_by = ""
    props.created = props.modified = props.last_printed = fixed
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return rezip_fixed(raw.getvalue())


def rezip_fixed(blob: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=DOCX_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


RENDERERS = {
    "teams-vtt": render_teams_vtt,
    "zoom-vtt": render_zoom_vtt,
    "teams-docx": render_teams_docx,
    "otter-txt": render_otter_txt,
    "plain-txt": render_plain_txt,
}


def gold_of(session: Session) -> dict:
    """The gold record of a rendered session (times in seconds, None for plain text)."""

    def sec(ms: int) -> float | None:
        return None if ms < 0 else round(ms / 1000, 3)

    return {
        "label": session.label,
        "file": session.file,
        "format": session.format,
        "kind": session.kind,
        "date": session.date.isoformat(),
        "attrs": session.attrs,
        "facilitator": session.facilitator,
        "speakers": session.speakers,
        "turns": [
            {
                "i": t.i,
                "speaker": t.speaker,
                "text": t.text,
                "loe": t.loe,
                "theme": t.theme,
                "pii": t.pii,
                "start": sec(t.start_ms),
                "end": sec(t.end_ms),
            }
            for t in session.turns
        ],
    }


def toml_value(value: object) -> str:
    """A TOML literal for a str/int/float/bool/date or a flat dict (inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        inner = ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{" + inner + "}" if inner else "{}"
    return json.dumps(str(value), ensure_ascii=False)


def toml_key(key: object) -> str:
    key = str(key)
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def manifest_of(sessions: list[Session]) -> str:
    lines = ["# Demo corpus manifest, written by tools/build_corpus.py; do not edit.", ""]
    for s in sessions:
        lines.append("[[source]]")
        for key, value in (
            ("file", s.file),
            ("label", s.label),
            ("kind", s.kind),
            ("format", s.format),
            ("date", s.date),
            ("facilitator", s.facilitator),
            ("attrs", s.attrs),
        ):
            lines.append(f"{key} = {toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def build(script_dir: Path, out_dir: Path) -> list[Session]:
    """Render every script in `script_dir` into `out_dir`; return the sessions in label order."""
    paths = sorted(Path(script_dir).glob("*.yaml"))
    if not paths:
        raise ScriptError(f"{script_dir}: no *.yaml scripts")
    sessions = sorted((load_script(p) for p in paths), key=lambda s: s.label)
    for attr in ("label", "file"):
        values = [getattr(s, attr) for s in sessions]
        if len(set(values)) != len(values):
            raise ScriptError(f"{script_dir}: duplicate {attr}")
    out_dir = Path(out_dir)
    (out_dir / "gold").mkdir(parents=True, exist_ok=True)
    for s in sessions:
        blob = RENDERERS[s.format](s, session_rng(s.label))
        (out_dir / s.file).write_bytes(blob)
        gold = json.dumps(gold_of(s), ensure_ascii=False, indent=1) + "\n"
        (out_dir / "gold" / f"{s.label}.json").write_text(gold, encoding="utf-8")
    (out_dir / "manifest.toml").write_text(manifest_of(sessions), encoding="utf-8")
    return sessions


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tools/build_corpus.py SCRIPT_DIR OUT_DIR", file=sys.stderr)
        return 2
    try:
        sessions = build(Path(argv[0]), Path(argv[1]))
    except ScriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    turns = sum(len(s.turns) for s in sessions)
    pii = sum(len(t.pii) for s in sessions for t in s.turns)
    print(f"{len(sessions)} sessions, {turns} turns, {pii} PII spans -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
