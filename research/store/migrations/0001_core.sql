-- Sources and their anonymised turns. Nothing here may hold an original identifier:
-- originals live in vault.db, encrypted.
CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id             INTEGER PRIMARY KEY,
    label          TEXT NOT NULL UNIQUE,
    format         TEXT NOT NULL,
    content_sha256 TEXT NOT NULL UNIQUE,
    kind           TEXT,
    attrs          TEXT NOT NULL DEFAULT '{}',
    n_turns        INTEGER NOT NULL,
    n_words        INTEGER NOT NULL,
    n_speakers     INTEGER NOT NULL,
    imported_at    TEXT NOT NULL,
    detected_at    TEXT,
    anonymised_at  TEXT
);

-- One row per distinct person who speaks anywhere in the project; display names are in the vault.
CREATE TABLE speakers (
    id        INTEGER PRIMARY KEY,
    pseudonym TEXT NOT NULL UNIQUE,
    role      TEXT NOT NULL CHECK (role IN ('participant', 'facilitator', 'unknown'))
);

CREATE TABLE utterances (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    start      REAL,
    end        REAL,
    text       TEXT NOT NULL,
    UNIQUE (source_id, idx)
);
CREATE INDEX utterances_speaker ON utterances(speaker_id);

-- What was done to the project, by whom: anonymised words only.
CREATE TABLE events (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
