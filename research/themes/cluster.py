"""A deterministic clusterer for small corpora, passed to BERTopic in place of HDBSCAN.

Ward linkage on L2-normalised embeddings, the number of clusters chosen by silhouette within a
window scaled to the corpus (about 0.7 to 1.2 x sqrt(n), at most `max_clusters`), then clusters
smaller than `min_size` absorbed by the nearest larger one (outlier reduction). No randomness:
the same embeddings in the same order give the same clusters. Tuned on the demo gold themes
(bench/bench_themes.py); HDBSCAN's defaults leave most of a few hundred segments as outliers.
"""

from __future__ import annotations

import math

import numpy as np


def k_window(n: int, max_clusters: int = 30) -> tuple[int, int]:
    """Candidate numbers of clusters for n documents."""
    if n < 4:
        return 1, 1
    hi = max(2, min(round(1.2 * math.sqrt(n)), n // 2, max_clusters))
    lo = min(max(2, round(0.7 * math.sqrt(n))), hi)
    return lo, hi


def min_cluster_size(n: int) -> int:
    """Smallest theme kept: 3 for small corpora, growing slowly with the corpus."""
    return max(3, round(math.sqrt(n) / 4))


class SmallCorpusClusterer:
    """scikit-learn-shaped clusterer (`fit`, `labels_`, `predict`) for BERTopic's hdbscan_model."""

    def __init__(
        self, max_clusters: int = 30, min_size: int | None = None, n_clusters: int | None = None
    ):
        self.max_clusters = max_clusters
        self.min_size = min_size
        self.n_clusters = n_clusters  # a fixed k (splitting a theme in two), else by silhouette

    def fit(self, X, y=None):  # noqa: N803 - scikit-learn naming
        from scipy.cluster.hierarchy import fcluster, linkage
        from sklearn.metrics import silhouette_score

        X = _normalise(np.asarray(X, dtype=np.float64))
        n = len(X)
        lo, hi = k_window(n, self.max_clusters)
        if self.n_clusters is not None:
            lo = hi = min(self.n_clusters, n)
        self.k_scores_: dict[int, float] = {}
        if hi < 2:
            labels = np.zeros(n, dtype=int)
        else:
            tree = linkage(X, method="ward")
            dist = np.clip(1.0 - X @ X.T, 0.0, 2.0)
            np.fill_diagonal(dist, 0.0)
            best = None
            for k in range(lo, hi + 1):
                cut = fcluster(tree, k, criterion="maxclust")
                if len(set(cut)) < 2:
                    continue
                score = float(silhouette_score(dist, cut, metric="precomputed"))
                self.k_scores_[k] = score
                if best is None or score > best[0] + 1e-12:
                    best = (score, cut)
            labels = best[1] - 1 if best else np.zeros(n, dtype=int)
        size = self.min_size if self.min_size is not None else min_cluster_size(n)
        labels = _absorb_small(X, labels, size)
        self.labels_ = _renumber(labels)
        self.centroids_ = (
            np.vstack(
                [
                    _normalise(X[self.labels_ == c].mean(axis=0, keepdims=True))[0]
                    for c in range(self.labels_.max() + 1)
                ]
            )
            if n
            else np.zeros((0, X.shape[1] if X.ndim == 2 else 0))
        )
        return self

    def fit_predict(self, X, y=None):  # noqa: N803
        return self.fit(X).labels_

    def predict(self, X):  # noqa: N803
        X = _normalise(np.asarray(X, dtype=np.float64))
        return np.argmax(X @ self.centroids_.T, axis=1)


def _normalise(X: np.ndarray) -> np.ndarray:  # noqa: N803
    if X.ndim != 2 or not len(X):
        return X
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return X / norms


def _absorb_small(X: np.ndarray, labels: np.ndarray, min_size: int) -> np.ndarray:  # noqa: N803
    """Move members of clusters below min_size to the most similar centroid of a kept cluster."""
    labels = labels.copy()
    ids, counts = np.unique(labels, return_counts=True)
    keep = [c for c, m in zip(ids, counts, strict=True) if m >= min_size]
    if not keep or len(keep) == len(ids):
        return labels
    cents = np.vstack([_normalise(X[labels == c].mean(axis=0, keepdims=True))[0] for c in keep])
    for i in np.where(~np.isin(labels, keep))[0]:
        labels[i] = keep[int(np.argmax(cents @ X[i]))]
    return labels


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Cluster numbers by decreasing size, ties by first member (stable)."""
    order = sorted(
        set(labels.tolist()), key=lambda c: (-(labels == c).sum(), int(np.argmax(labels == c)))
    )
    remap = {c: i for i, c in enumerate(order)}
    return np.array([remap[c] for c in labels.tolist()], dtype=int)
