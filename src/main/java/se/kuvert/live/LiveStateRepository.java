package se.kuvert.live;

import se.kuvert.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The live state (one row) and the control log, written together so the log never disagrees with the state. */
final class LiveStateRepository {
    private final Database db;

    LiveStateRepository(Database db) {
        this.db = db;
    }

    Optional<LiveState> load() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT show_id, slide, step, blackout, logo, version, started_at, loop, rehearsal FROM live_state WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<LiveState>empty();
                }
                String started = rs.getString(7);
                return Optional.of(new LiveState(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) != 0,
                        rs.getInt(5) != 0, rs.getInt(8) != 0, rs.getLong(6), started == null ? null : Instant.parse(started),
                        rs.getInt(9) != 0));
            }
        });
    }

    /** Stores the new state (when it changed) and the log entry in one transaction. */
    void record(LogEntry entry, boolean stateChanged) {
        record(entry, stateChanged, null);
    }

    /**
     * As {@link #record(LogEntry, boolean)}, and when {@code revealed} is not null, it becomes the set of awards
     * of the new state's show whose winner has been revealed, in the same transaction.
     */
    void record(LogEntry entry, boolean stateChanged, Set<String> revealed) {
        db.inTransaction(c -> {
            if (stateChanged) {
                save(db, c, entry.to());
            }
            if (revealed != null && entry.to().showId() != null) {
                saveRevealed(c, entry.to().showId(), revealed, entry.at());
            }
            log(db, c, entry);
            return null;
        });
    }

    /** The awards of {@code showId} whose winner the room has seen. */
    Set<String> revealed(String showId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT award_id FROM revealed_awards WHERE show_id = ?")) {
                ps.setString(1, showId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static void saveRevealed(Connection c, String showId, Set<String> awards, Instant at) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM revealed_awards WHERE show_id = ?")) {
            delete.setString(1, showId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO revealed_awards (show_id, award_id, revealed_at) VALUES (?, ?, ?)")) {
            for (String award : awards) {
                insert.setString(1, showId);
                insert.setString(2, award);
                insert.setString(3, at.toString());
                insert.executeUpdate();
            }
        }
    }

    List<LogEntry> log(int limit) {
        return db.read(c -> {
            List<LogEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT at, who, action, outcome, from_show, from_slide, from_step, to_show, to_slide, to_step, version
                    FROM control_log ORDER BY id DESC LIMIT ?""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LiveState from = new LiveState(rs.getString(5), rs.getInt(6), rs.getInt(7), false, false, false, 0, null);
                        LiveState to = new LiveState(rs.getString(8), rs.getInt(9), rs.getInt(10), false, false, false, rs.getLong(11), null);
                        out.add(new LogEntry(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), from, to));
                    }
                }
            }
            return out;
        });
    }

    private static void save(Database db, Connection c, LiveState s) throws SQLException {
        PreparedStatement ps = db.prepared(c, """
            INSERT INTO live_state (id, show_id, slide, step, blackout, logo, version, started_at, updated_at, loop, rehearsal)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET show_id = excluded.show_id, slide = excluded.slide, step = excluded.step,
                blackout = excluded.blackout, logo = excluded.logo, loop = excluded.loop, version = excluded.version,
                started_at = excluded.started_at, updated_at = excluded.updated_at,
                rehearsal = excluded.rehearsal""");
        ps.setString(1, s.showId());
        ps.setInt(2, s.slide());
        ps.setInt(3, s.step());
        ps.setInt(4, s.blackout() ? 1 : 0);
        ps.setInt(5, s.logo() ? 1 : 0);
        ps.setLong(6, s.version());
        if (s.startedAt() == null) {
            ps.setNull(7, Types.VARCHAR);
        } else {
            ps.setString(7, s.startedAt().toString());
        }
        ps.setString(8, Instant.now().toString());
        ps.setInt(9, s.loop() ? 1 : 0);
        ps.setInt(10, s.rehearsal() ? 1 : 0);
        ps.executeUpdate();
    }

    private static void log(Database db, Connection c, LogEntry e) throws SQLException {
        PreparedStatement ps = db.prepared(c, """
            INSERT INTO control_log (at, who, action, outcome, from_show, from_slide, from_step, to_show, to_slide, to_step, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        ps.setString(1, e.at().toString());
        ps.setString(2, e.who());
        ps.setString(3, e.action());
        ps.setString(4, e.outcome());
        ps.setString(5, e.from().showId());
        ps.setInt(6, e.from().slide());
        ps.setInt(7, e.from().step());
        ps.setString(8, e.to().showId());
        ps.setInt(9, e.to().slide());
        ps.setInt(10, e.to().step());
        ps.setLong(11, e.to().version());
        ps.executeUpdate();
    }
}
