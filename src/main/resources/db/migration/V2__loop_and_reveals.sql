ALTER TABLE live_state ADD COLUMN loop INTEGER NOT NULL DEFAULT 0;

CREATE TABLE revealed_awards (
    show_id     TEXT NOT NULL,
    award_id    TEXT NOT NULL,
    revealed_at TEXT NOT NULL,
    PRIMARY KEY (show_id, award_id)
);
