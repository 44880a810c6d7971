"""Otter, Zoom live-transcript, plain 'Name: text' and SubRip readers on synthetic files."""

from __future__ import annotations

import pytest

from research.corpora.load import parse_bytes
from research.corpora.readers import otter_txt, plain_txt, srt, zoom_txt
from research.errors import InputError


def turns(t):
    return [(u.speaker, u.text, u.start, u.end) for u in t.utterances]


def test_otter_multi_paragraph_turns_hour_times_and_footer():
    data = (
        "Ann Lee  0:00  \nFirst paragraph.\nSecond   paragraph.\n\n"
        "Unknown Speaker  1:02:03\nWho's there?\n\nAnn Lee  1:02:10  \nMe.\n\n"
        "Transcribed by https://otter.ai\n"
    )
    t = parse_bytes(data.encode(), "x.txt")
    assert t.format == "otter-txt"
    assert turns(t) == [
        ("Ann Lee", "First paragraph. Second paragraph.", 0.0, None),
        ("Unknown Speaker", "Who's there?", 3723.0, None),
        ("Ann Lee", "Me.", 3730.0, None),
    ]


def test_otter_consecutive_headers_of_one_speaker_merge():
    t = otter_txt.read("Ann  0:01\nOne.\n\nAnn  0:05\nTwo &amp; three.\n", "o.txt")
    assert turns(t) == [("Ann", "One. Two & three.", 1.0, None)]


def test_zoom_live_txt_headers():
    data = "[Ann Lee] 00:00:05\nHello\nthere\n\n[Bob] 00:01:00\nHi\n[Ann Lee] 01:00:00\nBye\n"
    t = parse_bytes(data.encode(), "live.txt")
    assert t.format == "zoom-txt"
    assert turns(t) == [
        ("Ann Lee", "Hello there", 5.0, None),
        ("Bob", "Hi", 60.0, None),
        ("Ann Lee", "Bye", 3600.0, None),
    ]
    assert zoom_txt.read(data, "live.txt").to_dict() == t.to_dict()


def test_plain_text_prefix_styles_and_continuation_lines():
    data = (
        "Ann: Hello &amp; welcome.\nthis line continues Ann\n\n[Bob] Thanks.\n"
        "@Cara: I'm here at 8:00.\nDoe, John:   yes\nDoe, John: and more\n"
    )
    t = parse_bytes(data.encode(), "chat.txt")
    assert t.format == "plain-txt"
    assert turns(t) == [
        ("Ann", "Hello & welcome. this line continues Ann", None, None),
        ("Bob", "Thanks.", None, None),
        ("Cara", "I'm here at 8:00.", None, None),
        ("Doe, John", "yes and more", None, None),
    ]


def test_plain_text_before_any_speaker_is_unknown():
    t = plain_txt.read("A preamble line\nAnn: hi\n", "p.txt")
    assert [u.speaker for u in t.utterances] == ["Unknown speaker", "Ann"]


def test_plain_prose_without_speakers_is_unknown_format():
    data = b"Dear diary,\nToday it rained.\nThe end, 8:00.\nhttps://example.org\nMore prose.\n"
    with pytest.raises(InputError, match="unknown transcript format") as info:
        parse_bytes(data, "diary.txt")
    assert "diary" not in info.value.reason and "rained" not in str(info.value)


def test_srt_numbered_cues_prefix_tags_and_dot_or_comma():
    data = (
        "1\r\n00:00:01,000 --> 00:00:02,500\r\nAnn: <i>Hello</i>\r\nworld\r\n\r\n"
        "2\r\n00:00:03.000 --> 00:00:04,000\r\n{\\an8}No speaker here\r\n\r\n"
        "3\r\n00:00:05,000 --> 00:00:06,000\r\nAnn: bye\r\n"
    )
    t = parse_bytes(data.encode(), "subs.srt")
    assert t.format == "srt"
    assert turns(t) == [
        ("Ann", "Hello world", 1.0, 2.5),
        ("Unknown speaker", "No speaker here", 3.0, 4.0),
        ("Ann", "bye", 5.0, 6.0),
    ]


def test_srt_malformed_timing_names_the_line():
    data = (
        "1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n\n2\n00:00:03,000 --> 00:0x:04,000\nBob: yo\n"
    )
    with pytest.raises(InputError) as info:
        srt.read(data, "bad.srt")
    assert info.value.line == 6 and info.value.path == "bad.srt"
    assert str(info.value).startswith("bad.srt:6: malformed cue timing")


def test_headerless_vtt_is_read_as_vtt_when_named_vtt():
    data = b"1\n00:00:01.000 --> 00:00:02.000\nAnn: hi\n"
    assert parse_bytes(data, "noheader.vtt").format == "zoom-vtt"
    assert parse_bytes(data, "noheader.srt").format == "srt"
