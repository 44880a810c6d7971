"""What every hand-written labelled set in bench/data must satisfy, whatever its content.

A set is a folder with `script/*.yaml`, the transcripts rendered from them by
tools/build_corpus.py, `gold/*.json` and `manifest.toml`. Each set's own test module checks its
counts, balance and hard cases, and calls these for the structure they all share.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOES = {"recruitment", "progression", "training", "engagement"}
PII_TYPES = {"PERSON", "ORG", "PLACE", "EMAIL", "PHONE", "ID", "POSTCODE"}
ORIGINS = {
    "anglo",
    "south_asian",
    "east_asian",
    "west_african",
    "east_african",
    "arabic",
    "east_european",
    "caribbean",
    "irish",
    "chinese",
    "latin",
    "other",
}


def load_golds(root: Path) -> list[dict]:
    """The gold files of a set, in label order (empty if there are none)."""
    paths = sorted(root.glob("gold/*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def check_every_script_has_rendered_file_and_gold(root: Path, golds: list[dict]) -> None:
    scripts = sorted(p.stem for p in (root / "script").glob("*.yaml"))
    assert scripts == [g["label"] for g in golds]
    for g in golds:
        rendered = root / g["file"]
        assert rendered.is_file() and rendered.stat().st_size > 1000, g["file"]
    manifest = (root / "manifest.toml").read_text(encoding="utf-8")
    assert manifest.count("[[source]]") == len(golds)


def check_gold_spans_equal_turn_slices(golds: list[dict]) -> None:
    for g in golds:
        for t in g["turns"]:
            last_end = -1
            for s in t["pii"]:
                assert t["text"][s["start"] : s["end"]] == s["text"], (g["label"], t["i"])
                assert s["start"] >= last_end, (g["label"], t["i"])  # sorted, no overlap
                last_end = s["end"]
                assert s["type"] in PII_TYPES
                if s["type"] == "PERSON":
                    assert s["origin"] in ORIGINS
                else:
                    assert "origin" not in s


def check_no_consecutive_turns_by_one_speaker(golds: list[dict]) -> None:
    for g in golds:
        speakers = [t["speaker"] for t in g["turns"]]
        assert [t["i"] for t in g["turns"]] == list(range(len(speakers)))
        for a, b in zip(speakers, speakers[1:], strict=False):
            assert a != b, g["label"]
        assert set(speakers) <= set(g["speakers"])


def rendered_turns(path: Path, fmt: str) -> list[tuple[str, str]]:
    """(speaker, text) turns read back from a rendered file, merging one speaker's cues."""
    if fmt == "teams-docx":
        import docx

        pieces = []
        for para in docx.Document(str(path)).paragraphs:
            head, *body = para.text.split("\n")
            m = re.fullmatch(r"(.+?)\s{3}\d+:\d\d(?::\d\d)?", head)
            if m and body:
                pieces.append((m.group(1), " ".join(body)))
    else:
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        if fmt == "teams-vtt":
            found = re.findall(r"<v ([^>]+)>(.*?)</v>", raw, flags=re.S)
        elif fmt == "zoom-vtt":
            found = re.findall(r"--> [\d:.]+\n([^:\n]+): (.*?)(?:\n\n|\Z)", raw, flags=re.S)
        elif fmt == "otter-txt":
            found = re.findall(r"^(.+?)  \d+:\d\d(?::\d\d)?  \n(.*?)\n", raw, flags=re.M)
        else:
            found = re.findall(r"^([^:\n]+): (.*)$", raw, flags=re.M)
        pieces = [(s, " ".join(t.split())) for s, t in found]
    merged: list[tuple[str, str]] = []
    for speaker, text in pieces:
        if merged and merged[-1][0] == speaker:
            merged[-1] = (speaker, merged[-1][1] + " " + text)
        else:
            merged.append((speaker, text))
    return merged


def check_rendered_files_align_with_gold_turns(root: Path, golds: list[dict]) -> None:
    for g in golds:
        got = rendered_turns(root / g["file"], g["format"])
        want = [(t["speaker"], t["text"]) for t in g["turns"]]
        assert got == want, g["label"]


def check_scripts_rerender_to_the_committed_files(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "tools/build_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look the module up
    spec.loader.exec_module(module)
    module.build(root / "script", tmp_path)
    for fresh in sorted(tmp_path.rglob("*")):
        if fresh.is_file():
            committed = root / fresh.relative_to(tmp_path)
            assert committed.read_bytes() == fresh.read_bytes(), fresh.name
