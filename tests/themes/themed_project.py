"""A fixed, deterministic project for theme and export tests: anonymised rows inserted directly.

Four focus groups (two county, two metropolitan), eight participants and a facilitator, codes
for two lines of enquiry, and texts written so that a bag-of-words fake embedder separates
three recruitment themes and two progression themes. There is no vault.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np

from research.store import transaction

SOURCES = [
    ("FG01", {"group": "under-30s", "authority": "county council", "region": "north"}),
    ("FG02", {"group": "over-50s", "authority": "county council", "region": "south"}),
    ("FG03", {"group": "under-30s", "authority": "metropolitan council", "region": "north"}),
    ("FG04", {"group": "disabled staff", "authority": "metropolitan council", "region": "south"}),
]
FILLER = "and that is really how it felt to me at the time, if I am honest with you all"
PANEL = "the interview panel was all the same faces, nobody on the panel looked like me at all"
FORM = "the application form was long with jargon and competencies I could not understand"
MOUTH = "I heard about the job by word of mouth from my cousin who already worked there"
FEEDBACK = "I never got feedback after the promotion interview, nobody told me what to improve"
ACTING = "acting up opportunities always went to the same favourites in the team, never us"

# (source index, speaker, text, [(code, method, status, confidence)])
TURNS = [
    (
        0,
        "F1",
        "How did you find the recruitment process? Tell me about the panel and the form.",
        [("recruitment", "manual", "applied", None)],
    ),
    (0, "P01", f"{PANEL}, {FILLER}.", [("recruitment", "manual", "applied", None)]),
    (0, "P02", f"Honestly {FORM}, {FILLER}.", [("recruitment", "auto", "suggested", 0.9)]),
    (0, "P01", "Yeah.", [("recruitment", "manual", "applied", None)]),
    (0, "P02", f"Well {MOUTH}, {FILLER}.", [("recruitment", "confirmed", "accepted", 0.8)]),
    (
        1,
        "P03",
        f"For me {PANEL} again and again, {FILLER}.",
        [("recruitment.panels", "manual", "applied", None)],
    ),
    (1, "P04", f"Same here, {FORM}, {FILLER}.", [("recruitment", "auto", "accepted", 0.4)]),
    (1, "P03", f"Also {FEEDBACK}, {FILLER}.", [("progression", "manual", "applied", None)]),
    (1, "P04", f"And {ACTING}, {FILLER}.", [("progression", "auto", "suggested", 0.95)]),
    (
        2,
        "P05",
        f"Yes {MOUTH} and a friend, {FILLER}.",
        [("recruitment", "manual", "applied", None)],
    ),
    (
        2,
        "P06",
        f"Look, {PANEL}, three of them, {FILLER}.",
        [("recruitment", "auto", "suggested", 0.7)],
    ),
    (2, "P05", f"Ugh {FEEDBACK} either, {FILLER}.", [("progression", "manual", "applied", None)]),
    (2, "P06", f"Right, {ACTING} again, {FILLER}.", [("progression", "manual", "applied", None)]),
    (3, "P07", f"I think {FORM} honestly, {FILLER}.", [("recruitment", "manual", "applied", None)]),
    (3, "P08", f"Me too, {MOUTH} as well, {FILLER}.", [("recruitment", "manual", "applied", None)]),
    (
        3,
        "P07",
        f"In my case {FEEDBACK} at all, {FILLER}.",
        [("progression", "auto", "suggested", 0.8)],
    ),
    (3, "P08", f"So {ACTING} every time, {FILLER}.", [("progression", "manual", "applied", None)]),
    # below threshold and rejected suggestions: not themed
    (
        3,
        "P08",
        "The canteen food was fine and the car park was busy most days of the week.",
        [("recruitment", "auto", "suggested", 0.2)],
    ),
    (
        2,
        "P05",
        "We went on a team away day to the seaside and it rained for the whole afternoon.",
        [("progression", "auto", "rejected", 0.9)],
    ),
]


class FakeEncoder:
    """Hashed bag of words, L2-normalised: texts sharing words are similar. No model."""

    name = "fake-bow"
    dim = 64

    def __init__(self):
        self.calls = 0

    def __call__(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().replace(",", " ").replace(".", " ").split():
                if len(w) > 3:
                    h = int(hashlib.md5(w.encode()).hexdigest(), 16)
                    out[i, h % self.dim] += 1.0
            out[i, 0] += 0.01
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def fake_fitter(texts, embeddings):
    """The real small-corpus clusterer with plain keywords: BERTopic's place in unit tests."""
    from research.themes.cluster import SmallCorpusClusterer
    from research.themes.model import TopicFit, _plain_keywords

    labels = SmallCorpusClusterer(min_size=2).fit(embeddings).labels_.tolist()
    kws = {
        t: _plain_keywords([x for x, lab in zip(texts, labels, strict=True) if lab == t])
        for t in sorted(set(labels))
    }
    return TopicFit(labels, kws, {"fitter": "fake"})


def build(project) -> dict[str, int]:
    """Fill `project` with the fixed corpus; return {speaker pseudonym: speaker id}."""
    db = project.db
    with transaction(db):
        for n, (label, attrs) in enumerate(SOURCES, 1):
            db.execute(
                "INSERT INTO sources (id, label, format, content_sha256, kind, attrs, n_turns,"
                " n_words, n_speakers, imported_at, anonymised_at)"
                " VALUES (?, ?, 'teams-vtt', ?, 'focus group', ?, 0, 0, 0, '2020-11-03T10:00:00',"
                " '2020-11-03T11:00:00')",
                (n, label, f"{n:064x}", json.dumps(attrs, sort_keys=True)),
            )
        speakers = {}
        for name in ["F1"] + [f"P0{i}" for i in range(1, 9)]:
            role = "facilitator" if name.startswith("F") else "participant"
            speakers[name] = db.execute(
                "INSERT INTO speakers (pseudonym, role) VALUES (?, ?)", (name, role)
            ).lastrowid
        for code, parent, sort in [
            ("recruitment", None, 0),
            ("progression", None, 1),
            ("recruitment.panels", "recruitment", 2),
        ]:
            db.execute(
                "INSERT INTO codes (id, parent_id, name, sort) VALUES (?, ?, ?, ?)",
                (code, parent, code.title(), sort),
            )
        idx = {}
        for i, (src, spk, text, codings) in enumerate(TURNS):
            sid = src + 1
            k = idx[sid] = idx.get(sid, -1) + 1
            uid = db.execute(
                "INSERT INTO utterances (source_id, idx, speaker_id, start, end, text)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (sid, k, speakers[spk], 10.0 * k, 10.0 * k + 8, text),
            ).lastrowid
            seg = db.execute(
                "INSERT INTO segments (id, source_id, utterance_id, utt_idx, seg_no, speaker_id,"
                " start, end, text, is_facilitator) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                (
                    100 + i,
                    sid,
                    uid,
                    k,
                    speakers[spk],
                    10.0 * k,
                    10.0 * k + 8,
                    text,
                    int(spk.startswith("F")),
                ),
            ).lastrowid
            for code, method, status, conf in codings:
                db.execute(
                    "INSERT INTO codings (segment_id, code_id, coder, method, confidence, status,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 't', 't')",
                    (seg, code, "auto" if method == "auto" else "ana", method, conf, status),
                )
    return speakers


FACILITATOR_TEXT = TURNS[0][2]


def participant_texts(project) -> set[str]:
    return {r[0] for r in project.db.execute("SELECT text FROM segments WHERE is_facilitator = 0")}
