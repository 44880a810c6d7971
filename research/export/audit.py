"""The ethics lead's audit report (HTML or CSV) of what anonymisation found, changed and missed.

Without the vault it is built from project.db only and is safe to share. With the vault
(`--originals`) it shows each original beside its replacement and says so at the top.
"""

from __future__ import annotations

import csv
import html
from collections import Counter
from pathlib import Path

from research.errors import ProjectError
from research.project import Project, now
from research.signoff_state import signoff_state

COLUMNS = [
    "id",
    "source",
    "turn",
    "entity_type",
    "recognizer",
    "score",
    "origin",
    "decision",
    "applied",
    "replacement",
    "decided_by",
    "decided_at",
    "context",
]


def audit_data(project: Project, vault=None) -> dict:
    from research.anonymise.review import list_detections

    items = list_detections(project, vault)
    db = project.db
    residual = db.execute(
        "SELECT s.label, r.utt_idx, r.entity_type, r.recognizer, r.score, r.rule_id, rr.decision"
        " FROM residual_findings r JOIN sources s ON s.id = r.source_id"
        " LEFT JOIN redaction_rules rr ON rr.id = r.rule_id ORDER BY r.id"
    ).fetchall()
    per_source = db.execute(
        "SELECT s.label, s.n_turns, s.n_words, s.anonymised_at, COUNT(d.id) n,"
        " SUM(d.applied) applied, SUM(d.decision = 'pending') pending, SUM(d.decision = 'rejected') rejected"
        " FROM sources s LEFT JOIN detections d ON d.source_id = s.id GROUP BY s.id ORDER BY s.id"
    ).fetchall()
    from research.store.chain import head, verify

    problems = verify(db)
    return {
        "chain": {
            "head": head(db),
            "entries": db.execute("SELECT COUNT(*) FROM audit_chain").fetchone()[0],
            "problems": [str(p) for p in problems],
        },
        "items": items,
        "by_type": Counter(i.entity_type for i in items if i.applied),
        "by_recognizer": Counter(
            i.recognizer.split(":")[0] if i.recognizer.startswith("rule:") else i.recognizer
            for i in items
        ),
        "by_decision": Counter(i.decision for i in items),
        "per_source": per_source,
        "residual": residual,
        "signoff": signoff_state(db),
        "allow_list": project.settings.allow_list,
        "with_originals": vault is not None,
    }


def write_audit(project: Project, out: str | Path, vault=None) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".csv"):
        raise ProjectError(f"{out}: the audit is written as .html or .csv")
    data = audit_data(project, vault)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        _write_csv(out, data)
    else:
        out.write_text(render_html(project, data), encoding="utf-8")
    return out


def _fields(i) -> dict:
    """One detection as the report shows it (shared by CSV and HTML)."""
    return {
        "id": i.id, "source": i.source, "turn": i.utt_idx, "entity_type": i.entity_type,
        "recognizer": i.recognizer, "score": f"{i.score:.2f}", "origin": i.origin,
        "decision": i.decision, "applied": int(i.applied), "replacement": i.replacement or "",
        "decided_by": i.decided_by or "", "decided_at": i.decided_at or "", "context": i.context,
        "original": i.original or "",
    }  # fmt: skip


def _write_csv(out: Path, data: dict) -> None:
    cols = COLUMNS + (["original"] if data["with_originals"] else [])
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([*cols, "signoff"])
        for i in data["items"]:
            fields = _fields(i)
            w.writerow([fields[c] for c in cols] + [data["signoff"]["summary"]])


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _chain_html(chain: dict) -> str:
    if not chain["problems"]:
        return (
            f"<p class='ok'><strong>Audit chain:</strong> intact, {chain['entries']} entries, "
            f"head <code>{chain['head']}</code>. Quote this head to detect a later rewrite.</p>"
        )
    items = "".join(f"<li>{html.escape(p)}</li>" for p in chain["problems"][:100])
    return (
        f"<div class='warn'><strong>Audit chain BROKEN:</strong> {len(chain['problems'])} record(s) "
        f"changed, removed or added behind the tool's back (`research audit verify`).<ul>{items}</ul></div>"
    )


def render_html(project: Project, data: dict) -> str:
    so = data["signoff"]
    items = data["items"]
    pending = [i for i in items if i.decision == "pending"]
    detail_cols = COLUMNS[: COLUMNS.index("applied")]  # id ... decision, as in the CSV
    detail_cols += ["replacement"] + (["original"] if data["with_originals"] else []) + ["context"]
    detail_headers = [c.replace("_", " ") for c in detail_cols]

    def detail_row(i):
        fields = _fields(i)
        fields["replacement"] = fields["replacement"] or "(not applied)"
        return [fields[c] for c in detail_cols]

    warning = (
        "<p class='warn'>This report CONTAINS ORIGINAL IDENTIFIERS from the vault. Keep it with the vault; "
        "do not share it with the research team.</p>"
        if data["with_originals"]
        else "<p>Built from the anonymised project database only: no original identifiers.</p>"
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Anonymisation audit: {html.escape(project.settings.name)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
        ".warn{background:#fee;border:1px solid #c00;padding:.5em}.ok{background:#efe;padding:.5em}"
        ".void{background:#fee;padding:.5em}</style></head><body>",
        f"<h1>Anonymisation audit: {html.escape(project.settings.name)}</h1>",
        f"<p>Generated {now()}.</p>",
        f"<p class='{'ok' if so['valid'] else 'void'}'><strong>Sign-off:</strong> {html.escape(so['summary'])}</p>",
        warning,
        _chain_html(data["chain"]),
        "<h2>Summary</h2>",
        _table(["entity type", "replacements applied"], sorted(data["by_type"].items())),
        _table(["recognizer", "detections"], sorted(data["by_recognizer"].items())),
        _table(["decision", "detections"], sorted(data["by_decision"].items())),
        "<h2>Per source</h2>",
        _table(
            [
                "source",
                "turns",
                "words",
                "anonymised at",
                "detections",
                "applied",
                "pending",
                "rejected",
            ],
            [
                [
                    r["label"],
                    r["n_turns"],
                    r["n_words"],
                    r["anonymised_at"] or "no",
                    r["n"],
                    r["applied"] or 0,
                    r["pending"] or 0,
                    r["rejected"] or 0,
                ]
                for r in data["per_source"]
            ],
        ),
        f"<h2>Pending review ({len(pending)})</h2>",
        "<p>Low-confidence detections and residual findings: applied (redacted) until a reviewer rejects them. "
        "Decide with <code>research review accept|reject ID</code>.</p>",
        _table(detail_headers, [detail_row(i) for i in pending]),
        f"<h2>Residual findings ({len(data['residual'])})</h2>",
        "<p>What detection found again in the anonymised text; each became a redaction rule applied everywhere.</p>",
        _table(
            ["source", "turn", "type", "recognizer", "score", "rule", "decision"],
            [
                [
                    r["label"],
                    r["utt_idx"],
                    r["entity_type"],
                    r["recognizer"],
                    f"{r['score']:.2f}",
                    r["rule_id"] or "",
                    r["decision"] or "",
                ]
                for r in data["residual"]
            ],
        ),
        "<h2>Allow-list</h2><p>Public references never redacted:</p><ul>",
        "".join(f"<li>{html.escape(a)}</li>" for a in data["allow_list"]),
        "</ul>",
        f"<h2>All detections ({len(items)})</h2>",
        _table(detail_headers, [detail_row(i) for i in items]),
        "</body></html>",
    ]
    return "\n".join(parts)
