-- The last preflight of each show: every step of every slide rendered and measured in a staff member's browser.
-- content_hash is the show's content (and build) it measured; an edit makes it stale.
CREATE TABLE preflight (
    show_id      TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    renders      INTEGER NOT NULL,
    problems     INTEGER NOT NULL,
    report       TEXT NOT NULL,
    checked_at   TEXT NOT NULL
);
