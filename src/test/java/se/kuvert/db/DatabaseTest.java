package se.kuvert.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import se.kuvert.OpenDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    @TempDir
    Path data;

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void commits(Database db, int n) {
        for (int i = 0; i < n; i++) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO app_meta (key, value) VALUES ('k', 'v') ON CONFLICT(key) DO UPDATE SET value = value || 'v'"));
        }
    }

    private long walBytes() throws java.io.IOException {
        return java.nio.file.Files.size(data.resolve("kuvert.db-wal"));
    }

    /**
     * No commit checkpoints (SQLite's own checkpoint ran inside every thousandth page's commit, with its syncs): the
     * WAL grows past a thousand pages until the checkpointer copies it back, and then the commits start it over.
     */
    @Test
    void commits_never_checkpoint_the_checkpointer_does_and_the_wal_starts_over() throws Exception {
        Database db = new Database(data, java.time.Duration.ofHours(1));
        commits(db, 1_500);
        long grown = walBytes();
        assertTrue(grown > 1_300L * 4096, "the WAL holds every commit since none checkpointed: " + grown + " bytes");
        assertTrue(db.checkpoint() >= 1_000, "the checkpointer copies them back");
        commits(db, 100);
        assertEquals(grown, walBytes(), "the commits after it start the WAL over instead of growing it");
        db.close();
    }

    @Test
    void a_new_data_folder_gets_every_migration_once_and_a_reopen_keeps_the_data() {
        Database db = databases.open(data);
        assertEquals(Database.MIGRATIONS.size(), count(db, "SELECT COUNT(*) FROM schema_version"));
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"));
        Database again = databases.open(data);
        assertEquals(Database.MIGRATIONS.size(), count(again, "SELECT COUNT(*) FROM schema_version"));
        assertEquals(1, count(again, "SELECT COUNT(*) FROM app_meta"));
    }

    @Test
    void a_failing_unit_of_work_stores_none_of_it() {
        Database db = databases.open(data);
        assertThrows(Database.DatabaseException.class, () -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('a', '1')");
            return c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('a', 'duplicate')");
        }));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM app_meta"));
    }

    /**
     * A kept statement that failed (here its table was away, as a full disk or a damaged file fails a write) works
     * again once the cause is gone: the show's next command is stored, not refused until a restart.
     */
    @Test
    void a_kept_statement_that_failed_works_again_once_the_cause_is_gone() {
        Database db = databases.open(data);
        Database.Work<Integer> kept = c -> {
            java.sql.PreparedStatement ps = db.prepared(c, "INSERT INTO app_meta (key, value) VALUES (?, 'v')");
            ps.setString(1, "k" + System.nanoTime());
            return ps.executeUpdate();
        };
        db.inTransaction(kept);
        db.inTransaction(c -> c.createStatement().execute("ALTER TABLE app_meta RENAME TO app_meta_away"));
        assertThrows(Database.DatabaseException.class, () -> db.inTransaction(kept));
        db.inTransaction(c -> c.createStatement().execute("ALTER TABLE app_meta_away RENAME TO app_meta"));
        assertEquals(1, db.inTransaction(kept));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM app_meta"));
    }

    private static Database.Work<Integer> insert(String key) {
        return c -> c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('" + key + "', 'v')");
    }

    /**
     * A background writer's rows go in turns with the commands: a unit of work that comes to wait while the writer
     * writes gets the database after the writer's current row, and sees only what was committed by then, not the
     * writer's whole batch; the rest is written after it. A row that fails is the only one missing.
     */
    @Test
    void a_batch_in_turns_lets_a_waiting_unit_of_work_go_first_and_keeps_every_row_but_a_failing_one() throws Exception {
        Database db = databases.open(data);
        java.util.Queue<Database.Work<?>> rows = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.CompletableFuture<Integer> seenByCommand = new java.util.concurrent.CompletableFuture<>();
        rows.add(c -> {
            // a command comes while the first row is written, and waits for the database
            Thread command = new Thread(() -> seenByCommand.complete(count(db, "SELECT COUNT(*) FROM app_meta")));
            command.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!db.waitedFor() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(db.waitedFor(), "the command waits for the database");
            return insert("first").run(c);
        });
        rows.add(insert("second"));
        rows.add(insert("first"));   // a duplicate key: fails, alone
        rows.add(insert("third"));
        java.util.List<Exception> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> db.inTurns(rows, failed::add));
        writer.start();
        writer.join(10_000);
        assertEquals(1, seenByCommand.get(10, java.util.concurrent.TimeUnit.SECONDS),
                "the command went after the first row, not after the whole batch");
        assertTrue(rows.isEmpty());
        assertEquals(3, count(db, "SELECT COUNT(*) FROM app_meta"), "every row but the failing one is stored");
        assertEquals(1, failed.size(), failed.toString());
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            db.inTurns(new java.util.ArrayDeque<>(java.util.List.of(insert("inside"))), e -> { });
            return null;
        }), "a batch in turns cannot run inside a unit of work: it waits for the connection to be free");
    }

    /** An interrupted writer does not spin while a command holds the database: it stops, and its rows stay queued. */
    @Test
    void an_interrupted_batch_in_turns_stops_while_the_database_is_busy_and_keeps_its_rows() throws Exception {
        Database db = databases.open(data);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread command = new Thread(() -> db.inTransaction(c -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        command.start();
        holding.await();
        java.util.Queue<Database.Work<?>> rows = new java.util.concurrent.ConcurrentLinkedQueue<>(
                java.util.List.of(insert("a"), insert("b")));
        Thread writer = new Thread(() -> {
            Thread.currentThread().interrupt();
            db.inTurns(rows, e -> { });
        });
        writer.start();
        writer.join(5_000);
        boolean stopped = !writer.isAlive();
        release.countDown();
        command.join(5_000);
        writer.join(5_000);
        assertTrue(stopped, "the interrupted writer stopped while the database was busy");
        assertEquals(2, rows.size(), "its rows stay queued");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM app_meta"));
    }
}
