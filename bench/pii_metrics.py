"""PII detection metrics against gold sessions (tools/build_corpus.py gold/<label>.json).

``score(gold_sessions, predicted)``: ``gold_sessions`` is a list of gold dicts; ``predicted``
maps a session label to one list of detections per turn (objects or dicts with start, end,
entity_type and optionally recognizer). A gold span counts as found when every letter and
digit in it is covered by detections; "typed" also needs a detection of the same type.
Import by path (bench is not a package): ``importlib.util.spec_from_file_location``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

WORD = re.compile(r"\w+")


def _get(d: Any, key: str, default: Any = None) -> Any:
    return d.get(key, default) if isinstance(d, dict) else getattr(d, key, default)


def _covered(span: tuple[int, int], text: str, dets: list[Any], kind: str | None) -> bool:
    s, e = span
    mask = [False] * (e - s)
    for d in dets:
        if kind is not None and _get(d, "entity_type") != kind:
            continue
        a, b = max(s, _get(d, "start")), min(e, _get(d, "end"))
        for k in range(a, b):
            mask[k - s] = True
    return all(m or not text[s + k].isalnum() for k, m in enumerate(mask))


def score(gold_sessions: list[dict], predicted: dict[str, list[list[Any]]]) -> dict:
    """Recall by type and by origin, share of non-PII words kept, false positives."""
    found: Counter = Counter()
    typed: Counter = Counter()
    total: Counter = Counter()
    origin_found: Counter = Counter()
    origin_total: Counter = Counter()
    words_total = words_kept = 0
    fp_by_recognizer: Counter = Counter()
    fp_by_type: Counter = Counter()
    missed: list[dict] = []
    for sess in gold_sessions:
        turns_pred = predicted.get(sess["label"], [])
        for t in sess["turns"]:
            text = t["text"]
            dets = turns_pred[t["i"]] if t["i"] < len(turns_pred) else []
            for g in t["pii"]:
                kind = g["type"]
                span = (g["start"], g["end"])
                total[kind] += 1
                hit = _covered(span, text, dets, None)
                found[kind] += hit
                typed[kind] += _covered(span, text, dets, kind)
                if kind == "PERSON":
                    origin = g.get("origin", "unknown")
                    origin_total[origin] += 1
                    origin_found[origin] += hit
                if not hit:
                    missed.append(
                        {
                            "session": sess["label"],
                            "turn": t["i"],
                            "type": kind,
                            "start": g["start"],
                            "end": g["end"],
                        }
                    )
            gold_spans = [(g["start"], g["end"]) for g in t["pii"]]
            for m in WORD.finditer(text):
                if any(m.start() < e and m.end() > s for s, e in gold_spans):
                    continue
                words_total += 1
                if not any(m.start() < _get(d, "end") and m.end() > _get(d, "start") for d in dets):
                    words_kept += 1
            for d in dets:
                if not any(_get(d, "start") < e and _get(d, "end") > s for s, e in gold_spans):
                    fp_by_recognizer[_get(d, "recognizer", "?")] += 1
                    fp_by_type[_get(d, "entity_type")] += 1
    n_pred = sum(len(x) for turns in predicted.values() for x in turns)
    anglo = origin_found["anglo"] / origin_total["anglo"] if origin_total["anglo"] else None
    non_anglo_t = sum(v for k, v in origin_total.items() if k != "anglo")
    non_anglo_f = sum(v for k, v in origin_found.items() if k != "anglo")
    return {
        "recall": {k: found[k] / total[k] for k in sorted(total)},
        "recall_typed": {k: typed[k] / total[k] for k in sorted(total)},
        "support": dict(sorted(total.items())),
        "recall_by_origin": {k: origin_found[k] / origin_total[k] for k in sorted(origin_total)},
        "support_by_origin": dict(sorted(origin_total.items())),
        "recall_anglo": anglo,
        "recall_non_anglo": non_anglo_f / non_anglo_t if non_anglo_t else None,
        "recall_all": sum(found.values()) / max(1, sum(total.values())),
        "non_pii_words_kept": words_kept / max(1, words_total),
        "non_pii_words": words_total,
        "detections": n_pred,
        "false_positives": sum(fp_by_type.values()),
        "fp_by_type": dict(fp_by_type),
        "fp_by_recognizer": dict(fp_by_recognizer),
        "missed": missed,
    }


def by_session(gold_sessions: list[dict]) -> defaultdict:
    """Convenience: label -> gold session."""
    out: defaultdict = defaultdict(dict)
    for s in gold_sessions:
        out[s["label"]] = s
    return out
