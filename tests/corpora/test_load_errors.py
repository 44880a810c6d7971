"""Encodings, line endings and every way a file can fail to be a transcript: one InputError each."""

from __future__ import annotations

import codecs

import pytest

from research.corpora.formats import FORMATS
from research.corpora.load import parse_bytes, read_transcript
from research.corpora.sniff import sniff_format
from research.errors import InputError
from tests.corpora.corpora_fixture_files import FIXTURES, strip_header

VTT = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: Café &amp; crème\n\n2\n00:00:03.000 --> 00:00:04.000\nBob: ok\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode(),
        lambda s: codecs.BOM_UTF8 + s.encode(),
        lambda s: s.replace("\n", "\r\n").encode(),
        lambda s: s.replace("\n", "\r").encode(),
        lambda s: codecs.BOM_UTF8 + s.replace("\n", "\r").encode(),
        lambda s: "\ufeff".encode("utf-16-le") + s.encode("utf-16-le"),
        lambda s: "\ufeff".encode("utf-16-be") + s.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "cr-only", "bom-cr", "utf16le-bom", "utf16be-bom"],
)
def test_encodings_and_line_endings_read_the_same(encode):
    t = parse_bytes(encode(VTT), "enc.vtt")
    assert t.format == "zoom-vtt"
    assert [(u.speaker, u.text, u.start) for u in t.utterances] == [
        ("Ann", "Café & crème", 1.0),
        ("Bob", "ok", 3.0),
    ]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("Ann: hello\nBob: café\n".encode("latin-1"), 2),
        ("Ann: hello\r\nBob: fine\r\n\r\nCara: 50€ naïve\r\n".encode("cp1252"), 4),
        ("Ann: hello\rBob: fine\rCara: señor\r".encode("latin-1"), 3),
        ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nJosé: hi\n".encode("cp1252"), 5),
    ],
)
def test_non_utf8_bytes_name_the_line_and_are_not_guessed(data, line):
    with pytest.raises(InputError) as info:
        parse_bytes(data, "legacy.txt")
    assert info.value.line == line
    assert info.value.reason == f"not UTF-8 text (line {line})"
    assert str(info.value) == f"legacy.txt:{line}: not UTF-8 text (line {line})"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \r\n\n\t ", "empty file"),
        (codecs.BOM_UTF8 + b"\n\n", "empty file"),
        (b"Ann: hi\x00\x00there", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (bytes(range(128, 256)) * 8, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Just some prose without speakers.\nAnother line.\n", "unknown transcript format"),
        (b"WEBVTT\n\nNOTE nothing here\n", "no speech found"),
        (b"Ann:\nBob:   \n", "no speech found"),
    ],
)
def test_bad_input_is_one_input_error(data, reason):
    with pytest.raises(InputError) as info:
        parse_bytes(data, "bad.txt")
    assert reason in info.value.reason
    assert info.value.path == "bad.txt"


def test_unknown_format_message_says_what_was_expected():
    with pytest.raises(InputError) as info:
        sniff_format(b"Dear diary, secret words\n", "diary.txt")
    assert info.value.reason.startswith("unknown transcript format (expected ")
    assert "WebVTT" in info.value.reason and "secret" not in str(info.value)


def test_fixture_12_comments_are_not_a_transcript():
    data = strip_header(
        (FIXTURES / "12_teams_docx_structure_comments_Teams2NVivo.txt").read_bytes()
    )
    with pytest.raises(InputError, match="unknown transcript format"):
        parse_bytes(data, "comments.txt")


def test_missing_file_directory_and_unreadable(tmp_path):
    with pytest.raises(InputError, match="file not found") as info:
        read_transcript(tmp_path / "nope.vtt")
    assert info.value.path == str(tmp_path / "nope.vtt")
    with pytest.raises(InputError, match="directory"):
        read_transcript(tmp_path)
    empty = tmp_path / "empty.vtt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read_transcript(str(empty))


def test_content_decides_over_extension(tmp_path):
    path = tmp_path / "really-plain.vtt"
    path.write_text("Ann: hello\nBob: hi\n")
    assert read_transcript(path).format == "plain-txt"
    path = tmp_path / "really-vtt.txt"
    path.write_text(VTT)
    assert read_transcript(path).format == "zoom-vtt"


def test_sniff_accepts_text_and_every_result_is_a_known_format():
    samples = {
        VTT: "zoom-vtt",
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>hi</v>\n": "teams-vtt",
        "1\n00:00:01,000 --> 00:00:02,000\nhi\n": "srt",
        "Ann  0:01\nhi\n": "otter-txt",
        "[Ann] 00:00:01\nhi\n": "zoom-txt",
        "[Ann] hi\n@Bob: yo\n": "plain-txt",
    }
    for text, expected in samples.items():
        assert sniff_format(text) == expected
        assert sniff_format(text.encode(), "x.txt") == expected in FORMATS
    assert sniff_format(b"PK\x03\x04...") == "teams-docx"


def test_error_messages_never_quote_content():
    secret = "Zanzibar Quixote"
    bad = [
        f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\n{secret}: hi\n".encode(),
        f"{secret} wrote this prose\n".encode(),
        f"{secret}: é".encode("latin-1"),
        f"WEBVTT\n\n{secret}\n".encode(),
    ]
    for data in bad:
        with pytest.raises(InputError) as info:
            parse_bytes(data, "f.vtt")
        assert "Zanzibar" not in str(info.value) and "Quixote" not in str(info.value)
