"""Session fixtures for the corpora tests: the real transcript exports and a .docx builder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.corpora.corpora_fixture_files import build_docx, load_fixtures


@pytest.fixture(scope="session")
def real_fixtures() -> dict[str, tuple[str, bytes]]:
    return load_fixtures()


@pytest.fixture(scope="session")
def make_docx() -> Callable[[list[str]], bytes]:
    return build_docx
