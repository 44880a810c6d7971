"""The readers on real exports from public repositories (see /work/shared/fixtures/README.md)."""

from __future__ import annotations

import pytest

from research.corpora.formats import FORMATS
from research.corpora.load import parse_bytes, read_transcript
from research.corpora.sniff import sniff_format


def parse(real_fixtures, key):
    name, data = real_fixtures[key]
    return parse_bytes(data, name)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("teams_vtt", "teams-vtt"),
        ("teams_vtt_no_voice", "teams-vtt"),
        ("zoom_vtt", "zoom-vtt"),
        ("otter_txt", "otter-txt"),
        ("teams_docx", "teams-docx"),
        ("zoom_txt", "zoom-txt"),
    ],
)
def test_each_fixture_is_sniffed_and_read_as_its_format(real_fixtures, key, expected):
    name, data = real_fixtures[key]
    assert sniff_format(data, name) == expected
    assert sniff_format(data) == expected  # content alone decides, no extension needed
    transcript = parse_bytes(data, "renamed.bin")
    assert transcript.format == expected in FORMATS
    assert all(
        u.text and u.text == u.text.strip() and "  " not in u.text for u in transcript.utterances
    )


def test_teams_vtt_orders_by_first_part_and_keeps_utterance_187_whole(real_fixtures):
    t = parse(real_fixtures, "teams_vtt")
    assert [u.speaker for u in t.utterances] == [
        "Charles", "Janaki", "Charles", "Janaki", "Charles", "Janaki", "Charles",
    ]  # fmt: skip
    assert t.speakers == ["Charles", "Janaki"]
    first = t.utterances[0]
    assert (first.start, first.end) == (6.62, 306.91)  # cues 9-0 and 71-0 merged
    assert first.text == "I'm 10123. Hi I'm heading off. OK. Lovely. See you later."
    janaki = t.utterances[5]
    # 123-0 ("OK.", 442.67) then all three parts of 187, unbroken by Charles's 139-0 at 449.27
    assert janaki.text == (
        "OK. OJ, OJ well it well, it's overcast now and it has been raining, but about "
        "8:00 o'clock this morning it was brilliantly sunny and I've got a spot set up "
        "that gets the morning sun. So I"
    )
    assert (janaki.start, janaki.end) == (442.67, 458.526)
    assert t.utterances[6].text == "What about you? Your."
    assert t.utterances[6].start == 449.27
    assert t.utterances[3].text.endswith("Sunny Lake districts, Sunny Lancashire or?")
    starts = [u.start for u in t.utterances]
    assert starts == sorted(starts)


def test_teams_vtt_without_voice_tags_is_one_unknown_speaker_turn(real_fixtures):
    t = parse(real_fixtures, "teams_vtt_no_voice")
    assert [u.speaker for u in t.utterances] == ["Unknown speaker"]
    u = t.utterances[0]
    assert (u.start, u.end) == (3.138, 11.403)
    assert u.text.startswith(
        "And more. I think that automatically starts transcription. Yes, it does."
    )


def test_zoom_vtt_prefixes_and_cues_without_a_speaker(real_fixtures):
    t = parse(real_fixtures, "zoom_vtt")
    assert [u.speaker for u in t.utterances] == [
        "Andrew Knight", "Paul McCartney", "Andrew Knight", "Unknown speaker",
        "Andrew Knight", "Paul McCartney", "Andrew Knight", "Unknown speaker",
    ]  # fmt: skip
    first = t.utterances[0]  # cues 1-4, the URL cue included, merged
    assert first.text.startswith("Taken from https://github.com/andrewpknight/zoomGroupStats .")
    assert first.text.endswith("Gonna make her a host to")
    assert (first.start, first.end) == (4.859, 21.24)
    assert (t.utterances[3].text, t.utterances[3].start) == ("And that", 150.06)  # cue 34
    assert (t.utterances[7].text, t.utterances[7].end) == ("Yes. Okay.", 169.32)  # cue 38


def test_otter_txt_keeps_unknown_speaker_and_drops_footer(real_fixtures):
    t = parse(real_fixtures, "otter_txt")
    assert [u.speaker for u in t.utterances] == ["Emma", "Kelly", "Unknown Speaker", "Sidney"]
    assert [u.start for u in t.utterances] == [0.0, 34.0, 35.0, 55 * 60 + 21.0]
    assert all(u.end is None for u in t.utterances)
    assert t.utterances[2].text == "I'm Kelly. I'm Allie."
    assert t.utterances[-1].text.endswith("All right, I'm done. See you guys.")
    assert "otter.ai" not in " ".join(u.text for u in t.utterances)


def test_teams_docx_skips_title_date_and_transcription_notices(real_fixtures):
    t = parse(real_fixtures, "teams_docx")
    assert t.title == "Meeting with Martin Storey-20260815_200732-Meeting Recording"
    assert len(t.utterances) == 1
    u = t.utterances[0]
    assert (u.speaker, u.start, u.end) == ("Martin Storey", 4.0, None)
    assert u.text.startswith("And it says recording and transcription started by you,")
    assert "products.\nPlease" not in u.text and "Search. Okay." in u.text
    assert u.text.endswith("Search. Okay.")


def test_zoom_live_txt_merges_consecutive_entries(real_fixtures):
    t = parse(real_fixtures, "zoom_txt")
    assert [(u.speaker, u.start) for u in t.utterances] == [("Alice", 36000.0), ("Bob", 36020.0)]
    assert t.utterances[0].text == (
        "Zoom transcripts may have multiple consecutive timestamped entries for a single "
        "speaker. This utility combines them together under a single timestamp."
    )


def test_read_transcript_reads_fixture_files_from_disk(real_fixtures, tmp_path):
    for key, (name, data) in real_fixtures.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert read_transcript(path).to_dict() == parse_bytes(data, name).to_dict(), key
