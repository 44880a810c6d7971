"""REFI-QDA project export (.qdpx): codebook, anonymised sources, codings, participants as cases.

A .qdpx is a zip holding `project.qde` (QDA-XML 1.0, validated in the tests against the REFI
schema) and the plain-text sources under lower-case `sources/`. Each source is the anonymised
transcript, one turn per line ("P03: ..."); codings are PlainTextSelections whose start and end
positions count Unicode code points. Lines of enquiry are codes with their child codes and the
themes as children ("Theme: ..."). GUIDs are UUID5s of stable ids, so exports are repeatable.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from research.export.common import clock
from research.project import Project, now

NS = "urn:QDA-XML:project:1.0"
THEMES_USER = "research (themes)"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


class _Guids:
    def __init__(self, seed: str):
        self.ns = uuid.uuid5(uuid.NAMESPACE_URL, f"research-project:{seed}")

    def __call__(self, *key: object) -> str:
        return str(uuid.uuid5(self.ns, "/".join(map(str, key))))


def _source_texts(db) -> dict[int, tuple[str, dict[int, tuple[int, int]]]]:
    """source id -> (plain text, {segment id: (start, end) in code points})."""
    out: dict[int, tuple[str, dict[int, tuple[int, int]]]] = {}
    rows = db.execute(
        "SELECT s.id, s.source_id, s.utt_idx, s.text, s.start, sp.pseudonym FROM segments s"
        " LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.source_id, s.utt_idx, s.seg_no"
    ).fetchall()
    parts: dict[int, list[str]] = {}
    spans: dict[int, dict[int, tuple[int, int]]] = {}
    pos: dict[int, int] = {}
    last: dict[int, int] = {}
    for r in rows:
        sid = r["source_id"]
        buf = parts.setdefault(sid, [])
        cursor = pos.get(sid, 0)
        if last.get(sid) != r["utt_idx"]:
            prefix = ("\n" if buf else "") + (
                f"[{clock(r['start'])}] " if r["start"] is not None else ""
            )
            prefix += f"{r['pseudonym'] or 'unknown'}: "
        else:
            prefix = " "
        buf.append(prefix)
        cursor += len(prefix)
        spans.setdefault(sid, {})[r["id"]] = (cursor, cursor + len(r["text"]))
        buf.append(r["text"])
        cursor += len(r["text"])
        pos[sid], last[sid] = cursor, r["utt_idx"]
    for sid, buf in parts.items():
        out[sid] = ("".join(buf) + "\n", spans[sid])
    return out


def _codings(db, threshold: float = 0.5) -> list[tuple[int, str, str]]:
    """(segment id, code id, coder) for decided codings: human, or accepted suggestions."""
    rows = db.execute(
        "SELECT segment_id, code_id, coder FROM codings WHERE status <> 'rejected'"
        " AND (method <> 'auto' OR status = 'accepted') ORDER BY segment_id, code_id, coder"
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def export_refi(project: Project, out: str | Path) -> Path:
    """Write a .qdpx of the anonymised project to `out`; return the path."""
    from research.export.common import header_lines
    from research.themes.store import active_themes

    db = project.db
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    created = db.execute("SELECT value FROM project_meta WHERE key = 'created'").fetchone()
    guid = _Guids(f"{project.settings.name}/{created[0] if created else ''}")
    stamp = now().replace("+00:00", "Z")
    ET.register_namespace("", NS)
    root = ET.Element(_q("Project"), {"name": project.settings.name, "origin": "research",
                                      "creationDateTime": stamp})  # fmt: skip
    codings = _codings(db)
    coders = sorted({c for _, _, c in codings} | {THEMES_USER})
    users = ET.SubElement(root, _q("Users"))
    for c in coders:
        ET.SubElement(users, _q("User"), {"guid": guid("user", c), "name": c, "id": c})

    codes = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
    code_rows = db.execute("SELECT * FROM codes ORDER BY sort, id").fetchall()
    elements: dict[str, ET.Element] = {}
    pending = list(code_rows)
    while pending:  # parents before children
        rest = []
        for r in pending:
            parent = codes if r["parent_id"] is None else elements.get(r["parent_id"])
            if parent is None and r["parent_id"] not in {x["id"] for x in code_rows}:
                parent = codes
            if parent is None:
                rest.append(r)
                continue
            attrs = {"guid": guid("code", r["id"]), "name": r["name"], "isCodable": "true"}
            if r["colour"]:
                attrs["color"] = r["colour"]
            el = ET.SubElement(parent, _q("Code"), attrs)
            if r["description"]:
                ET.SubElement(el, _q("Description")).text = r["description"]
            elements[r["id"]] = el
        if len(rest) == len(pending):
            break
        pending = rest
    themes = active_themes(db)
    for t in themes:
        parent = elements.get(t["loe"], codes)
        el = ET.SubElement(parent, _q("Code"), {"guid": guid("theme", t["id"]),
                                                "name": f"Theme: {t['label']}", "isCodable": "true"})  # fmt: skip
        ET.SubElement(el, _q("Description")).text = "Keywords: " + ", ".join(
            json.loads(t["keywords"])
        )

    sources = {r["id"]: r for r in db.execute("SELECT * FROM sources ORDER BY id")}
    keys = sorted({k for r in sources.values() for k in json.loads(r["attrs"] or "{}")})
    if keys:
        variables = ET.SubElement(root, _q("Variables"))
        for k in keys:
            ET.SubElement(variables, _q("Variable"), {"guid": guid("variable", k), "name": k,
                                                      "typeOfVariable": "Text"})  # fmt: skip
    speakers = db.execute(
        "SELECT sp.id, sp.pseudonym, MIN(s.source_id) AS first_source,"
        " GROUP_CONCAT(DISTINCT s.source_id) AS srcs FROM speakers sp"
        " JOIN segments s ON s.speaker_id = sp.id WHERE sp.role = 'participant'"
        " GROUP BY sp.id ORDER BY sp.pseudonym"
    ).fetchall()
    if speakers:
        cases = ET.SubElement(root, _q("Cases"))
        for sp in speakers:
            case = ET.SubElement(
                cases, _q("Case"), {"guid": guid("case", sp["id"]), "name": sp["pseudonym"]}
            )
            attrs = json.loads(sources[sp["first_source"]]["attrs"] or "{}")
            for k in keys:
                if k in attrs:
                    _variable_value(case, guid("variable", k), str(attrs[k]))
            for sid in sorted(int(x) for x in str(sp["srcs"]).split(",")):
                ET.SubElement(case, _q("SourceRef"), {"targetGUID": guid("source", sid)})

    texts = _source_texts(db)
    by_segment: dict[int, list[tuple[str, str]]] = {}
    for seg, code, coder in codings:
        by_segment.setdefault(seg, []).append((guid("code", code), guid("user", coder)))
    for r in db.execute("SELECT segment_id, theme_id FROM theme_members ORDER BY segment_id, loe"):
        if any(t["id"] == r["theme_id"] for t in themes):
            by_segment.setdefault(r[0], []).append((guid("theme", r[1]), guid("user", THEMES_USER)))
    src_el = ET.SubElement(root, _q("Sources"))
    files: dict[str, str] = {}
    for sid, s in sources.items():
        if sid not in texts:
            continue
        text, spans = texts[sid]
        sg = guid("source", sid)
        files[f"sources/{sg}.txt"] = text
        ts = ET.SubElement(src_el, _q("TextSource"), {"guid": sg, "name": s["label"],
                                                      "plainTextPath": f"internal://{sg}.txt"})  # fmt: skip
        ET.SubElement(ts, _q("Description")).text = f"{s['kind'] or 'source'}, anonymised"
        for seg, (start, end) in sorted(spans.items(), key=lambda kv: kv[1]):
            if seg not in by_segment:
                continue
            sel = ET.SubElement(ts, _q("PlainTextSelection"), {
                "guid": guid("selection", seg), "name": f"segment {seg}",
                "startPosition": str(start), "endPosition": str(end)})  # fmt: skip
            for code_guid, user_guid in by_segment[seg]:
                coding = ET.SubElement(sel, _q("Coding"), {
                    "guid": guid("coding", seg, code_guid), "creatingUser": user_guid})  # fmt: skip
                ET.SubElement(coding, _q("CodeRef"), {"targetGUID": code_guid})
        attrs = json.loads(s["attrs"] or "{}")
        for k in keys:
            if k in attrs:
                _variable_value(ts, guid("variable", k), str(attrs[k]))
    ET.SubElement(root, _q("Description")).text = "\n".join(
        header_lines(project, "REFI-QDA export")
    )
    xml = ET.tostring(root, encoding="unicode", xml_declaration=False)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?>\n' + xml)
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))
    return out


def _variable_value(parent: ET.Element, variable_guid: str, value: str) -> None:
    vv = ET.SubElement(parent, _q("VariableValue"))
    ET.SubElement(vv, _q("VariableRef"), {"targetGUID": variable_guid})
    ET.SubElement(vv, _q("TextValue")).text = value
