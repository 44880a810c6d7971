"""The small-corpus clusterer: deterministic, finds clear groups, absorbs tiny clusters."""

from __future__ import annotations

import numpy as np

from research.themes.cluster import SmallCorpusClusterer, k_window


def blobs(sizes, dim=16, spread=0.05, seed=0):
    rng = np.random.default_rng(seed)
    centres = np.eye(dim)[: len(sizes)]
    X = np.vstack(
        [c + spread * rng.standard_normal((n, dim)) for c, n in zip(centres, sizes, strict=False)]
    )
    y = np.repeat(np.arange(len(sizes)), sizes)
    return X, y


def test_k_window_scales_with_the_corpus():
    assert k_window(3) == (1, 1)
    lo, hi = k_window(25)
    assert 2 <= lo <= 5 <= hi <= 12
    lo, hi = k_window(5000)
    assert lo <= hi == 30


def test_recovers_clear_groups_and_is_deterministic():
    from sklearn.metrics import adjusted_rand_score

    X, y = blobs([8, 7, 6, 5])
    a = SmallCorpusClusterer().fit(X).labels_
    b = SmallCorpusClusterer().fit(X.copy()).labels_
    assert adjusted_rand_score(y, a) == 1.0
    assert a.tolist() == b.tolist()
    assert a[0] == 0  # largest cluster first


def test_clusters_below_min_size_are_absorbed():
    X, _ = blobs([10, 10, 1], spread=0.02)
    labels = SmallCorpusClusterer(min_size=3).fit(X).labels_
    assert np.bincount(labels).min() >= 3
    assert len(set(labels.tolist())) == 2


def test_predict_assigns_to_the_nearest_centroid():
    X, y = blobs([6, 6])
    model = SmallCorpusClusterer().fit(X)
    assert model.predict(X[:1])[0] == model.labels_[0]
