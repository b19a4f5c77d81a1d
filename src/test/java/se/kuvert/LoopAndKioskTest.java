package se.kuvert;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.live.Command;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attract loop and the foyer kiosk show the show's own content, and a winner only once the room has seen it
 * on the live screen: not before, not under a blackout, not after the show was loaded afresh.
 */
class LoopAndKioskTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gala's winner slide (title, award, nominees, envelope, winner, …). */
    private static final int WINNER_SLIDE = 4;

    @TempDir
    Path data;

    private static void assertSealed(String html, String where) {
        assertFalse(html.contains(TestShows.CITATION), where + " shows the citation");
        assertFalse(html.contains(TestShows.MOTIVATION_1), where + " shows the motivation");
        assertFalse(html.contains("data-frame-kind=\"winner\""), where + " has a winner frame");
        assertFalse(html.contains("k-winner"), where + " names a winner");
    }

    private static String loopOn(TestApp t) throws Exception {
        var r = t.control("{\"action\":\"loop\",\"on\":true}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("loop").asBoolean());
        return t.get("/display").body();
    }

    @Test
    void before_the_reveal_the_loop_and_the_kiosk_show_nominees_but_no_winner() throws Exception {
        try (TestApp t = TestApp.start(data, "gala");
             SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
             SseRecorder kiosk = new SseRecorder(t.http, t.url("/events/kiosk"), null)) {
            display.next();
            kiosk.next();
            String page = loopOn(t);
            String loop = display.next().data();
            assertTrue(loop.contains("kind-loop"), "the big screen runs the loop");
            assertTrue(loop.contains("data-frame-kind=\"title\"") && loop.contains("data-frame-kind=\"nominees\"")
                    && loop.contains("data-frame-kind=\"partners\""), loop);
            assertTrue(loop.contains("Alby kommun") && loop.contains("Nominerad för mod"), "every nominee is in the loop");
            assertSealed(loop, "the loop");
            assertSealed(page, "/display in loop mode");
            assertSealed(kiosk.next().data(), "the kiosk stream");
            String kioskPage = t.get("/kiosk").body();
            assertTrue(kioskPage.contains("Årets kommun") && kioskPage.contains("Alby kommun"));
            assertSealed(kioskPage, "/kiosk");
        }
    }

    @Test
    void once_the_room_has_seen_the_winner_the_loop_and_the_kiosk_show_it() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            assertEquals(200, t.control("{\"action\":\"goto\",\"slide\":" + WINNER_SLIDE + "}").statusCode());
            assertEquals(200, t.control("{\"action\":\"next\"}").statusCode());   // the motivation
            String loop = loopOn(t);
            assertTrue(loop.contains("data-frame-kind=\"winner\""), "the revealed winner joins the loop");
            assertTrue(loop.contains(TestShows.CITATION));
            String kiosk = t.get("/kiosk").body();
            assertTrue(kiosk.contains("k-winner") && kiosk.contains(TestShows.MOTIVATION_1), "the kiosk shows the winner and motivation");
        }
    }

    @Test
    void a_winner_slide_under_a_blackout_reveals_nothing_until_the_blackout_lifts() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            t.control("{\"action\":\"blackout\",\"on\":true}");
            t.control("{\"action\":\"goto\",\"slide\":" + WINNER_SLIDE + "}");
            assertTrue(t.app.director().snapshot().state().blackout(), "goto keeps the blackout");
            assertTrue(t.app.director().snapshot().revealed().isEmpty());
            assertSealed(t.get("/kiosk").body(), "/kiosk while the winner slide is blacked out");
            t.control("{\"action\":\"blackout\",\"on\":false}");
            assertEquals(java.util.Set.of("main"), t.app.director().snapshot().revealed());
            assertTrue(t.get("/kiosk").body().contains("k-winner"));
        }
    }

    @Test
    void reveals_survive_a_restart_and_loading_the_show_again_starts_afresh() throws Exception {
        TestApp first = TestApp.start(data, "gala");
        first.control("{\"action\":\"goto\",\"slide\":" + WINNER_SLIDE + "}");
        first.close();
        try (TestApp t = TestApp.restart(first.settings)) {
            assertTrue(loopOn(t).contains("data-frame-kind=\"winner\""), "after a restart the revealed winner is still revealed");
            t.app.director().apply(new Command.Load("gala"), null, "test");
            assertSealed(loopOn(t), "the loop after loading the show again (a rehearsal's reveals are forgotten)");
        }
    }

    @Test
    void the_first_tap_from_the_phone_ends_the_loop_without_moving_the_show() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            t.control("{\"action\":\"goto\",\"slide\":2,\"step\":1}");
            loopOn(t);
            var r = JSON.readTree(t.json("/api/control", t.presenterCookie(), "{\"action\":\"next\"}").body());
            assertFalse(r.get("loop").asBoolean(), "the loop stops");
            assertEquals(2, r.get("slide").asInt());
            assertEquals(1, r.get("step").asInt(), "and the audience sees the live slide where it was");
            assertFalse(t.get("/display").body().contains("kind-loop"));
            loopOn(t);
            r = JSON.readTree(t.control("{\"action\":\"blackout\",\"on\":true}").body());
            assertFalse(r.get("loop").asBoolean());
            assertTrue(r.get("blackout").asBoolean());
            r = JSON.readTree(t.control("{\"action\":\"loop\"}").body());
            assertTrue(r.get("loop").asBoolean(), "loop without 'on' toggles");
            assertFalse(r.get("blackout").asBoolean(), "the loop lifts a blackout, or nobody would see it");
        }
    }

    @Test
    void the_loop_needs_a_show_and_a_proper_switch() throws Exception {
        try (TestApp t = TestApp.start(data, null)) {
            var r = t.control("{\"action\":\"loop\",\"on\":true}");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("no show is loaded"), r.body());
            r = t.control("{\"action\":\"loop\",\"on\":\"yes\"}");
            assertEquals(400, r.statusCode());
            assertFalse(t.app.director().snapshot().state().loop());
        }
    }

    @Test
    void the_stage_monitor_opens_with_a_presenter_login_or_the_stage_key_and_keeps_the_next_winner_sealed() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            assertEquals(401, t.get("/stage").statusCode());
            assertEquals(401, t.get("/stage?key=wrong").statusCode());
            String watched = t.get("/stage?key=stage-key").body();
            assertTrue(watched.contains("id=\"monitor-content\"") && !watched.contains("data-control=\"true\""),
                    "the key lets you watch, not steer");
            assertTrue(t.get("/stage", t.presenterCookie()).body().contains("data-control=\"true\""));
            t.control("{\"action\":\"goto\",\"slide\":3}");   // the envelope: the winner is next
            String envelope = t.get("/stage?key=stage-key").body();
            assertTrue(envelope.contains(se.kuvert.content.Texts.of("sv").get("ui.winnerSealed")), "the next box says only that the winner is sealed");
            assertFalse(envelope.contains(TestShows.CITATION));
            assertFalse(envelope.contains("winner-name"));
            t.control("{\"action\":\"next\"}");
            String winner = t.get("/stage?key=stage-key").body();
            assertTrue(winner.contains("winner-name") && winner.contains(TestShows.CITATION), "now the winner is on screen");
            assertTrue(winner.contains(TestShows.MOTIVATION_1), "and the next box shows the motivation's first paragraph");
        }
    }
}
