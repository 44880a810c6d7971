"""Read a .qdpx back: codes, sources with their text and coded selections, cases, users.

Used to check exports round-trip; it reads QDA-XML 1.0 plain-text projects such as ours.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from research.errors import InputError

NS = {"q": "urn:QDA-XML:project:1.0"}


def read_qdpx(path: str | Path) -> dict:
    """{'name', 'users': {guid: name}, 'codes': {guid: {'name', 'parent'}}, 'variables',
    'cases': [{'name', 'variables': {name: value}, 'sources': [name]}],
    'sources': [{'name', 'text', 'selections': [{'start', 'end', 'text', 'codes': [name]}]}]}."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            root = ET.fromstring(z.read("project.qde"))
            files = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("sources/")}
    except (zipfile.BadZipFile, KeyError, ET.ParseError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable .qdpx ({exc.__class__.__name__})") from None
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    codes: dict[str, dict] = {}

    def walk(el, parent):
        for c in el.iterfind("q:Code", NS):
            codes[c.get("guid")] = {"name": c.get("name"), "parent": parent}
            walk(c, c.get("guid"))

    book = root.find("q:CodeBook/q:Codes", NS)
    if book is not None:
        walk(book, None)
    variables = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)}
    sources, source_names = [], {}
    for ts in root.iterfind("q:Sources/q:TextSource", NS):
        source_names[ts.get("guid")] = ts.get("name")
        ref = ts.get("plainTextPath") or ""
        text = files.get("sources/" + ref.removeprefix("internal://"), "")
        if not text:
            content = ts.find("q:PlainTextContent", NS)
            text = content.text if content is not None and content.text else ""
        sels = []
        for sel in ts.iterfind("q:PlainTextSelection", NS):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            sels.append({
                "start": start, "end": end, "text": text[start:end],
                "codes": [codes.get(c.find("q:CodeRef", NS).get("targetGUID"), {}).get("name")
                          for c in sel.iterfind("q:Coding", NS)],
                "users": [users.get(c.get("creatingUser")) for c in sel.iterfind("q:Coding", NS)],
            })  # fmt: skip
        sources.append({"name": ts.get("name"), "text": text, "selections": sels,
                        "variables": _values(ts, variables)})  # fmt: skip
    cases = [
        {"name": c.get("name"), "variables": _values(c, variables),
         "sources": [source_names.get(r.get("targetGUID")) for r in c.iterfind("q:SourceRef", NS)]}
        for c in root.iterfind("q:Cases/q:Case", NS)
    ]  # fmt: skip
    desc = root.find("q:Description", NS)
    return {"name": root.get("name"), "users": users, "codes": codes, "variables": variables,
            "cases": cases, "sources": sources, "description": desc.text if desc is not None else ""}  # fmt: skip


def _values(el, variables: dict[str, str]) -> dict[str, str]:
    out = {}
    for vv in el.iterfind("q:VariableValue", NS):
        ref = vv.find("q:VariableRef", NS).get("targetGUID")
        val = vv.find("q:TextValue", NS)
        out[variables.get(ref, ref)] = val.text if val is not None else None
    return out
