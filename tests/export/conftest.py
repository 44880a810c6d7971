"""Export tests use the fixed themed project of tests/themes (no vault, project.db only)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "themes"))

import themed_project  # noqa: E402


@pytest.fixture
def themed(project):
    """Themes fitted with the fake fitter; a quote starred; no vault file exists."""
    from research.themes.ops import star_quote
    from research.themes.run import run_themes

    themed_project.build(project)
    run_themes(project, fitter=themed_project.fake_fitter, encoder=themed_project.FakeEncoder())
    star_quote(project.db, 105)
    assert not project.vault_path.exists()
    return project
