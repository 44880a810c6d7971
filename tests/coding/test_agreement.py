import math
import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from research.coding.agreement import (
    agreement,
    cohen_kappa,
    f1,
    krippendorff_alpha,
    percent_agreement,
    render_agreement,
)


@pytest.mark.parametrize("seed", range(20))
def test_kappa_and_alpha_match_reference_implementations(seed):
    rng = random.Random(seed)
    n = rng.randint(5, 80)
    labels = ["a", "b", "c"][: rng.randint(2, 3)]
    a = [rng.choice(labels) for _ in range(n)]
    b = [x if rng.random() < 0.6 else rng.choice(labels) for x in a]
    if len(set(a) | set(b)) < 2:
        b[0] = "z"
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    idx = {v: i for i, v in enumerate(sorted(set(a) | set(b)))}
    ref = krippendorff.alpha(
        reliability_data=np.array([[idx[x] for x in a], [idx[y] for y in b]], dtype=float),
        level_of_measurement="nominal",
    )
    assert krippendorff_alpha(a, b) == pytest.approx(ref)


def test_degenerate_cases():
    assert math.isnan(cohen_kappa([0, 0, 0], [0, 0, 0]))
    assert math.isnan(krippendorff_alpha([1, 1], [1, 1]))
    assert cohen_kappa([1, 0, 1, 0], [1, 0, 1, 0]) == 1.0
    assert percent_agreement([1, 0, 1, 0], [1, 1, 1, 0]) == 75.0
    assert f1([True, False], [True, True]) == pytest.approx(2 / 3)
    assert f1([False], [False]) == 1.0


def test_agreement_counts_uncoded_segments_as_absent():
    segs = [1, 2, 3, 4, 5, 6]
    a = {1: {"r"}, 2: {"r", "t"}, 3: {"t"}}
    b = {1: {"r"}, 2: {"t"}, 4: {"t"}}
    rep = agreement(segs, a, b, ["r", "t"], "alice", "auto")
    r = rep.per_code[0]
    assert (r.code, r.n_a, r.n_b) == ("r", 2, 1)
    ra = [1, 1, 0, 0, 0, 0]
    rb = [1, 0, 0, 0, 0, 0]
    assert r.kappa == pytest.approx(cohen_kappa_score(ra, rb))
    assert r.percent == pytest.approx(100 * 5 / 6)
    pooled_a = ra + [0, 1, 1, 0, 0, 0]
    pooled_b = rb + [0, 1, 0, 1, 0, 0]
    assert rep.pooled_kappa == pytest.approx(cohen_kappa_score(pooled_a, pooled_b))
    assert rep.mean_kappa == pytest.approx((rep.per_code[0].kappa + rep.per_code[1].kappa) / 2)
    text = render_agreement(rep)
    assert "alice" in text and "overall (pooled)" in text
    assert rep.to_dict()["per_code"][1]["code"] == "t"
