-- Coding stage: the codebook mirror, segments derived from anonymised utterances, codings
-- (suggestions and decisions, one row per segment x code x coder) and the embedding cache.

-- Mirror of codebook.yaml, refreshed on every coding command. Codes that leave the codebook
-- stay here (active = 0) so that codings made with them are never lost.
CREATE TABLE codes (
    id          TEXT PRIMARY KEY,
    parent_id   TEXT,
    name        TEXT NOT NULL,
    colour      TEXT,
    description TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

-- One speaker turn is one segment; long turns are split at sentence boundaries (seg_no 0, 1...).
-- Ids are stable while (source_id, utt_idx, seg_no) is unchanged; text follows the utterance.
CREATE TABLE segments (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    utterance_id   INTEGER REFERENCES utterances(id) ON DELETE SET NULL,
    utt_idx        INTEGER NOT NULL,
    seg_no         INTEGER NOT NULL,
    speaker_id     INTEGER REFERENCES speakers(id),
    start          REAL,
    end            REAL,
    text           TEXT NOT NULL,
    is_facilitator INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, utt_idx, seg_no)
);
CREATE INDEX segments_utterance ON segments(utterance_id);

-- method: auto (the tool's suggestion, coder 'auto' by default), confirmed (a researcher
-- accepted or rejected a suggestion), manual (applied by hand).
-- status: suggested (undecided suggestion), accepted, rejected, applied.
-- A code is present for a coder when status <> 'rejected'; for method 'auto' rows the status
-- records what researchers decided about the suggestion, which stays the tool's opinion.
CREATE TABLE codings (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    code_id    TEXT NOT NULL REFERENCES codes(id),
    coder      TEXT NOT NULL,
    method     TEXT NOT NULL CHECK (method IN ('auto', 'confirmed', 'manual')),
    confidence REAL,
    status     TEXT NOT NULL DEFAULT 'applied'
               CHECK (status IN ('suggested', 'accepted', 'rejected', 'applied')),
    memo       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (segment_id, code_id, coder)
);
CREATE INDEX codings_code ON codings(code_id, coder);
CREATE INDEX codings_coder ON codings(coder, method);

-- Sentence embeddings cached by the SHA-256 of the embedded text (UTF-8), per model.
-- vector: float32 little-endian, L2-normalised, `dim` values.
CREATE TABLE embeddings (
    sha256 TEXT NOT NULL,
    model  TEXT NOT NULL,
    dim    INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (sha256, model)
);
