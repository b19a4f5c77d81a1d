package se.kuvert.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import se.kuvert.web.Stopwatch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file in the data folder. At start, the migrations in {@code db/migration} that this file has not seen
 * are applied in order, each in one transaction, and recorded in {@code schema_version}; tables are never dropped.
 * One connection lives as long as the server, and units of work take turns on it (SQLite writes one at a time
 * anyway): opening a connection per unit cost more than the work. The journal is WAL with {@code synchronous=NORMAL}:
 * a commit is in the WAL file, in the operating system's hands, when it returns, so a killed server (kill -9) loses
 * nothing it acknowledged; only a power cut can take the last commits (see {@code DurabilityTest}).
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    /** The statements of the hot path, prepared once on the one connection (see {@link #prepared}). */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public Database(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        this.url = "jdbc:sqlite:" + dataDir.resolve("kuvert.db").toAbsolutePath();
        try {
            this.connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
        migrate();
    }

    /** The schema's migrations, oldest first; append new ones, never edit or remove one that has shipped. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__loop_and_reveals.sql", "V3__preflight.sql",
            "V4__rehearsal.sql", "V5__timing.sql");

    private void migrate() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            return null;
        });
        int applied = read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
        for (int version = applied + 1; version <= MIGRATIONS.size(); version++) {
            String name = MIGRATIONS.get(version - 1);
            String sql = resource("db/migration/" + name);
            int v = version;
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, name);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static String resource(String path) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: all of it is stored, or none of it. Called from inside another unit of
     * work on the same thread, it becomes part of that one.
     */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                if (Stopwatch.ON) {
                    Stopwatch.mark("transaction begins");
                }
                T result = work.run(connection);
                connection.commit();
                if (Stopwatch.ON) {
                    Stopwatch.mark("committed");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read. */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code sql} prepared on the one connection once and kept, its parameters cleared: SQLite's prepare was the
     * largest native cost of a command. Only inside a unit of work ({@code c} is its connection); never close it, and
     * close what it returns from a query.
     */
    public PreparedStatement prepared(Connection c, String sql) throws SQLException {
        if (!lock.isHeldByCurrentThread() || c != connection) {
            throw new IllegalStateException("a kept statement is only for a unit of work of this database");
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /**
     * SQLite's {@code PRAGMA data_version} on the one connection: changes when another connection (such as an import
     * from the command line) committed, never for this connection's own commits. Inside a unit of work.
     */
    public long dataVersion(Connection c) throws SQLException {
        try (ResultSet rs = prepared(c, "PRAGMA data_version").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            lock.unlock();
        }
    }

    public static final class DatabaseException extends RuntimeException {
        DatabaseException(SQLException cause) {
            super("database error: " + cause.getMessage(), cause);
        }
    }
}
