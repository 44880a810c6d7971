-- Anonymisation audit. Original surfaces of detections live in vault.db under the same id.
CREATE TABLE detections (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    utt_idx     INTEGER NOT NULL,
    start       INTEGER NOT NULL,          -- offsets in the original turn text
    end         INTEGER NOT NULL,
    entity_type TEXT NOT NULL,
    recognizer  TEXT NOT NULL,
    score       REAL NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('detected', 'propagated', 'manual', 'residual')),
    replacement TEXT,                      -- pseudonym or placeholder applied
    a_start     INTEGER,                   -- offsets of the replacement in the anonymised text
    a_end       INTEGER,
    applied     INTEGER NOT NULL DEFAULT 1,
    decision    TEXT NOT NULL DEFAULT 'auto'
                CHECK (decision IN ('auto', 'pending', 'accepted', 'rejected', 'added')),
    decided_by  TEXT,
    decided_at  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX detections_source ON detections(source_id, utt_idx);

-- Redaction rules added by hand or from residual findings; their text is in vault.db.
CREATE TABLE redaction_rules (
    id          INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('manual', 'residual')),
    decision    TEXT NOT NULL DEFAULT 'pending'
                CHECK (decision IN ('pending', 'accepted', 'rejected', 'added')),
    decided_by  TEXT,
    decided_at  TEXT,
    created_at  TEXT NOT NULL
);

-- What the residual scan found in the anonymised text (positions in anonymised text).
CREATE TABLE residual_findings (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    utt_idx     INTEGER NOT NULL,
    entity_type TEXT NOT NULL,
    recognizer  TEXT NOT NULL,
    score       REAL NOT NULL,
    rule_id     INTEGER REFERENCES redaction_rules(id),
    created_at  TEXT NOT NULL
);

CREATE TABLE signoffs (
    id            INTEGER PRIMARY KEY,
    reviewer      TEXT NOT NULL,
    signed_at     TEXT NOT NULL,
    corpus_sha256 TEXT NOT NULL,
    note          TEXT,
    voided_at     TEXT,
    void_reason   TEXT
);
