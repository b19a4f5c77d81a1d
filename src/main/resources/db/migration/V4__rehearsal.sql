-- The live show runs as a rehearsal (stand-in winners) when 1; survives a restart like the rest of the live state.
ALTER TABLE live_state ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0;
