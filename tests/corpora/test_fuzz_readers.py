"""Property: for any bytes, parse_bytes returns speech or raises a deliberate InputError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research.corpora.load import parse_bytes
from research.corpora.model import Transcript
from research.errors import InputError
from tests.corpora.corpora_fixture_files import load_fixtures

FIXTURES = load_fixtures()
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str) -> None:
    try:
        t = parse_bytes(data, name)
    except InputError as exc:
        assert "internal" not in exc.reason, exc.reason  # a reader bug caught by the safety net
        assert exc.path == name
        return
    assert isinstance(t, Transcript)
    assert t.utterances
    for u in t.utterances:
        assert u.text.strip() and u.text == u.text.strip()
        assert u.speaker.strip()
        assert u.start is None or u.start >= 0
        assert u.end is None or u.start is None or u.end >= u.start


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["x.vtt", "x.srt", "x.txt", "x.docx", "x"]))
def test_arbitrary_bytes(data, name):
    check(data, name)


@SETTINGS
@given(
    st.text(max_size=600), st.sampled_from(["WEBVTT\n\n", "1\n", "[A] 00:00:01\n", "", "A  0:01\n"])
)
def test_arbitrary_text_behind_real_format_openings(text, opening):
    check((opening + text).encode("utf-8", "surrogatepass"), "t.txt")


def mutate(data: bytes, ops: list[tuple[str, int, int]]) -> bytes:
    """Apply byte flips, truncation, and line deletions/duplications at drawn positions."""
    for op, a, b in ops:
        if not data:
            break
        i = a % len(data)
        if op == "flip":
            data = data[:i] + bytes([b % 256]) + data[i + 1 :]
        elif op == "truncate":
            data = data[:i]
        else:
            lines = data.splitlines(keepends=True)
            j = a % len(lines)
            if op == "delete_line":
                del lines[j]
            else:
                lines.insert(j, lines[j])
            data = b"".join(lines)
    return data


OPS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "truncate", "delete_line", "duplicate_line"]),
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=0, max_value=255),
    ),
    min_size=1,
    max_size=6,
)


@pytest.mark.parametrize("key", sorted(FIXTURES))
def test_mutated_fixtures(key):
    name, original = FIXTURES[key]

    @SETTINGS
    @given(OPS)
    def run(ops):
        check(mutate(original, ops), name)

    run()
