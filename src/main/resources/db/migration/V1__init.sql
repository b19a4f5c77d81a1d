CREATE TABLE shows (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    source      TEXT,
    document    TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE live_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    show_id     TEXT,
    slide       INTEGER NOT NULL,
    step        INTEGER NOT NULL,
    blackout    INTEGER NOT NULL,
    logo        INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    started_at  TEXT,
    updated_at  TEXT NOT NULL
);

CREATE TABLE control_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    from_show   TEXT,
    from_slide  INTEGER,
    from_step   INTEGER,
    to_show     TEXT,
    to_slide    INTEGER,
    to_step     INTEGER,
    version     INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    role        TEXT NOT NULL,
    label       TEXT,
    created_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE app_meta (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
