-- The timing report's runs: a run lasts from one load of a show to the next (ended_at null while it runs).
CREATE TABLE timing_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id     TEXT NOT NULL,
    title       TEXT NOT NULL,
    language    TEXT NOT NULL,
    rehearsal   INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    ended_at    TEXT
);

-- Each run's plan: its show's awards in order with their planned minutes (kept as they were, whatever edits follow).
CREATE TABLE timing_plan (
    run_id      INTEGER NOT NULL REFERENCES timing_runs(id),
    position    INTEGER NOT NULL,
    award_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    minutes     INTEGER,
    PRIMARY KEY (run_id, award_id)
);

-- What the big screen showed from when: a slide (by kind and award, never its sealed content) and its cover, if any.
CREATE TABLE timing_moves (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      INTEGER NOT NULL REFERENCES timing_runs(id),
    at          TEXT NOT NULL,
    slide       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    award_id    TEXT,
    award_name  TEXT,
    cover       TEXT
);

CREATE INDEX timing_moves_by_run ON timing_moves (run_id, id);
