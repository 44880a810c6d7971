"""The bundled demo corpus: rendered files match the scripts, gold is consistent, PII is dense."""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "research" / "corpora" / "demo"
SCRIPTS = DEMO / "script"
LOES = {"recruitment", "progression", "training", "engagement"}


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_corpus", ROOT / "tools" / "build_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_corpus"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


build_corpus = _load_builder()


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((DEMO / "gold").glob("*.json"))
    ]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_corpus.build(SCRIPTS, out)
    return out


def _docx_paragraphs(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_every_script_has_rendered_file_and_gold(golds):
    labels = sorted(p.stem for p in SCRIPTS.glob("*.yaml"))
    assert labels == sorted(g["label"] for g in golds)
    for g in golds:
        assert (DEMO / g["file"]).is_file()
        assert (DEMO / g["file"]).stat().st_size > 1000


def test_manifest_lists_sessions_in_label_order(golds):
    manifest = tomllib.loads((DEMO / "manifest.toml").read_text(encoding="utf-8"))
    sources = manifest["source"]
    assert [s["label"] for s in sources] == sorted(g["label"] for g in golds)
    by_label = {g["label"]: g for g in golds}
    for s in sources:
        g = by_label[s["label"]]
        assert (s["file"], s["kind"], s["facilitator"], s["attrs"]) == (
            g["file"],
            g["kind"],
            g["facilitator"],
            g["attrs"],
        )


def test_rebuild_is_byte_identical(golds, rebuilt):
    assert (rebuilt / "manifest.toml").read_bytes() == (DEMO / "manifest.toml").read_bytes()
    for g in golds:
        name = f"gold/{g['label']}.json"
        assert (rebuilt / name).read_bytes() == (DEMO / name).read_bytes(), name
        if g["format"] == "teams-docx":
            assert _docx_paragraphs(rebuilt / g["file"]) == _docx_paragraphs(DEMO / g["file"])
        else:
            assert (rebuilt / g["file"]).read_bytes() == (DEMO / g["file"]).read_bytes(), g["file"]


def test_pii_spans_match_turn_text(golds):
    for g in golds:
        for t in g["turns"]:
            last_end = 0
            for p in t["pii"]:
                assert t["text"][p["start"] : p["end"]] == p["text"], (g["label"], t["i"])
                assert p["start"] >= last_end, "spans overlap or are out of order"
                last_end = p["end"]
                assert p["type"] in build_corpus.PII_TYPES
                if p["type"] == "PERSON":
                    assert p["origin"] in build_corpus.ORIGINS
                else:
                    assert "origin" not in p
            assert "[[" not in t["text"] and "]]" not in t["text"]


def test_corpus_size_and_mix(golds):
    kinds = [g["kind"] for g in golds]
    assert kinds.count("focus group") >= 6
    assert kinds.count("interview") >= 2
    formats = {g["format"] for g in golds}
    assert len(formats) >= 4
    assert formats == set(build_corpus.FORMATS)
    for g in golds:
        n = len(g["turns"])
        if g["kind"] == "focus group":
            assert 35 <= n <= 60, (g["label"], n)
            participants = [s for s, v in g["speakers"].items() if v["role"] == "participant"]
            assert 4 <= len(participants) <= 7
        else:
            assert 25 <= n <= 40, (g["label"], n)


def test_pii_density_and_name_diversity(golds):
    spans = [p for g in golds for t in g["turns"] for p in t["pii"]]
    assert len(spans) >= 250
    origins: dict[str, set[str]] = defaultdict(set)
    for p in spans:
        if p["type"] == "PERSON":
            origins[p["text"].lower()].add(p["origin"])
    assert len(origins) >= 60
    non_anglo = [s for s, o in origins.items() if "anglo" not in o]
    assert len(non_anglo) / len(origins) >= 0.5
    assert {p["type"] for p in spans} == set(build_corpus.PII_TYPES)


def test_same_surface_same_type(golds):
    types: dict[str, set[str]] = defaultdict(set)
    for g in golds:
        for t in g["turns"]:
            for p in t["pii"]:
                types[p["text"]].add(p["type"])
    assert {s: ts for s, ts in types.items() if len(ts) > 1} == {}


def test_public_references_are_not_marked(golds):
    public = ["George Floyd", "Black Lives Matter", "BLM", "Equality Act 2010", "Microsoft Teams"]
    marked = {p["text"] for g in golds for t in g["turns"] for p in t["pii"]}
    text = " ".join(t["text"] for g in golds for t in g["turns"])
    for ref in public:
        assert ref in text
        assert ref not in marked


def test_loe_and_theme_labels(golds):
    themes_by_loe: dict[str, set[str]] = defaultdict(set)
    for g in golds:
        for t in g["turns"]:
            assert set(t["loe"]) <= LOES
            if t["theme"] is not None:
                loe = t["theme"].split("/")[0]
                assert loe in t["loe"]
                themes_by_loe[loe].add(t["theme"])
    assert set(themes_by_loe) == LOES
    for themes in themes_by_loe.values():
        assert 3 <= len(themes) <= 5


def test_no_consecutive_turns_by_one_speaker(golds):
    for g in golds:
        speakers = [t["speaker"] for t in g["turns"]]
        assert all(a != b for a, b in zip(speakers, speakers[1:], strict=False)), g["label"]
        assert set(speakers) <= set(g["speakers"])
        assert [t["i"] for t in g["turns"]] == list(range(len(g["turns"])))


def test_generator_rejects_consecutive_speaker(tmp_path):
    script = tmp_path / "bad.yaml"
    script.write_text(
        "label: X\nkind: interview\nformat: plain-txt\nfile: x.txt\ndate: 2020-11-01\n"
        "facilitator: A\nspeakers:\n  A: {role: facilitator, origin: anglo}\n"
        "  B: {role: participant, origin: irish}\n"
        "turns:\n  - {speaker: A, text: Hello}\n  - {speaker: A, text: Again}\n",
        encoding="utf-8",
    )
    with pytest.raises(build_corpus.ScriptError, match="same speaker"):
        build_corpus.build(tmp_path, tmp_path / "out")
