"""Agreement between two coders: Cohen's kappa, Krippendorff's alpha, percentage agreement.

Each code is a binary present/absent judgement over every participant segment (uncoded
segments count as absent for both). Overall figures are the mean over codes and a pooled
figure over all (segment, code) pairs. The tool's suggestions can stand as a coder.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two label sequences (nan when chance agreement is total, as sklearn)."""
    if len(a) != len(b):
        raise ValueError("both coders must label the same items")
    n = len(a)
    if n == 0:
        return math.nan
    labels = sorted(set(a) | set(b), key=repr)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pe = sum((list(a).count(lab) / n) * (list(b).count(lab) / n) for lab in labels)
    if pe == 1:
        return math.nan
    return (po - pe) / (1 - pe)


def krippendorff_alpha(a: Sequence, b: Sequence) -> float:
    """Krippendorff's nominal alpha for two coders, via the krippendorff package."""
    import numpy as np

    if len(a) != len(b):
        raise ValueError("both coders must label the same items")
    labels = sorted(set(a) | set(b), key=repr)
    if len(labels) < 2:
        return math.nan  # no variation: alpha is undefined
    index = {lab: i for i, lab in enumerate(labels)}
    data = np.array([[index[x] for x in a], [index[y] for y in b]], dtype=float)
    import krippendorff

    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def percent_agreement(a: Sequence, b: Sequence) -> float:
    if not a:
        return math.nan
    return 100.0 * sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def f1(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    """F1 of the positive class (1.0 when neither side has any positive)."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


@dataclass
class CodeAgreement:
    code: str
    kappa: float
    alpha: float
    percent: float
    n_a: int  # segments coder A gave this code
    n_b: int


@dataclass
class AgreementReport:
    coder_a: str
    coder_b: str
    n_segments: int
    per_code: list[CodeAgreement] = field(default_factory=list)
    mean_kappa: float = math.nan
    mean_alpha: float = math.nan
    mean_percent: float = math.nan
    pooled_kappa: float = math.nan
    pooled_alpha: float = math.nan
    pooled_percent: float = math.nan

    def to_dict(self) -> dict:
        def num(x: float) -> float | None:
            return None if x is None or math.isnan(x) else round(x, 4)

        return {
            "coders": [self.coder_a, self.coder_b],
            "segments": self.n_segments,
            "per_code": [
                {
                    "code": c.code,
                    "kappa": num(c.kappa),
                    "alpha": num(c.alpha),
                    "percent": num(c.percent),
                    "n_a": c.n_a,
                    "n_b": c.n_b,
                }
                for c in self.per_code
            ],  # fmt: skip
            "overall": {
                "mean_kappa": num(self.mean_kappa),
                "mean_alpha": num(self.mean_alpha),
                "mean_percent": num(self.mean_percent),
                "pooled_kappa": num(self.pooled_kappa),
                "pooled_alpha": num(self.pooled_alpha),
                "pooled_percent": num(self.pooled_percent),
            },
        }


def agreement(
    segments: Sequence[object],
    codes_a: Mapping[object, set[str]],
    codes_b: Mapping[object, set[str]],
    code_ids: Sequence[str],
    coder_a: str = "A",
    coder_b: str = "B",
) -> AgreementReport:
    """Per-code and overall agreement over `segments` (missing segments count as uncoded)."""
    rep = AgreementReport(coder_a, coder_b, len(segments))
    pooled_a: list[int] = []
    pooled_b: list[int] = []
    for code in code_ids:
        a = [int(code in codes_a.get(s, ())) for s in segments]
        b = [int(code in codes_b.get(s, ())) for s in segments]
        pooled_a += a
        pooled_b += b
        rep.per_code.append(
            CodeAgreement(
                code,
                cohen_kappa(a, b),
                krippendorff_alpha(a, b),
                percent_agreement(a, b),
                sum(a),
                sum(b),
            )  # fmt: skip
        )
    rep.mean_kappa = _mean([c.kappa for c in rep.per_code])
    rep.mean_alpha = _mean([c.alpha for c in rep.per_code])
    rep.mean_percent = _mean([c.percent for c in rep.per_code])
    rep.pooled_kappa = cohen_kappa(pooled_a, pooled_b)
    rep.pooled_alpha = krippendorff_alpha(pooled_a, pooled_b)
    rep.pooled_percent = percent_agreement(pooled_a, pooled_b)
    return rep


def render_agreement(rep: AgreementReport) -> str:
    """A plain-text table for the terminal."""

    def fmt(x: float, pct: bool = False) -> str:
        if x is None or math.isnan(x):
            return "n/a"
        return f"{x:.1f}%" if pct else f"{x:.3f}"

    width = max([len(c.code) for c in rep.per_code] + [16])
    lines = [
        f"agreement between {rep.coder_a} and {rep.coder_b} over {rep.n_segments} participant segments",
        f"{'code':<{width}} {'kappa':>7} {'alpha':>7} {'agree':>7} {rep.coder_a[:6]:>6} {rep.coder_b[:6]:>6}",
    ]
    for c in rep.per_code:
        lines.append(
            f"{c.code:<{width}} {fmt(c.kappa):>7} {fmt(c.alpha):>7} {fmt(c.percent, True):>7} {c.n_a:>6} {c.n_b:>6}"
        )
    lines.append(
        f"{'overall (mean)':<{width}} {fmt(rep.mean_kappa):>7} {fmt(rep.mean_alpha):>7} {fmt(rep.mean_percent, True):>7}"
    )
    lines.append(
        f"{'overall (pooled)':<{width}} {fmt(rep.pooled_kappa):>7} {fmt(rep.pooled_alpha):>7} {fmt(rep.pooled_percent, True):>7}"
    )
    lines.append(
        "n/a: the code was absent (or present) everywhere for both coders, so chance explains all"
    )
    return "\n".join(lines)


def _mean(values: Sequence[float]) -> float:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return sum(vals) / len(vals) if vals else math.nan
