package se.kuvert.content;

import org.junit.jupiter.api.extension.RegisterExtension;
import se.kuvert.OpenDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.TestShows;
import se.kuvert.db.Database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The list of shows is kept between changes (every change tells it to the tools), and is never older than the shows. */
class ShowListTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    @TempDir
    Path data;

    private static List<String> ids(ShowRepository shows) {
        return shows.list().stream().map(ShowRepository.Summary::id).toList();
    }

    @Test
    void a_show_saved_or_deleted_here_is_listed_or_gone_at_once() {
        ShowRepository shows = new ShowRepository(databases.open(data));
        assertEquals(List.of(), ids(shows));
        shows.save(TestShows.gala(), "test");
        assertEquals(List.of(TestShows.gala().id()), ids(shows));
        shows.delete(TestShows.gala().id());
        assertEquals(List.of(), ids(shows));
    }

    /** The database notices another connection's commit when it checkpoints (every 2 s; here every 50 ms). */
    @Test
    void a_show_imported_over_another_connection_is_listed_once_the_database_notices_the_commit() {
        Database db = databases.open(data, Duration.ofMillis(50));
        ShowRepository server = new ShowRepository(db);
        assertEquals(List.of(), ids(server));
        long before = db.commitsElsewhere();
        // as `java -jar kuvert.jar import` does while the server runs: its own connection to the same file
        new ShowRepository(databases.open(data)).save(TestShows.gala(), "command line");
        TestApp.await("the database notices the other connection's commit", 10, () -> db.commitsElsewhere() != before);
        assertEquals(List.of(TestShows.gala().id()), ids(server));
    }

    @Test
    void a_list_read_inside_a_write_that_failed_is_not_kept() {
        Database db = databases.open(data);
        ShowRepository shows = new ShowRepository(db);
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            shows.save(TestShows.gala(), "test");
            assertEquals(List.of(TestShows.gala().id()), ids(shows), "inside the write, the write is seen");
            throw new IllegalStateException("the rest of the unit of work failed");
        }));
        assertEquals(List.of(), ids(shows));
    }
}
