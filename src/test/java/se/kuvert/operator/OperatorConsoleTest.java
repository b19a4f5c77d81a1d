package se.kuvert.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SealedWinnerTest;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator console's page and stream over real HTTP. */
class OperatorConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void strangers_get_401_and_presenters_and_admins_get_the_console() {
        try (TestApp t = TestApp.start(data, "gala")) {
            assertEquals(401, t.get("/operator").statusCode());
            assertFalse(t.get("/operator").body().contains("console-content"));
            try (SseRecorder stranger = new SseRecorder(t.http, t.url("/events/operator"), null)) {
                assertEquals(401, stranger.status());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            var presenter = t.get("/operator", t.presenterCookie());
            assertEquals(200, presenter.statusCode());
            assertTrue(presenter.body().contains("id=\"console-content\""));
            assertEquals(200, t.get("/operator", t.adminCookie()).statusCode());
        }
    }

    @Test
    void with_no_show_loaded_the_console_waits_for_one() {
        try (TestApp t = TestApp.start(data, null)) {
            var page = t.get("/operator", t.presenterCookie());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("kind-idle"), "the program is the big screen's idle stage");
        }
    }

    @Test
    void the_console_stream_is_no_screen_of_the_readiness_report() throws Exception {
        try (TestApp t = TestApp.start(data, "gala");
             SseRecorder console = new SseRecorder(t.http, t.url("/events/operator"), t.presenterCookie())) {
            assertTrue(console.next().data().contains("id=\"console-content\""));
            assertTrue(t.app.screens().reports().isEmpty(), "no screen registered: " + t.app.screens().reports());
        }
    }

    @Test
    void the_console_follows_every_move_with_the_control_log_and_says_who_holds_the_lock() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            String cookie = t.presenterCookie();
            try (SseRecorder console = new SseRecorder(t.http, t.url("/events/operator"), cookie)) {
                console.next();
                t.control("{\"action\":\"next\"}");
                String moved = console.next().data();
                assertTrue(moved.contains("data-version=\"" + t.app.director().snapshot().state().version() + "\""));
                assertTrue(moved.contains("<span class=\"what\">next</span>"), "the log shows the move");
                assertTrue(moved.contains("api-token"), "and who made it");
                t.json("/api/control", cookie, "{\"action\":\"lock\",\"on\":true}");
                String locked = console.next().data();
                String session = t.get("/operator", cookie).body().replaceAll("(?s).*data-session=\"([0-9a-f]+)\".*", "$1");
                assertTrue(locked.contains("data-lock-session=\"" + session + "\""), "the console knows its own lock");
            }
        }
    }

    @Test
    void the_control_log_names_the_console_that_has_control_and_not_only_its_session() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            String cookie = t.presenterCookie();
            t.json("/api/control", cookie, "{\"action\":\"lock\",\"on\":true,\"name\":\"Anna\"}");
            t.json("/api/control", cookie, "{\"action\":\"next\"}");
            String log = t.get("/operator", cookie).body().replaceAll("(?s).*(<ol[^>]*id=\"log\".*?</ol>).*", "$1");
            assertTrue(log.replaceAll("\\s+", " ").contains("<span class=\"who\">Operatörskonsolen (Anna)</span> <span class=\"what\">next</span>"), log);
        }
    }

    @Test
    void a_jump_asks_first_onto_the_winner_and_the_motivation_on_console_and_phone_until_the_room_has_seen_that_winner() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            String cookie = t.presenterCookie();
            RunOfShow run = t.app.director().snapshot().run();
            int winner = -1;
            int motivation = -1;
            for (int i = 0; i < run.size(); i++) {
                if (run.slide(i) instanceof Slide.Winner) {
                    winner = i;
                } else if (run.slide(i) instanceof Slide.Motivation) {
                    motivation = i;
                }
            }
            for (int slide : new int[] {winner, motivation}) {
                assertEquals("true", consoleReveals(t, cookie, slide), "the console asks before slide " + slide);
                assertEquals("true", phoneReveals(t, cookie, slide), "the phone asks before slide " + slide);
            }
            t.control("{\"action\":\"goto\",\"slide\":" + winner + "}");
            for (int slide : new int[] {winner, motivation}) {
                assertEquals("false", consoleReveals(t, cookie, slide), "seen: the console jumps back to slide " + slide + " at once");
                assertEquals("false", phoneReveals(t, cookie, slide), "seen: the phone jumps back to slide " + slide + " at once");
            }
        }
    }

    /** Whether the console's rundown button of that slide asks before the jump (a false attribute is left out). */
    private static String consoleReveals(TestApp t, String cookie, int slide) {
        return reveals(t.get("/operator", cookie).body(), "class=\"slide-button\" data-action=\"goto\" data-slide=\"" + slide + "\" data-step=\"0\"");
    }

    private static String phoneReveals(TestApp t, String cookie, int slide) {
        return reveals(t.get("/presenter", cookie).body(), "data-action=\"goto\" data-slide=\"" + slide + "\"");
    }

    private static String reveals(String html, String button) {
        int at = html.indexOf(button);
        assertTrue(at >= 0, "the rundown has " + button);
        String tag = html.substring(at, html.indexOf('>', at));
        return String.valueOf(tag.contains("data-reveals=\"true\""));
    }

    @Test
    void the_gala_stays_sealed_on_the_console_until_its_reveal() throws Exception {
        walk("gala");
    }

    @Test
    void the_2021_demo_ceremony_stays_sealed_on_the_console_until_its_reveal() throws Exception {
        walk("digitaliseringskommun-2021");
    }

    @Test
    void the_2017_demo_ceremony_stays_sealed_on_the_console_until_its_reveal() throws Exception {
        walk("digitaliseringskommun-2017");
    }

    /**
     * Walks the show with the API token while a presenter's console listens: before each award's reveal, neither the
     * stream nor the page carries its sealed texts or a winner slide, and the step before it is the sealed box
     * naming the award.
     */
    private void walk(String showId) throws Exception {
        try (TestApp t = TestApp.start(data, showId)) {
            Show show = t.app.shows().find(showId).orElseThrow();
            RunOfShow run = RunOfShow.of(show);
            String cookie = t.presenterCookie();
            try (SseRecorder console = new SseRecorder(t.http, t.url("/events/operator"), cookie)) {
                Set<String> revealed = new HashSet<>();
                int sealedBoxes = 0;
                while (true) {
                    var state = JSON.readTree(t.get("/api/state").body());
                    Slide slide = run.slide(state.get("slide").asInt());
                    if (slide instanceof Slide.Winner w) {
                        revealed.add(w.award().id());
                    }
                    String event = console.next().data();
                    String page = t.get("/operator", cookie).body();
                    String where = showId + " " + state.get("slide") + "." + state.get("step");
                    for (Award award : show.awards()) {
                        if (revealed.contains(award.id())) {
                            continue;
                        }
                        for (String sealed : SealedWinnerTest.sealedTexts(award)) {
                            assertFalse(event.contains(sealed), where + ": the console stream leaks " + sealed);
                            assertFalse(page.contains(sealed), where + ": /operator leaks " + sealed);
                        }
                    }
                    if (t.app.director().snapshot().nextRevealsWinner()
                            && !revealed.contains(t.app.director().snapshot().nextSlide().award().id())) {
                        Award next = t.app.director().snapshot().nextSlide().award();
                        assertTrue(event.contains("data-sealed=\"true\""), where + ": the preview is the sealed box");
                        assertTrue(event.contains("<p class=\"sealed-award\">" + escape(next.name()) + "</p>"), where + ": naming the award");
                        assertFalse(event.contains("data-kind=\"winner\""), where + ": no winner slide in the preview");
                        sealedBoxes++;
                    }
                    long version = state.get("version").asLong();
                    var r = JSON.readTree(t.control("{\"action\":\"next\",\"ifVersion\":" + version + "}").body());
                    if (r.get("version").asLong() == version) {
                        break;
                    }
                }
                assertEquals(show.awards().stream().filter(a -> a.winner() != null).count(), sealedBoxes, "one sealed box per award");
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }
}
