"""research.toml: defaults written by init, and clear errors that name the file."""

from __future__ import annotations

import pytest

from research.errors import ConfigError
from research.project import Settings, init_project


def test_new_project_settings_have_automatic_processes(tmp_path):
    project = init_project(tmp_path / "p")
    s = Settings.load(project.root / "research.toml")
    assert s.processes == 0 and s.review_below == 0.6
    project.close()


@pytest.mark.parametrize("value", ["-1", '"two"', "true"])
def test_bad_processes_is_a_clear_error(tmp_path, value):
    path = tmp_path / "research.toml"
    path.write_text(f"[anonymise]\nprocesses = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="research.toml.*anonymise.processes"):
        Settings.load(path)


def test_processes_setting_is_read(tmp_path):
    path = tmp_path / "research.toml"
    path.write_text("[anonymise]\nprocesses = 1\n", encoding="utf-8")
    assert Settings.load(path).processes == 1
