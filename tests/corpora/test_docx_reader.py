"""Teams .docx transcripts built with python-docx the way Teams writes them (fixture 11)."""

from __future__ import annotations

import io
import zipfile

import pytest

from research.corpora.load import parse_bytes
from research.corpora.readers import teams_docx
from research.errors import InputError
from tests.corpora.corpora_fixture_files import docx_paragraphs

PREAMBLE = ["Focus group 3-20240313_100000-Meeting Recording", "13 March 2024, 10:00am"]


def test_built_docx_gives_back_the_fixture_paragraphs(make_docx):
    import docx

    _, paragraphs = docx_paragraphs()
    document = docx.Document(io.BytesIO(make_docx(paragraphs)))
    assert [p.text for p in document.paragraphs] == paragraphs


def test_one_paragraph_per_turn_with_line_breaks(make_docx):
    data = make_docx(
        PREAMBLE
        + [
            "Moderator started transcription",
            "Lee, Sam   0:04\nWelcome everyone.\nLet's begin.",
            "Participant 2   1:02:03\nThanks &amp; hello.",
            "Lee, Sam   1:02:10\n",
            "Moderator stopped transcription",
        ]
    )
    t = parse_bytes(data, "group3.docx")
    assert t.format == "teams-docx" and t.title == PREAMBLE[0]
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("Lee, Sam", "Welcome everyone. Let's begin.", 4.0, None),
        ("Participant 2", "Thanks &amp; hello.", 3723.0, None),  # Word text is literal
    ]


def test_speaker_line_and_speech_in_separate_paragraphs(make_docx):
    data = make_docx(
        ["Transcript", *PREAMBLE[1:], "Ann started transcription"]
        + [
            "Ann   0:01",
            "First words.",
            "More words.",
            "Bob   0:09",
            "Reply.",
            "Ann   0:15",
            "End.",
        ]
    )
    t = teams_docx.read(data, "sep.docx")
    assert [(u.speaker, u.text, u.start) for u in t.utterances] == [
        ("Ann", "First words. More words.", 1.0),
        ("Bob", "Reply.", 9.0),
        ("Ann", "End.", 15.0),
    ]
    assert t.title == "Transcript"


def test_leading_line_break_before_speaker(make_docx):
    t = teams_docx.read(make_docx(["Transcript", "\nAnn   0:03\nHi."]), "br.docx")
    assert [(u.speaker, u.text, u.start) for u in t.utterances] == [("Ann", "Hi.", 3.0)]


def test_docx_with_no_turns_has_no_speech(make_docx):
    with pytest.raises(InputError, match="no speech found"):
        parse_bytes(make_docx(PREAMBLE + ["Ann started transcription"]), "none.docx")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 this is not really a zip archive", "not a valid .docx file"),
        (zip_bytes({"notes.txt": b"hello"}), "no word/document.xml"),
        (zip_bytes({"word/document.xml": b"<w:document"}), "not a valid .docx file"),
    ],
)
def test_broken_docx_is_one_input_error(data, reason):
    with pytest.raises(InputError) as info:
        parse_bytes(data, "broken.docx")
    assert reason in info.value.reason and info.value.path == "broken.docx"


def test_docx_named_file_that_is_not_a_zip(tmp_path):
    with pytest.raises(InputError):
        teams_docx.read(b"Ann: hello", "fake.docx")
    path = tmp_path / "fake.docx"
    path.write_bytes(b"\x01\x02\x03\x04\x05garbage\x06\x07\x08\x0e\x0f")
    from research.corpora.load import read_transcript

    with pytest.raises(InputError, match="binary file"):
        read_transcript(path)


def test_truncated_real_docx_is_one_input_error(make_docx):
    data = make_docx(["Ann   0:01\nHi."])
    for cut in (len(data) // 2, len(data) - 30, 200):
        with pytest.raises(InputError, match=r"not a (valid )?\.?(Word )?\.?docx"):
            parse_bytes(data[:cut], "cut.docx")
