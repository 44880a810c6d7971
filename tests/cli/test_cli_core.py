"""init / import / inspect / status from the command line, and bad input changing nothing."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DEMO_DIR

VTT = DEMO_DIR / "fg01_sandwell_race_network.vtt"


def _sources(root):
    from research.store import connect

    conn = connect(root / "project.db")
    rows = conn.execute("SELECT label, attrs, kind FROM sources ORDER BY id").fetchall()
    conn.close()
    return [(r[0], json.loads(r[1]), r[2]) for r in rows]


def test_init_creates_settings_codebook_and_db(run_cli, tmp_path):
    code, out, _ = run_cli("init", tmp_path / "p")
    assert code == 0 and "created project" in out
    for name in ("research.toml", "codebook.yaml", "project.db"):
        assert (tmp_path / "p" / name).is_file()
    code, _, err = run_cli("init", tmp_path / "p")
    assert code != 0 and "already a research project" in err


def test_inspect_prints_format_and_json(run_cli):
    code, out, _ = run_cli("inspect", VTT)
    assert code == 0 and "format:   teams-vtt" in out
    code, out, _ = run_cli("inspect", VTT, "--json")
    data = json.loads(out)
    assert data["format"] == "teams-vtt"
    assert set(data["utterances"][0]) == {"speaker", "start", "end", "text"}


def test_import_with_attributes_and_status(run_cli, tmp_path, passphrase):
    run_cli("init", tmp_path / "p")
    code, out, err = run_cli(
        "import",
        VTT,
        "--name",
        "FG01",
        "--attr",
        "authority=district",
        "--attr",
        "group=under-30s",
        "--kind",
        "focus group",
        "--project",
        tmp_path / "p",
    )
    assert code == 0, err
    assert "imported FG01: teams-vtt" in out
    assert _sources(tmp_path / "p") == [
        ("FG01", {"authority": "district", "group": "under-30s"}, "focus group")
    ]
    code, out, _ = run_cli("status", "--json", "--project", tmp_path / "p")
    data = json.loads(out)
    assert data["sources"][0]["label"] == "FG01" and data["sources"][0]["anonymised"] is False
    assert data["signoff"]["valid"] is False
    code, out, _ = run_cli("status", cwd=tmp_path / "p")
    assert code == 0 and "FG01" in out and "NOT SIGNED OFF" in out


def test_importing_the_same_file_twice_is_refused(run_cli, tmp_path, passphrase):
    run_cli("init", tmp_path / "p")
    assert run_cli("import", VTT, "--project", tmp_path / "p")[0] == 0
    code, _, err = run_cli("import", VTT, "--name", "again", "--project", tmp_path / "p")
    assert code != 0 and "already imported" in err
    assert len(_sources(tmp_path / "p")) == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.vtt", None, "not found"),
        ("empty.vtt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\xff" * 50, "binary"),
        (
            "unknown.txt",
            b"just some prose without speakers\nmore prose here\n",
            "unknown transcript format",
        ),
        ("latin1.txt", "Ann: hello\nBob: caf\u00e9 ok\n".encode("latin-1"), "line 2"),
        ("bad.vtt", b"WEBVTT\n\n1\n00:00:01.000 --> nonsense\nAnn: hi\n", "bad.vtt:4"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    run_cli, tmp_path, passphrase, name, content, message
):
    run_cli("init", tmp_path / "p")
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_cli("import", VTT, path, "--project", tmp_path / "p")
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and message in lines[0].lower(), err
    assert "Traceback" not in err
    assert _sources(tmp_path / "p") == []  # the good file before it was not imported either
    assert not (tmp_path / "p" / "vault.db").exists()


def test_error_messages_do_not_quote_transcript_content(run_cli, tmp_path):
    path = tmp_path / "bad.vtt"
    path.write_bytes(
        b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Priya Sharma>hi\n\nPriya Sharma said\n"
    )
    code, _, err = run_cli("inspect", path)
    assert code != 0 and "Priya" not in err


def test_not_a_project_is_a_clear_error(run_cli, tmp_path):
    code, _, err = run_cli("status", "--project", tmp_path)
    assert code != 0 and "not a research project" in err


def test_wrong_passphrase_is_a_clear_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("RESEARCH_PASSPHRASE", "right one")
    run_cli("init", tmp_path / "p")
    run_cli("import", VTT, "--project", tmp_path / "p")
    monkeypatch.setenv("RESEARCH_PASSPHRASE", "wrong one")
    code, _, err = run_cli("anonymise", "--project", tmp_path / "p")
    assert code != 0 and "wrong passphrase" in err


def test_a_file_named_after_a_speaker_needs_a_label(run_cli, tmp_path, passphrase):
    run_cli("init", tmp_path / "p")
    path = tmp_path / "Interview with Priya Sharma.txt"
    path.write_text("Priya Sharma: Hello.\nAnn Lee: Hi, how are you?\n", encoding="utf-8")
    code, _, err = run_cli("import", path, "--project", tmp_path / "p")
    assert code != 0 and "--name" in err
    assert _sources(tmp_path / "p") == []
    code, _, err = run_cli("import", path, "--name", "INT9", "--project", tmp_path / "p")
    assert code == 0, err
