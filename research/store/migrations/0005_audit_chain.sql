-- Tamper evidence: every change the tool makes to an audit record (detections, redaction rules,
-- sign-offs, events) appends an entry whose hash covers the previous entry's hash.
CREATE TABLE audit_chain (
    seq      INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    row_id   INTEGER NOT NULL,
    row_hash TEXT,               -- SHA-256 of the record as written; NULL when the tool removed it
    at       TEXT NOT NULL,
    prev     TEXT NOT NULL,
    hash     TEXT NOT NULL
);
CREATE INDEX audit_chain_row ON audit_chain(kind, row_id, seq);

ALTER TABLE signoffs ADD COLUMN chain_head TEXT;
