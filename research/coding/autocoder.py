"""The auto-coder: zero-shot similarity to code prototypes, plus few-shot learning from decisions.

Pure numpy over embeddings (any `Encoder`), no database: `AutoCoder.suggest(items)` returns, per
segment, the codes it suggests with a confidence in [0, 1]. A segment is scored by its own text,
its whole turn and the facilitator's most recent question (focus groups follow a topic guide).
Small talk, logistics and backchannel get no code.
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


@dataclass
class Params:
    """Weights and thresholds of the zero-shot coder (tuned on the demo gold only)."""

    w_segment: float = 0.55
    w_turn: float = 0.15
    w_question: float = 0.5
    top_k: int = 3  # a code's score: mean of its k most similar anchors
    threshold: float = 0.2  # absolute floor on a code's score
    delta: float = 0.01  # codes within this of the best one are suggested too
    none_margin: float = 0.05  # small talk wins when it beats the segment's best code by this
    min_words: int = 4  # shorter segments are backchannel
    temperature: float = 0.03  # spread of the confidence around the decision boundary
    fewshot_k: float = 4.0  # weight of learnt scores: n_pos / (n_pos + k), capped
    fewshot_cap: float = 0.8


@dataclass
class Item:
    """One segment to code, with its context (texts are anonymised)."""

    key: object
    text: str
    turn_key: object = None  # segments of one turn share it; the turn vector is their mean
    question: str = ""
    is_facilitator: bool = False


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
    def _vectors(self, items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        seg = _unit(self.embed([it.text for it in items]))
        turn = seg.copy()
        groups: dict[object, list[int]] = {}
        for i, it in enumerate(items):
            if it.turn_key is not None:
                groups.setdefault(it.turn_key, []).append(i)
        for idx in groups.values():
            if len(idx) > 1:
                turn[idx] = _unit(seg[idx].mean(axis=0, keepdims=True))
        questions = sorted({it.question for it in items if it.question})
        qvec = np.zeros_like(seg)
        if questions:
            qv = dict(zip(questions, _unit(self.embed(questions)), strict=True))
            for i, it in enumerate(items):
                if it.question:
                    qvec[i] = qv[it.question]
        return seg, turn, qvec

    def _code_scores(self, vecs: np.ndarray) -> np.ndarray:
        """n x codes: mean similarity to each code's top-k anchors."""
        out = np.zeros((vecs.shape[0], len(self.code_ids)), dtype=np.float32)
        for j, anchors in enumerate(self._anchors):
            sims = vecs @ anchors.T
            k = min(self.p.top_k, sims.shape[1])
            out[:, j] = np.sort(sims, axis=1)[:, -k:].mean(axis=1)
        return out

    def _zero_shot(self, items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
        """(confidences n x codes, blended context vectors n x dim)."""
        p = self.p
        seg, turn, qvec = self._vectors(items)
        has_q = np.array([bool(it.question) for it in items])
        wq = np.where(has_q, p.w_question, 0.0)[:, None]
        total = p.w_segment + p.w_turn + wq
        s_seg, s_turn, s_q = (
            self._code_scores(seg),
            self._code_scores(turn),
            self._code_scores(qvec),
        )
        score = (p.w_segment * s_seg + p.w_turn * s_turn + wq * s_q) / total
        blended = _unit((p.w_segment * seg + p.w_turn * turn + wq * qvec) / total)
        none = np.sort(seg @ self._none.T, axis=1)[:, -p.top_k :].mean(axis=1)
        best = score.max(axis=1) if score.shape[1] else np.zeros(len(items))
        floor = np.maximum(p.threshold, best - p.delta)
        conf = _sigmoid((score - floor[:, None]) / p.temperature)
        words = np.array([len(it.text.split()) for it in items])
        gated = (words < p.min_words) | (s_seg.max(axis=1, initial=-1) + p.none_margin < none)
        conf[gated] = np.minimum(
            conf[gated],
            0.5 * _sigmoid((score[gated] - best[gated, None] - p.delta) / p.temperature),
        )
        return conf, blended

    # --- few-shot ---------------------------------------------------------------------------
    def fit_examples(self, examples: Sequence[Example]) -> int:
        """Learn from confirmed decisions (a classifier per code on context vectors)."""
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
            clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=1000)
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


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))
