package se.kuvert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.live.LiveState;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The build's archive run sends a night's first requests (pom.xml, class-data-archive): each must be answered, or the
 * archive silently stops holding its classes and the first start of the night is slower again; and its two commands
 * leave the show where it was.
 */
class ArchiveRunTest {

    @Test
    void every_first_request_is_answered_and_the_show_stays_where_it_was(@TempDir Path data) {
        try (TestApp t = TestApp.start(data, "gala")) {
            LiveState before = t.app.director().snapshot().state();

            List<String> problems = ArchiveRun.firstRequests(t.app.port(), TestApp.TOKEN);

            assertEquals(List.of(), problems);
            LiveState after = t.app.director().snapshot().state();
            assertEquals(List.of(before.showId(), before.slide(), before.step()), List.of(after.showId(), after.slide(), after.step()));
            assertEquals(before.version() + 2, after.version(), "next and prev, each a change");
        }
    }

    @Test
    void a_request_refused_is_named(@TempDir Path data) {
        try (TestApp t = TestApp.start(data, "gala")) {
            List<String> problems = ArchiveRun.firstRequests(t.app.port(), "not-the-token");

            assertEquals(List.of("POST /api/control HTTP/1.1: answered HTTP/1.1 401 Unauthorized",
                    "POST /api/control HTTP/1.1: answered HTTP/1.1 401 Unauthorized"), problems);
        }
    }
}
