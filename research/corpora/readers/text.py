"""Shared helpers for the readers: decoding bytes, cleaning text, speaker prefixes, merging turns.

Every failure becomes an InputError naming the file and line, never quoting the content.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable, Iterable

from research.corpora.model import Utterance
from research.errors import InputError

UNKNOWN_SPEAKER = "Unknown speaker"

_WS = re.compile(r"\s+")
# WebVTT / SRT markup: class, italic, bold, underline, voice, language, ruby, font tags and
# inline cue timestamps like <00:00:01.000>; anything else in angle brackets is kept as text.
_MARKUP = re.compile(
    r"</?(?:c|i|b|u|v|lang|ruby|rt|font|span)(?:[.\s][^<>]*)?>|<\d[\d:.]*>", re.IGNORECASE
)
_ASS_OVERRIDE = re.compile(r"\{\\[^{}]*\}")  # SRT files sometimes carry {\an8} style codes
# A speaker prefix: a short name-like string before the first ": ". No colon, digits cannot
# start it, no sentence punctuation, at most 6 words, so "8:00" or "https://" never match.
_NAME = r"[^\W\d_][\w .,'’()&/@\-]{0,59}"
_PREFIX = re.compile(rf"^(?P<name>{_NAME}?)\s*:(?:\s+|$)(?P<text>.*)$", re.DOTALL)
_NOT_NAMES = frozenset({"http", "https", "ftp", "mailto", "file", "www", "note", "re", "fwd"})
_TIME = re.compile(r"^(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})$")


def decode(data: bytes | str, name: str) -> str:
    """Bytes to text with LF newlines: UTF-8 (BOM optional) or UTF-16 with a BOM, nothing else."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        if "\x00" in text or _mostly_control(text):
            raise InputError(name, "binary file, not a transcript")
    else:
        text = _decode_bytes(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "empty file")
    return text


def _decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(name, "empty file")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                line = _line_of(data[len(bom) : exc.start].decode(codec, "replace"))
                raise InputError(name, f"not valid UTF-16 text (line {line})", line=line) from None
            if "\x00" in text or _mostly_control(text):
                raise InputError(name, "binary file, not a transcript")
            return text
    if b"\x00" in data or _mostly_control(data[:4096].decode("latin-1")):
        raise InputError(name, "binary file, not a transcript")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        sample = data[:4096].decode("utf-8", "replace")
        if sample.count("\ufffd") > max(8, len(sample) // 5):
            raise InputError(name, "binary file, not a transcript") from None
        line = _line_of(data[: exc.start].decode("latin-1"))
        raise InputError(name, f"not UTF-8 text (line {line})", line=line) from None


def _line_of(prefix: str) -> int:
    """1-based line number of the character just after `prefix` (CRLF, CR or LF newlines)."""
    return prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1


def _mostly_control(sample: str) -> bool:
    sample = sample[:4096]
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return bad > max(2, len(sample) // 10)


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """The lines of LF-normalised text with their 1-based numbers."""
    return list(enumerate(text.split("\n"), start=1))


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks as (number of the first line, lines); whitespace-only is blank."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in numbered_lines(text):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            out.append((first, current))
            current = []
    if current:
        out.append((first, current))
    return out


def clean(text: str) -> str:
    """Collapse runs of whitespace (newlines included) to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def strip_markup(text: str) -> str:
    """Drop WebVTT/SRT inline tags, then decode HTML entities (&amp; &gt; ...)."""
    return html.unescape(_ASS_OVERRIDE.sub("", _MARKUP.sub("", text)))


def clean_speaker(name: str | None) -> str:
    """Trim a speaker label; keep its case and punctuation ("Last, First" stays as it is)."""
    name = clean(name or "")
    return name or UNKNOWN_SPEAKER


def split_prefix(text: str) -> tuple[str | None, str]:
    """Split "Name: text" into (name, text); (None, text) when the start is not name-like."""
    m = _PREFIX.match(text)
    if not m:
        return None, text
    name, rest = m.group("name").strip(), m.group("text")
    if not name or len(name.split()) > 6 or name.lower() in _NOT_NAMES:
        return None, text
    if name[-1].isdigit() and rest[:1].isdigit():
        return None, text  # "at 8: 00" is a time with a stray space, not a speaker
    return name, rest


def parse_clock(value: str) -> float | None:
    """'M:SS', 'MM:SS' or 'H:MM:SS' to seconds; None when it is not such a time."""
    m = _TIME.match(value.strip())
    if not m or int(m.group("s")) > 59 or (m.group("h") is not None and int(m.group("m")) > 59):
        return None
    return float(int(m.group("h") or 0) * 3600 + int(m.group("m")) * 60 + int(m.group("s")))


def merge_turns(utterances: Iterable[Utterance]) -> list[Utterance]:
    """Clean texts, drop empty ones, and merge consecutive utterances of one speaker.

    A merged turn keeps the first start and the last end; texts are joined with one space.
    """
    runs: list[tuple[str, list[str], float | None, float | None]] = []
    for u in utterances:
        text = clean(u.text)
        if not text:
            continue
        speaker = clean_speaker(u.speaker)
        if runs and runs[-1][0] == speaker:
            _, texts, start, end = runs[-1]
            texts.append(text)
            if u.end is not None:
                end = u.end if end is None else max(end, u.end)
            runs[-1] = (speaker, texts, start if start is not None else u.start, end)
        else:
            runs.append((speaker, [text], u.start, u.end))
    return [Utterance(speaker, " ".join(texts), start, end) for speaker, texts, start, end in runs]


def finish(utterances: Iterable[Utterance], name: str) -> list[Utterance]:
    """merge_turns, raising InputError when nothing is left."""
    merged = merge_turns(utterances)
    if not merged:
        raise InputError(name, "no speech found")
    return merged


def headed_turns(
    text: str,
    header: Callable[[str], tuple[str, float] | None],
    skip: Callable[[str], bool] = lambda _line: False,
) -> list[Utterance]:
    """Turns of a "header line, then the speech" export (Otter, Zoom live transcript).

    Text before the first header belongs to no one ("Unknown speaker", via `finish`).
    """
    utterances: list[Utterance] = []
    speaker, start, lines = "", None, []
    for _, line in numbered_lines(text):
        head = header(line)
        if head is None:
            if not skip(line):
                lines.append(line)
            continue
        utterances.append(Utterance(speaker, html.unescape("\n".join(lines)), start))
        (speaker, start), lines = head, []
    utterances.append(Utterance(speaker, html.unescape("\n".join(lines)), start))
    return utterances
