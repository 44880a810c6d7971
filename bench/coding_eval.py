"""Scoring the coder against gold: per line of enquiry F1 and kappa, macro-F1, pooled kappa."""

from __future__ import annotations

from collections.abc import Callable

from coding_data import LOES, GoldTurn, items_for

from research.coding.agreement import cohen_kappa, f1


def turn_predictions(
    turns: list[GoldTurn], predict: Callable[[list], list[set[str]]]
) -> dict[tuple, set[str]]:
    """Codes per participant turn: the union over its segments (child codes count as their LOE)."""
    pairs = items_for(turns)
    preds = predict([it for it, _ in pairs])
    out: dict[tuple, set[str]] = {(t.source, t.idx): set() for t in turns if not t.is_facilitator}
    for (_, t), codes in zip(pairs, preds, strict=True):
        out[(t.source, t.idx)] |= codes
    return out


def score(turns: list[GoldTurn], pred: dict[tuple, set[str]]) -> dict:
    keys = [(t.source, t.idx) for t in turns if not t.is_facilitator and (t.source, t.idx) in pred]
    gold = {(t.source, t.idx): t.loe for t in turns}
    res: dict = {"turns": len(keys), "per_loe": {}}
    ga, pa = [], []
    for loe in LOES:
        g = [loe in gold[k] for k in keys]
        p = [loe in pred[k] for k in keys]
        ga += g
        pa += p
        res["per_loe"][loe] = {
            "f1": f1(g, p),
            "kappa": cohen_kappa(g, p),
            "gold": sum(g),
            "pred": sum(p),
        }
    res["macro_f1"] = sum(v["f1"] for v in res["per_loe"].values()) / len(LOES)
    res["mean_kappa"] = sum(v["kappa"] for v in res["per_loe"].values()) / len(LOES)
    res["pooled_kappa"] = cohen_kappa(ga, pa)
    none_g = [not gold[k] for k in keys]
    none_p = [not pred[k] for k in keys]
    res["none_f1"] = f1(none_g, none_p)
    return res


def render(name: str, res: dict) -> str:
    rows = [f"{name}: {res['turns']} participant turns"]
    for loe, v in res["per_loe"].items():
        rows.append(
            f"  {loe:<12} F1 {v['f1']:.3f}  kappa {v['kappa']:.3f}  gold {v['gold']:>3}  pred {v['pred']:>3}"
        )
    rows.append(
        f"  overall      macro-F1 {res['macro_f1']:.3f}  mean kappa {res['mean_kappa']:.3f}"
        f"  pooled kappa {res['pooled_kappa']:.3f}  no-code F1 {res['none_f1']:.3f}"
    )
    return "\n".join(rows)
