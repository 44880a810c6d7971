"""WebVTT edge cases: Teams, Zoom and generic files written the way the exporters write them."""

from __future__ import annotations

import pytest

from research.corpora.load import parse_bytes
from research.corpora.readers import teams_vtt, vtt, zoom_vtt
from research.errors import InputError

GUID = "fbbdef90-042d-4d6b-86d5-8c9c38e7021c"


def test_teams_missing_closing_voice_tag_and_last_first_names():
    data = (
        f"WEBVTT\n\n{GUID}/1-0\n00:00:01.000 --> 00:00:02.000\n<v Smith, Jane>Hello there\n\n"
        f"{GUID}/2-0\n00:00:03.000 --> 00:00:04.000\n<v O'Neil, Pat (Guest)>Hi.</v>\n"
    ).encode()
    t = parse_bytes(data, "m.vtt")
    assert t.format == "teams-vtt"
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Smith, Jane", "Hello there"),
        ("O'Neil, Pat (Guest)", "Hi."),
    ]


def test_teams_legacy_unpadded_and_hourless_timestamps():
    data = (
        "WEBVTT\n\n0:0:10.20 --> 0:0:12.5\n<v Ann>one</v>\n\n"
        "00:13.200 --> 01:02.000\n<v Bob>two</v>\n\n1:02:03.004 --> 1:02:04.000\n<v Ann>three</v>\n"
    )
    t = teams_vtt.read(data, "legacy.vtt")
    assert [(u.start, u.end) for u in t.utterances] == [
        (10.2, 12.5),
        (13.2, 62.0),
        (3723.004, 3724.0),
    ]


def test_teams_parts_join_and_interjection_comes_after_the_long_turn():
    data = (
        f"WEBVTT\n\n{GUID}/5-0\n00:00:01.000 --> 00:00:04.000\n<v Ann>I was saying</v>\n\n"
        f"{GUID}/6-0\n00:00:03.000 --> 00:00:03.500\n<v Bob>Right.</v>\n\n"
        f"{GUID}/5-1\n00:00:04.000 --> 00:00:08.000\n<v Ann>that it rained.</v>\n\n"
        f"{GUID}/4-0\n00:00:00.500 --> 00:00:00.900\n<v Bob>Go on.</v>\n"
    )
    t = parse_bytes(data.encode(), "x.vtt")
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("Bob", "Go on.", 0.5, 0.9),
        ("Ann", "I was saying that it rained.", 1.0, 8.0),
        ("Bob", "Right.", 3.0, 3.5),
    ]


def test_teams_equal_starts_keep_file_order():
    data = (
        f"WEBVTT\n\n{GUID}/2-0\n00:00:01.000 --> 00:00:02.000\n<v B>b</v>\n\n"
        f"{GUID}/1-0\n00:00:01.000 --> 00:00:02.000\n<v A>a</v>\n"
    )
    assert [u.speaker for u in teams_vtt.read(data, "x").utterances] == ["B", "A"]


def test_multiline_cue_crlf_bom_entities_and_inline_tags():
    data = (
        "\ufeffWEBVTT\r\n\r\n1-0\r\n00:00:01.000 --> 00:00:02.000 align:start position:10%\r\n"
        "<v.loud Ann><c.yellow>Fish &amp; chips</c>\r\nare <b>&gt;</b> <i>pasta</i><00:00:01.500> &lt;3\r\n"
    ).encode()
    t = parse_bytes(data, "x.vtt")
    assert t.format == "teams-vtt"
    assert [(u.speaker, u.text) for u in t.utterances] == [("Ann", "Fish & chips are > pasta <3")]


def test_note_style_region_blocks_and_header_metadata_are_skipped():
    data = (
        "WEBVTT - exported\nKind: captions\nLanguage: en\n\n"
        "STYLE\n::cue { color: red }\n\nREGION\nid:fred width:40%\n\n"
        "NOTE confidential\nThis note -- is not speech\n\nNOTE\n\n"
        "00:00:01.000 --> 00:00:02.000\nAnn: hello\n\n"
        "00:00:02.000 --> 00:00:03.000\nplain words\n"
    )
    t = vtt.read(data, "generic.vtt")
    assert t.format == "vtt"
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Ann", "hello"),
        ("Unknown speaker", "plain words"),
    ]


def test_sniffed_as_generic_vtt_without_ids_or_voices():
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJust captions\n"
    assert parse_bytes(data, "a.vtt").format == "vtt"


@pytest.mark.parametrize(
    ("payload", "speaker", "text"),
    [
        ("Ann Lee: hi", "Ann Lee", "hi"),
        (
            "Taken from https://example.org/x .",
            "Unknown speaker",
            "Taken from https://example.org/x .",
        ),
        ("https: //example.org", "Unknown speaker", "https: //example.org"),
        ("about 8:00 o'clock", "Unknown speaker", "about 8:00 o'clock"),
        ("At 8: 00 we start", "Unknown speaker", "At 8: 00 we start"),
        ("Doe, John: yes", "Doe, John", "yes"),
        ("Speaker 1: ok", "Speaker 1", "ok"),
        (
            "one two three four five six seven: no",
            "Unknown speaker",
            "one two three four five six seven: no",
        ),
    ],
)
def test_zoom_speaker_prefix_rules(payload, speaker, text):
    data = f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n{payload}\n\n2\n00:00:03.000 --> 00:00:04.000\nZed: end\n"
    t = zoom_vtt.read(data, "z.vtt")
    assert (t.utterances[0].speaker, t.utterances[0].text) == (speaker, text)
    assert parse_bytes(data.encode(), "z.vtt").format == "zoom-vtt"


def test_zoom_merges_consecutive_cues_of_one_speaker():
    data = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: one\n\n"
        "2\n00:00:02.500 --> 00:00:03.000\nAnn:   two  \n\n3\n00:00:04.000 --> 00:00:05.000\nBob: three\n"
    )
    t = zoom_vtt.read(data, "z.vtt")
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("Ann", "one two", 1.0, 3.0),
        ("Bob", "three", 4.0, 5.0),
    ]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nAnn: hi\n", 4),
        (
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: hi\n\n2\n00:00:61.000 --> 00:01:02.000\nx\n",
            8,
        ),
        (
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnn: hi\n\n00:aa:03.000 --> 00:00:04.000\nx\n",
            7,
        ),
        ("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nhi\r\n\r\nstray text block\r\n", 6),
    ],
)
def test_malformed_timing_names_the_line(data, line):
    with pytest.raises(InputError) as info:
        parse_bytes(data.encode(), "bad.vtt")
    assert info.value.line == line
    assert "cue timing" in info.value.reason
    assert "hi" not in str(info.value) and "stray" not in str(info.value)


def test_vtt_with_only_empty_cues_has_no_speech():
    data = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Ann></v>\n\nNOTE x\n"
    with pytest.raises(InputError, match="no speech found"):
        parse_bytes(data, "empty.vtt")
