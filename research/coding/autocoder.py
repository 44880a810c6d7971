"""The auto-coder: zero-shot similarity to code prototypes, plus few-shot learning from decisions.

Pure numpy over embeddings (any `Encoder`), no database: `AutoCoder.suggest(items)` returns, per
segment, the codes it suggests with a confidence in [0, 1]. A segment is compared with each
code's prototypes (description + examples) through its own text, its whole turn, the facilitator's
prompt and the one before, and the previous answer; a small calibrated logistic combination of
those similarities and margins (CALIBRATION, code-agnostic) gives the confidence. Small talk,
logistics and backchannel get no code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from research.coding.codebook import Codebook
from research.coding.embeddings import Encoder

# What a segment with no line of enquiry sounds like: the "none" prototype.
SMALL_TALK = [
    "Can you all hear me okay?",
    "Sorry, you're on mute.",
    "Yeah.",
    "Mm-hm.",
    "Thank you, that's really helpful.",
    "Sorry, I've got to drop off for another meeting in five minutes.",
    "My camera isn't working today, sorry.",
    "Can I just come in there?",
    "Yes, I agree with that.",
    "I'll put it in the chat.",
    "Sorry, my internet keeps cutting out, can you repeat the question?",
    "Hello everyone, nice to meet you all.",
    "Shall we take a short break?",
    "No, nothing to add from me.",
    "Good morning, sorry I'm a bit late, I was in another call.",
    "Right, okay, that's fine.",
]


# Names of the per (segment, code) features the calibration combines; see AutoCoder.features.
FEATURES = ("seg", "turn", "q", "q2", "prev", "m_seg", "m_comb", "m_q", "m_q2", "m_prev", "short",
            "short_m_q", "short_m_prev", "none", "has_q")  # fmt: skip
# (intercept, weights): a logistic regression over FEATURES, fitted by bench/coding_calibrate.py.
# Fitted on the demo and dev-coding gold (C=0.5) with the default codebook; leave-one-set-out it
# scored macro-F1 0.811 / kappa 0.765 on dev-coding (fit on demo) and 0.869 / 0.834 on demo (fit
# on dev-coding). Refit with bench/coding_calibrate.py after changing FEATURES or prototypes.
CALIBRATION: tuple[float, dict[str, float]] = (
    -3.6901,
    {"seg": 0.6003, "turn": 0.6003, "q": 3.1315, "q2": 4.5974, "prev": 0.9992, "m_seg": 7.2018,
     "m_comb": 17.929, "m_q": 3.6611, "m_q2": -0.0703, "m_prev": 8.4982, "short": -1.5059,
     "short_m_q": -3.062, "short_m_prev": -8.7373, "none": -5.6699, "has_q": 0.0},
)  # fmt: skip


@dataclass
class Params:
    """Weights and thresholds of the coder (tuned on the demo and dev-coding gold only)."""

    w_segment: float = 0.55
    w_turn: float = 0.15
    w_question: float = 0.5
    top_k: int = 3  # a code's score: mean of its k most similar anchors
    threshold: float = 0.2  # absolute floor on a code's score
    delta: float = 0.01  # codes within this of the best one are suggested too
    none_margin: float = 0.05  # small talk wins when it beats the segment's best code by this
    min_words: int = 4  # shorter segments are backchannel
    temperature: float = 0.03  # spread of the confidence around the decision boundary
    fewshot_k: float = 20.0  # weight of learnt scores: n_pos / (n_pos + k), capped
    fewshot_cap: float = 0.8
    fewshot_c: float = 1.0  # inverse regularisation of the per-code classifiers
    short_words: int = 8  # answers shorter than this lean on the prompt and the previous turn
    calibrated: bool = True  # combine the features with CALIBRATION (else the hand-set rule)


@dataclass
class Item:
    """One segment to code, with its context (texts are anonymised)."""

    key: object
    text: str
    turn_key: object = None  # segments of one turn share it; the turn vector is their mean
    question: str = ""
    is_facilitator: bool = False
    prior_question: str = ""  # the prompt before `question` (the topic of a follow-up)
    previous: str = ""  # the previous participant turn under the same prompt


@dataclass
class Suggestion:
    key: object
    codes: dict[str, float] = field(default_factory=dict)  # code id -> confidence (suggested)
    scores: dict[str, float] = field(default_factory=dict)  # code id -> confidence (all codes)


@dataclass
class Example:
    """A researcher's decision on a segment: the codes present (empty = none apply)."""

    item: Item
    codes: set[str]


class AutoCoder:
    """Suggests codes for segments; `fit_examples` teaches it from confirmed decisions."""

    def __init__(
        self,
        codebook: Codebook,
        embed: Callable[[list[str]], np.ndarray],
        params: Params | None = None,
    ):
        self.codebook = codebook
        self.embed = embed
        self.p = params or Params()
        self.code_ids = codebook.ids
        self._anchors: list[np.ndarray] = []
        for code in codebook.codes:
            texts = [f"{code.name}. {code.description}".strip()] + list(code.examples)
            self._anchors.append(_unit(embed(texts)))
        self._none = _unit(embed(list(SMALL_TALK)))
        self._models: dict[str, tuple[object, float]] = {}
        self.examples_used = 0
        self.positives: dict[str, int] = {}

    # --- features ---------------------------------------------------------------------------
    def _vectors(self, items: Sequence[Item]) -> dict[str, np.ndarray]:
        """Unit vectors per item: segment, turn (mean of its segments), prompts, previous turn.

        Context texts are embedded once each (many segments share a prompt; a previous turn is
        usually a segment already embedded, so the cache has it); missing context is zeros.
        """
        seg = _unit(self.embed([it.text for it in items]))
        turn = seg.copy()
        groups: dict[object, list[int]] = {}
        for i, it in enumerate(items):
            if it.turn_key is not None:
                groups.setdefault(it.turn_key, []).append(i)
        for idx in groups.values():
            if len(idx) > 1:
                turn[idx] = _unit(seg[idx].mean(axis=0, keepdims=True))
        fields = ("question", "prior_question", "previous")
        distinct = list(dict.fromkeys(t for it in items for f in fields if (t := getattr(it, f))))
        vec = dict(zip(distinct, _unit(self.embed(distinct)), strict=True)) if distinct else {}
        out = {"seg": seg, "turn": turn}
        for f in fields:
            m = np.zeros_like(seg)
            for i, it in enumerate(items):
                if getattr(it, f):
                    m[i] = vec[getattr(it, f)]
            out[f] = m
        return out

    def _code_scores(self, vecs: np.ndarray) -> np.ndarray:
        """n x codes: mean similarity to each code's top-k anchors."""
        out = np.zeros((vecs.shape[0], len(self.code_ids)), dtype=np.float32)
        for j, anchors in enumerate(self._anchors):
            sims = vecs @ anchors.T
            k = min(self.p.top_k, sims.shape[1])
            out[:, j] = np.sort(sims, axis=1)[:, -k:].mean(axis=1)
        return out

    def features(self, items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(n x codes x len(FEATURES) calibration features, heuristic confidences, blended vectors)."""
        p = self.p
        v = self._vectors(items)
        s = {k: self._code_scores(m) for k, m in v.items()}
        has_q = np.array([bool(it.question) for it in items], dtype=np.float32)[:, None]
        has_prev = np.array([bool(it.previous) for it in items], dtype=np.float32)[:, None]
        wq = p.w_question * has_q
        total = p.w_segment + p.w_turn + wq
        comb = (p.w_segment * s["seg"] + p.w_turn * s["turn"] + wq * s["question"]) / total
        blended = _unit(
            (p.w_segment * v["seg"] + p.w_turn * v["turn"] + wq * v["question"]) / total
        )
        none = np.sort(v["seg"] @ self._none.T, axis=1)[:, -p.top_k :].mean(axis=1)
        words = np.array([len(it.text.split()) for it in items], dtype=np.float32)
        short = (words < p.short_words).astype(np.float32)[:, None]
        ones = np.ones((1, len(self.code_ids)), dtype=np.float32)
        cols = {
            "seg": s["seg"],
            "turn": s["turn"],
            "q": s["question"],
            "q2": s["prior_question"],
            "prev": s["previous"],
            "m_seg": _margin(s["seg"]),
            "m_comb": _margin(comb),
            "m_q": _margin(s["question"]) * has_q,
            "m_q2": _margin(s["prior_question"]),
            "m_prev": _margin(s["previous"]) * has_prev,
            "short": short * ones,
            "short_m_q": short * _margin(s["question"]) * has_q,
            "short_m_prev": short * _margin(s["previous"]) * has_prev,
            "none": (none - s["seg"].max(axis=1, initial=-1))[:, None] * ones,
            "has_q": has_q * ones,
        }
        feats = np.stack([cols[f] for f in FEATURES], axis=2)
        return feats, self._heuristic(items, s["seg"], comb, none, words), blended

    def _heuristic(self, items, s_seg, score, none, words) -> np.ndarray:
        """The first release's hand-set rule (kept for comparison: Params(calibrated=False))."""
        p = self.p
        best = score.max(axis=1) if score.shape[1] else np.zeros(len(items))
        floor = np.maximum(p.threshold, best - p.delta)
        conf = _sigmoid((score - floor[:, None]) / p.temperature)
        gated = (words < p.min_words) | (s_seg.max(axis=1, initial=-1) + p.none_margin < none)
        conf[gated] = np.minimum(
            conf[gated],
            0.5 * _sigmoid((score[gated] - best[gated, None] - p.delta) / p.temperature),
        )
        return conf

    def _zero_shot(self, items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
        """(confidences n x codes, blended context vectors n x dim)."""
        feats, heuristic, blended = self.features(items)
        if not self.p.calibrated:
            return heuristic, blended
        coef = np.array([CALIBRATION[1][f] for f in FEATURES], dtype=np.float32)
        logits = feats @ coef + CALIBRATION[0]
        return _sigmoid(logits), blended

    # --- few-shot ---------------------------------------------------------------------------
    def fit_examples(self, examples: Sequence[Example]) -> int:
        """Learn from confirmed decisions: a classifier per code on context vectors, blended in
        with a weight growing with its positives (half at 20: measured best on the tuning sets;
        adding confirmed segments as extra prototypes was measured too, and did worse).
        """
        self._models = {}
        self.examples_used = len(examples)
        self.positives = {c: sum(c in ex.codes for ex in examples) for c in self.code_ids}
        if not examples:
            return 0
        from sklearn.linear_model import LogisticRegression

        _, blended = self._zero_shot([ex.item for ex in examples])
        for c in self.code_ids:
            y = np.array([c in ex.codes for ex in examples], dtype=int)
            n_pos, n_neg = int(y.sum()), int(len(y) - y.sum())
            if n_pos < 2 or n_neg < 2:
                continue
            clf = LogisticRegression(C=self.p.fewshot_c, class_weight="balanced", max_iter=1000)
            clf.fit(blended, y)
            weight = min(self.p.fewshot_cap, n_pos / (n_pos + self.p.fewshot_k))
            self._models[c] = (clf, weight)
        return self.examples_used

    # --- suggestions ------------------------------------------------------------------------
    def suggest(self, items: Sequence[Item]) -> list[Suggestion]:
        """Codes with confidence >= 0.5 for each participant item (facilitators get none)."""
        if not items:
            return []
        conf, blended = self._zero_shot(items)
        for j, c in enumerate(self.code_ids):
            if c in self._models:
                clf, w = self._models[c]
                learnt = clf.predict_proba(blended)[:, 1]
                conf[:, j] = (1 - w) * conf[:, j] + w * learnt
        out = []
        for i, it in enumerate(items):
            scores = {c: round(float(conf[i, j]), 4) for j, c in enumerate(self.code_ids)}
            chosen = {} if it.is_facilitator else {c: v for c, v in scores.items() if v >= 0.5}
            out.append(Suggestion(it.key, chosen, scores))
        return out


def encoder_fn(encoder: Encoder, cache=None) -> Callable[[list[str]], np.ndarray]:
    """An `embed(texts)` callable, through the project's cache when `cache` (project/db) is given."""
    if cache is None:
        return lambda texts: np.asarray(encoder(list(texts)), dtype=np.float32)
    from research.coding.embeddings import embed_texts

    return lambda texts: embed_texts(cache, list(texts), encoder=encoder)


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


def _margin(x: np.ndarray) -> np.ndarray:
    """Each column minus the best of the other columns (how far a code leads the rest)."""
    if x.shape[1] < 2:
        return x.copy()
    top2 = np.sort(x, axis=1)[:, -2:]
    best_other = np.where(x >= top2[:, 1:2], top2[:, 0:1], top2[:, 1:2])
    return x - best_other


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))
