package se.kuvert.timing;

import se.kuvert.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runs, their plans and their moves (tables of migration V5). */
final class TimingRepository {
    private static final String RUN_COLUMNS = "id, show_id, title, language, rehearsal, started_at, ended_at";

    private final Database db;

    TimingRepository(Database db) {
        this.db = db;
    }

    /**
     * Ends the running run (if any) at {@code at} and starts a new one with its plan and first move, in one
     * transaction; returns the new run.
     */
    Run start(String showId, String title, String language, boolean rehearsal, Instant at, List<PlannedAward> plan, Place first) {
        return db.inTransaction(c -> {
            try (PreparedStatement end = c.prepareStatement("UPDATE timing_runs SET ended_at = ? WHERE ended_at IS NULL")) {
                end.setString(1, at.toString());
                end.executeUpdate();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO timing_runs (show_id, title, language, rehearsal, started_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, showId);
                ps.setString(2, title);
                ps.setString(3, language);
                ps.setInt(4, rehearsal ? 1 : 0);
                ps.setString(5, at.toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            savePlan(c, id, plan);
            move(c, id, new Move(at, first));
            return new Run(id, showId, title, language, rehearsal, at, null);
        });
    }

    void move(long runId, Move move) {
        db.inTransaction(c -> {
            move(c, runId, move);
            return null;
        });
    }

    /** Replaces the plan of {@code runId} (the show was edited while it ran). */
    void replacePlan(long runId, List<PlannedAward> plan) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM timing_plan WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
            savePlan(c, runId, plan);
            return null;
        });
    }

    /** The run without an end, if any. */
    Optional<Run> running() {
        List<Run> runs = runs("WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1");
        return runs.stream().findFirst();
    }

    Optional<Run> run(long id) {
        return runs("WHERE id = " + id).stream().findFirst();
    }

    /** Every run, newest first. */
    List<Run> runs() {
        return runs("ORDER BY id DESC");
    }

    List<PlannedAward> plan(long runId) {
        return db.read(c -> {
            List<PlannedAward> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT award_id, name, minutes FROM timing_plan WHERE run_id = ? ORDER BY position")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object minutes = rs.getObject(3);
                        out.add(new PlannedAward(rs.getString(1), rs.getString(2),
                                minutes == null ? null : ((Number) minutes).intValue()));
                    }
                }
            }
            return out;
        });
    }

    /** The moves of {@code runId}, oldest first. */
    List<Move> moves(long runId) {
        return db.read(c -> {
            List<Move> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, slide, kind, award_id, award_name, cover FROM timing_moves WHERE run_id = ? ORDER BY id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Move(Instant.parse(rs.getString(1)), new Place(rs.getInt(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), Place.Cover.of(rs.getString(6)))));
                    }
                }
            }
            return out;
        });
    }

    /** {@code where} is built here from numbers only, never from a request's text. */
    private List<Run> runs(String where) {
        return db.read(c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM timing_runs " + where);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ended = rs.getString(7);
                    out.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                            Instant.parse(rs.getString(6)), ended == null ? null : Instant.parse(ended)));
                }
            }
            return out;
        });
    }

    private static void savePlan(Connection c, long runId, List<PlannedAward> plan) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO timing_plan (run_id, position, award_id, name, minutes) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < plan.size(); i++) {
                PlannedAward award = plan.get(i);
                ps.setLong(1, runId);
                ps.setInt(2, i);
                ps.setString(3, award.awardId());
                ps.setString(4, award.name());
                if (award.minutes() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, award.minutes());
                }
                ps.executeUpdate();
            }
        }
    }

    /** One row per move, kept prepared: a flush after a burst of commands writes hundreds. */
    private void move(Connection c, long runId, Move move) throws SQLException {
        PreparedStatement ps = db.prepared(c,
                "INSERT INTO timing_moves (run_id, at, slide, kind, award_id, award_name, cover) VALUES (?, ?, ?, ?, ?, ?, ?)");
        Place p = move.place();
        ps.setLong(1, runId);
        ps.setString(2, move.at().toString());
        ps.setInt(3, p.slide());
        ps.setString(4, p.kind());
        ps.setString(5, p.awardId());
        ps.setString(6, p.awardName());
        ps.setString(7, p.cover() == null ? null : p.cover().key());
        ps.executeUpdate();
    }
}
