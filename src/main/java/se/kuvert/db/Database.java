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
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The SQLite file in the data folder. At start, the migrations in {@code db/migration} that this file has not seen
 * are applied in order, each in one transaction, and recorded in {@code schema_version}; tables are never dropped.
 * One connection lives as long as the server, and units of work take turns on it (SQLite writes one at a time
 * anyway): opening a connection per unit cost more than the work. The journal is WAL with {@code synchronous=NORMAL}:
 * a commit is in the WAL file, in the operating system's hands, when it returns, so a killed server (kill -9) loses
 * nothing it acknowledged; only a power cut can take the last commits (see {@code DurabilityTest}).
 *
 * <p>The WAL is copied back into the database (checkpointed) by a thread of its own, on a connection of its own, every
 * {@link #CHECKPOINT_EVERY}, never by a commit: SQLite's own checkpoint ran inside every thousandth page's commit,
 * with its syncs, and made the commands' p99 (4.1-4.4 ms against 1.2-1.6 without, at a median of 0.5). A checkpoint
 * does not block the commits meanwhile (SQLite's PASSIVE mode).
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    public static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(2);
    private final Path folder;
    private final String url;
    private final java.util.concurrent.ScheduledExecutorService checkpointer;
    private final Duration checkpointEvery;
    /** {@link #dataVersion} of the one connection as the checkpointer last read it (see {@link #commitsElsewhere}). */
    private volatile long elsewhere;
    /** The checkpointer's own connection, opened at its first checkpoint; only its thread (or {@link #close}) uses it. */
    private Connection checkpoints;
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    /** The statements of the hot path, prepared once on the one connection (see {@link #prepared}). */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public Database(Path dataDir) {
        this(dataDir, CHECKPOINT_EVERY);
    }

    /** As {@link #Database(Path)}, checkpointing every {@code checkpointEvery} (tests take a long one and call {@link #checkpoint}). */
    public Database(Path dataDir, Duration checkpointEvery) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        this.folder = dataDir;
        this.url = "jdbc:sqlite:" + dataDir.resolve("kuvert.db").toAbsolutePath();
        try {
            this.connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA wal_autocheckpoint=0");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
        migrate();
        elsewhere = read(this::dataVersion);
        checkpointer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "db-checkpoint");
            t.setDaemon(true);
            return t;
        });
        this.checkpointEvery = checkpointEvery;
        long every = checkpointEvery.toMillis();
        checkpointer.scheduleWithFixedDelay(this::checkpointQuietly, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The data folder that holds the database file. */
    public Path folder() {
        return folder;
    }

    /**
     * Copies what the WAL holds back into the database, as far as no reader needs it, without waiting for anyone; the
     * next commit then starts the WAL over. On the checkpointer's connection; returns the WAL's frames checkpointed.
     */
    public synchronized int checkpoint() throws SQLException {
        if (checkpoints == null) {
            checkpoints = DriverManager.getConnection(url);
        }
        try (Statement s = checkpoints.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() ? rs.getInt(3) : 0;
        }
    }

    private void checkpointQuietly() {
        try {
            elsewhere = read(this::dataVersion);
            checkpoint();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("checkpointing {} failed; the next try is in {}", url, checkpointEvery, e);
        }
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
            return lock.getHoldCount() > 1 ? work.run(connection) : transaction(work);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            lock.unlock();
        }
    }

    /** {@code work} in a transaction of its own; the caller holds the lock, and no transaction is open. */
    private <T> T transaction(Work<T> work) throws SQLException {
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
            forgetStatements();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Closes the kept statements, to be prepared again when next used: one whose run failed is left unusable by the
     * driver ("statement is not executing"), and would fail every later command until a restart.
     */
    private void forgetStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                LOG.debug("could not close a kept statement", e);
            }
        }
        statements.clear();
    }

    /** How long {@link #inTurns} leaves the connection to others before it asks again. */
    static final Duration TURN_WAIT = Duration.ofMillis(1);

    /**
     * Runs every work taken from {@code works}, oldest first, each all or nothing (a savepoint of its own), in as few
     * transactions as the rest of the server lets it: when another thread waits for the database, what is done so far
     * is committed and that thread goes first. For a background writer with many rows at once (the timing report
     * after a burst of commands): in one transaction, some 200 rows kept a command waiting up to 9 ms.
     * <p>It never waits in line for the connection: the unit of work that ended would wake it, and the woken writer
     * took that thread's core (a command's, for 3 ms before it told the screens). While the connection is busy or
     * wanted, it asks again {@link #TURN_WAIT} later. Each transaction does at least one work, so the writer gets on
     * however busy the commands are. A work that fails is rolled back alone and handed to {@code failed}; the others
     * are kept. An interrupted writer stops when the connection is not free, and leaves the rest in the queue. Not
     * inside a unit of work.
     */
    public void inTurns(Queue<? extends Work<?>> works, Consumer<Exception> failed) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("inTurns waits for the connection to be free; it cannot run inside a unit of work");
        }
        while (!works.isEmpty()) {
            if (lock.hasQueuedThreads() || !lock.tryLock()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;   // asked to stop (a park would no longer wait): the rest stays in the queue
                }
                LockSupport.parkNanos(TURN_WAIT.toNanos());   // someone else's turn
                continue;
            }
            try {
                transaction(c -> {
                    Work<?> work;
                    do {
                        if ((work = works.poll()) == null) {
                            break;
                        }
                        Savepoint each = c.setSavepoint();
                        try {
                            work.run(c);
                            c.releaseSavepoint(each);
                        } catch (SQLException | RuntimeException e) {
                            c.rollback(each);
                            failed.accept(e);
                        }
                    } while (!lock.hasQueuedThreads());
                    return null;
                });
            } catch (SQLException e) {
                throw new DatabaseException(e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** True while a thread waits for the connection (for tests). */
    boolean waitedFor() {
        return lock.hasQueuedThreads();
    }

    /** Runs a read. */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            if (lock.getHoldCount() == 1) {
                forgetStatements();
            }
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
     * A number that changes once another connection (an import from the command line) has committed, read by the
     * checkpointer every {@link #CHECKPOINT_EVERY} instead of on a command's way: what is kept from the database may
     * be kept while it stays the same, and is at most that long behind another process's commit.
     */
    public long commitsElsewhere() {
        return elsewhere;
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
        checkpointer.shutdown();
        try {
            checkpointer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                if (checkpoints != null) {
                    checkpoints.close();
                }
            } catch (SQLException e) {
                LOG.warn("closing the checkpointer's connection failed", e);
            }
        }
        lock.lock();
        try {
            forgetStatements();
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
