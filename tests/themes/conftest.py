"""Fixtures for theme tests: a fixed project, a fake encoder and the clusterer-only fitter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import themed_project  # noqa: E402


@pytest.fixture
def encoder():
    return themed_project.FakeEncoder()


@pytest.fixture
def themed(project, encoder):
    """The fixed project, themes fitted with the fake fitter and encoder."""
    from research.themes.run import run_themes

    themed_project.build(project)
    run_themes(project, fitter=themed_project.fake_fitter, encoder=encoder)
    return project
