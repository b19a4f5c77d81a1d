package se.kuvert.live;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.OpenDatabases;
import se.kuvert.TestShows;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live show's journal: what the screens are told is in it first, what SQLite missed is stored at the next start,
 * and it stays short while the show runs.
 */
class JournalTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    @TempDir
    Path data;
    private Database db;
    private ShowRepository shows;
    private Director director;

    @BeforeEach
    void setUp() {
        db = databases.open(data);
        shows = new ShowRepository(db);
        shows.save(TestShows.gala(), "test");
        director = new Director(db, shows, Clock.systemUTC());
    }

    private Path file() {
        return data.resolve(Journal.FILE);
    }

    /** The director of a server started again on the same data folder. */
    private Director restarted() {
        director.close();
        Database again = databases.open(data);
        return new Director(again, new ShowRepository(again), Clock.systemUTC());
    }

    private static String text(byte[] line) {
        return new String(line, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_line_reads_back_as_written_whatever_its_texts_hold() {
        LiveState from = new LiveState("gala,\t%", 3, 1, false, false, false, 0, null);
        LiveState to = new LiveState("gala,\t%", 4, 0, true, false, true, 42, Instant.parse("2026-05-01T18:00:00Z"), true);
        Set<String> revealed = new LinkedHashSet<>(List.of("main", "a,b%2C", "c\nd"));
        Journal.Entry entry = new Journal.Entry(new LogEntry(Instant.parse("2026-05-01T19:30:00.123456Z"),
                "Operatören\t\"Åsa\"\r\n%0A", "goto", "applied", from, to), revealed);
        String line = text(Journal.line(entry));
        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        assertEquals(entry, Journal.parse(line.substring(0, line.length() - 1)));

        Journal.Entry none = new Journal.Entry(new LogEntry(Instant.EPOCH, null, "next", "applied", LiveState.EMPTY,
                new LiveState(null, 0, 0, false, true, false, 7, null)), null);
        assertEquals(none, Journal.parse(text(Journal.line(none)).strip()));
        Journal.Entry empty = new Journal.Entry(none.log(), Set.of());
        assertEquals(Set.of(), Journal.parse(text(Journal.line(empty)).strip()).revealed(), "no reveals is not 'not stored'");
    }

    @Test
    void a_line_cut_short_or_changed_is_not_used() {
        director.apply(new Command.Load("gala"), null, "t");
        String line = text(Journal.line(new Journal.Entry(new LogEntry(Instant.EPOCH, "t", "next", "applied",
                LiveState.EMPTY, new LiveState("gala", 1, 0, false, false, false, 2, null)), null))).strip();
        assertNull(Journal.parse(line.substring(0, line.length() - 3)));
        assertNull(Journal.parse(line.replace("\tgala\t", "\tgalb\t").replace("=gala", "=galb")));
        assertNull(Journal.parse(""));
        Journal journal = new Journal(data.resolve("other.journal"));
        journal.append(new Journal.Entry(new LogEntry(Instant.EPOCH, "t", "load", "applied", LiveState.EMPTY,
                new LiveState("gala", 0, 0, false, false, false, 1, null)), Set.of()));
        journal.close();
        try {
            Files.writeString(data.resolve("other.journal"), line.substring(0, 40), StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Journal.Entry> read = new Journal(data.resolve("other.journal")).entries();
        assertEquals(1, read.size(), "the line cut short by a crash is left out, the whole one before it kept");
        assertEquals(1, read.get(0).log().to().version());

        // Cut inside a letter of two bytes: read, not refused, and left out.
        byte[] accented = Journal.line(new Journal.Entry(new LogEntry(Instant.EPOCH, "Åsa Öberg", "next", "applied",
                LiveState.EMPTY, new LiveState("gala", 1, 0, false, false, false, 3, null)), null));
        int inside = new String(accented, StandardCharsets.UTF_8).indexOf('Ö');
        int cut = new String(accented, StandardCharsets.UTF_8).substring(0, inside).getBytes(StandardCharsets.UTF_8).length + 1;
        try {
            Files.write(data.resolve("other.journal"), java.util.Arrays.copyOf(accented, cut), StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(1, new Journal(data.resolve("other.journal")).entries().size());
    }

    @Test
    void the_screens_hear_of_a_change_only_once_the_journal_has_it() {
        List<String> missing = new ArrayList<>();
        director.onChange(s -> {
            boolean there = new Journal(file()).entries().stream()
                    .anyMatch(e -> e.log().to().version() == s.state().version() && e.log().to().equals(s.state()));
            if (!there) {
                missing.add("version " + s.state().version());
            }
        });
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Next(), null, "t");
        director.apply(new Command.Goto(4, 0), null, "t");
        director.apply(new Command.Blackout(true), null, "t");
        assertEquals(List.of(), missing);
    }

    @Test
    void a_change_the_database_could_not_store_is_shown_and_stored_at_the_next_start() throws Exception {
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Goto(3, 0), null, "t");
        long storedVersion = director.snapshot().state().version();
        // The database refuses the next change's log entry (as a full disk would), after the screens have it.
        boolean[] broken = {false};
        List<Long> told = new ArrayList<>();
        director.onChange(s -> {
            told.add(s.state().version());
            if (!broken[0]) {
                broken[0] = true;
                db.inTransaction(c -> c.createStatement().execute("ALTER TABLE control_log RENAME TO control_log_away"));
            }
        });
        Director.Outcome reveal = director.apply(new Command.Goto(4, 0), null, "presenter");
        assertInstanceOf(Director.Outcome.Applied.class, reveal, "the show goes on");
        assertEquals(Set.of("main"), director.snapshot().revealed());
        assertEquals(List.of(storedVersion + 1), told, "the screens have the reveal");
        LiveStateRepository stored = new LiveStateRepository(db);
        assertEquals(storedVersion, stored.load().orElseThrow().version(), "SQLite does not have it");
        assertEquals(Set.of(), stored.revealed("gala"));

        // Killed now, and started again once the disk has room: the reveal is where the room saw it, and logged.
        db.inTransaction(c -> c.createStatement().execute("ALTER TABLE control_log_away RENAME TO control_log"));
        Director again = restarted();
        assertEquals(director.snapshot().state(), again.snapshot().state());
        assertEquals(Set.of("main"), again.snapshot().revealed());
        LogEntry last = again.log(1).get(0);
        assertEquals("presenter", last.who());
        assertEquals(4, last.to().slide());
        assertEquals(storedVersion + 1, last.to().version());
        assertEquals(0, Files.size(file()), "what SQLite has is gone from the journal");
    }

    @Test
    void after_a_change_that_was_not_stored_the_next_one_stores_what_the_room_has_seen() {
        director.apply(new Command.Load("gala"), null, "t");
        boolean[] broken = {false};
        director.onChange(s -> {
            if (!broken[0]) {
                broken[0] = true;
                db.inTransaction(c -> c.createStatement().execute("ALTER TABLE control_log RENAME TO control_log_away"));
            }
        });
        director.apply(new Command.Goto(4, 0), null, "t");   // the reveal, not stored
        db.inTransaction(c -> c.createStatement().execute("ALTER TABLE control_log_away RENAME TO control_log"));
        director.apply(new Command.Next(), null, "t");       // reveals nothing new
        LiveStateRepository stored = new LiveStateRepository(db);
        assertEquals(director.snapshot().state(), stored.load().orElseThrow());
        assertEquals(Set.of("main"), stored.revealed("gala"), "the reveal the failed change had is stored with the next");
    }

    @Test
    void the_journal_stays_short_while_the_show_runs_and_a_restart_resumes_exactly() throws Exception {
        director.apply(new Command.Load("gala"), null, "t");
        for (int i = 0; i < 1_500; i++) {
            director.apply(new Command.Blackout(i % 2 == 0), null, "t");
        }
        director.apply(new Command.Goto(5, 1), null, "t");
        long length = Files.size(file());
        assertTrue(length <= Journal.EMPTY_PAST + 1_000, "the journal was emptied on the way: " + length + " bytes");
        assertTrue(length > 0, "the last changes are in it");
        LiveState before = director.snapshot().state();
        assertEquals(before, restarted().snapshot().state());
    }

    @Test
    void a_clean_stop_leaves_the_journal_empty() throws Exception {
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Next(), null, "t");
        assertTrue(Files.size(file()) > 0);
        director.close();
        assertEquals(0, Files.size(file()), "a database put back from a backup is not moved on by what the journal had");
    }

    @Test
    void a_journal_line_the_database_never_got_is_resumed_from_and_one_cut_short_is_not() throws Exception {
        director.apply(new Command.Load("gala"), null, "t");
        LiveState at = director.snapshot().state();
        director.close();
        // As if the server was killed between its append and SQLite's commit, with a crash cutting a later line short.
        LiveState next = new LiveState("gala", 2, 0, false, false, false, at.version() + 1, Instant.parse("2026-05-01T18:00:00Z"));
        String line = text(Journal.line(new Journal.Entry(new LogEntry(Instant.now(), "phone", "next", "applied", at, next), null)));
        String cut = text(Journal.line(new Journal.Entry(new LogEntry(Instant.now(), "phone", "next", "applied", next,
                new LiveState("gala", 3, 0, false, false, false, at.version() + 2, next.startedAt())), null)));
        Files.writeString(file(), line + cut.substring(0, cut.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Database again = databases.open(data);
        Director resumed = new Director(again, new ShowRepository(again), Clock.systemUTC());
        assertEquals(next, resumed.snapshot().state());
        assertEquals(next, new LiveStateRepository(again).load().orElseThrow(), "and SQLite has it now");
    }
}
