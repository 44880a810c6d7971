"""REFI-QDA: validates against the official schema, lower-case sources/, round trip."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from research.export.refi import export_refi
from research.export.refi_read import read_qdpx

XSD = (
    Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "refi-qda" / "Project.xsd"
)
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def test_qdpx_validates_and_has_sources_folder(themed, tmp_path):
    import xmlschema

    path = export_refi(themed, tmp_path / "study.qdpx")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        xmlschema.XMLSchema(str(XSD)).validate(io.BytesIO(z.read("project.qde")))
    assert "project.qde" in names
    sources = [n for n in names if n != "project.qde"]
    assert len(sources) == 4 and all(
        n.startswith("sources/") and n.endswith(".txt") for n in sources
    )
    assert all(GUID.match(n[len("sources/") : -4]) for n in sources)


def test_round_trip_codes_selections_and_cases(themed, tmp_path):
    data = read_qdpx(export_refi(themed, tmp_path / "study.qdpx"))
    names = {c["name"]: c for c in data["codes"].values()}
    rec = next(g for g, c in data["codes"].items() if c["name"] == "Recruitment")
    themes = [n for n, c in names.items() if n.startswith("Theme: ")]
    assert len(themes) == 5
    assert sum(names[t]["parent"] == rec for t in themes) == 3
    assert names["Recruitment.Panels"]["parent"] == rec
    texts = {r[0] for r in themed.db.execute("SELECT text FROM segments")}
    by_label = {s["name"]: s for s in data["sources"]}
    assert set(by_label) == {"FG01", "FG02", "FG03", "FG04"}
    for src in data["sources"]:
        for sel in src["selections"]:
            assert sel["text"] in texts  # offsets land exactly on the segment
    fg2 = [s for s in by_label["FG02"]["selections"] if s["text"].startswith("For me")][0]
    assert "Recruitment.Panels" in fg2["codes"] and any(
        c.startswith("Theme: ") for c in fg2["codes"]
    )
    assert by_label["FG02"]["variables"]["authority"] == "county council"
    cases = {c["name"]: c for c in data["cases"]}
    assert set(cases) == {f"P0{i}" for i in range(1, 9)}  # participants only
    assert cases["P05"]["variables"]["group"] == "under-30s" and cases["P05"]["sources"] == ["FG03"]
    assert "NOT SIGNED OFF" in data["description"]


def test_offsets_count_code_points(project, tmp_path):
    import themed_project

    themed_project.build(project)
    project.db.execute("UPDATE segments SET text = 'Café naïve 😀 ' || text WHERE id = 101")
    project.db.execute("UPDATE segments SET text = '😀😀 ' || text WHERE id = 104")
    data = read_qdpx(export_refi(project, tmp_path / "s.qdpx"))
    fg1 = next(s for s in data["sources"] if s["name"] == "FG01")
    sel = [s["text"] for s in fg1["selections"]]
    assert any(t.startswith("😀😀 Well") for t in sel)
