-- Themes stage: BERTopic fits per line of enquiry, themes with researcher edits, members,
-- ranked candidate quotes and starred quotes. Everything refers to anonymised segments.

-- One row per fit of one line of enquiry (what ran, with which parameters and versions).
CREATE TABLE theme_fits (
    id          INTEGER PRIMARY KEY,
    loe         TEXT NOT NULL,
    fitted_at   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    n_segments  INTEGER NOT NULL,
    n_themes    INTEGER NOT NULL,
    params      TEXT NOT NULL DEFAULT '{}',
    versions    TEXT NOT NULL DEFAULT '{}'
);

-- status: active; merged (into merged_into); gone (no longer found by a re-fit).
-- label_source: auto (from keywords) or researcher (renamed: a re-fit keeps it).
-- snapshot: JSON list of member segment ids when the theme stopped being active, so that a
-- re-fit can recognise a theme the researcher merged and merge it again.
CREATE TABLE themes (
    id           INTEGER PRIMARY KEY,
    loe          TEXT NOT NULL,
    label        TEXT NOT NULL,
    label_source TEXT NOT NULL DEFAULT 'auto' CHECK (label_source IN ('auto', 'researcher')),
    keywords     TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'gone')),
    merged_into  INTEGER REFERENCES themes(id),
    snapshot     TEXT NOT NULL DEFAULT '[]',
    fit_id       INTEGER REFERENCES theme_fits(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX themes_loe ON themes(loe, status);

-- A segment belongs to at most one theme within a line of enquiry.
-- pinned = 1: a researcher moved it there; a re-fit keeps it there while the theme exists.
CREATE TABLE theme_members (
    loe        TEXT NOT NULL,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    theme_id   INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    similarity REAL,
    pinned     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (loe, segment_id)
);
CREATE INDEX theme_members_theme ON theme_members(theme_id);
CREATE INDEX theme_members_segment ON theme_members(segment_id);

-- Ranked candidate quotes per theme (recomputed after every fit or edit).
CREATE TABLE theme_quotes (
    theme_id   INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL,
    score      REAL NOT NULL,
    PRIMARY KEY (theme_id, segment_id)
);

-- Quotes a researcher starred, by segment within a line of enquiry: independent of theme ids,
-- so a star survives any re-fit.
CREATE TABLE quote_stars (
    loe        TEXT NOT NULL,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    starred_by TEXT NOT NULL,
    starred_at TEXT NOT NULL,
    PRIMARY KEY (loe, segment_id)
);
