package se.kuvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.content.Award;
import se.kuvert.display.DisplayController;
import se.kuvert.live.Snapshot;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.web.Views;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens' events rendered ahead ({@link se.kuvert.web.Ahead}): for every change each stream sends what it
 * renders for that change, whether it was foreseen (Next, Back) or not (a blackout), and an event rendered ahead goes
 * to nobody before its change comes, a winner's least of all.
 */
class RenderAheadTest extends GalaServerTest {
    private final Views views = new Views();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_stream_sends_for_each_change_what_it_renders_for_it_foreseen_or_not() throws Exception {
        try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
             SseRecorder presenter = new SseRecorder(t.http, t.url("/events/presenter"), t.presenterCookie());
             SseRecorder stage = new SseRecorder(t.http, t.url("/events/stage?key=stage-key"), null);
             SseRecorder tools = SseRecorder.withToken(t.http, t.url("/events/state"), TestApp.TOKEN)) {
            for (SseRecorder stream : List.of(display, presenter, stage, tools)) {
                stream.next();   // the current event, sent on connect
            }
            List<String> walked = new ArrayList<>();
            // Two steps forward and one back, all the way, with a blackout on and off at the third place.
            for (int i = 0; walked.size() < 200; i++) {
                String action = i == 6 ? "{\"action\":\"blackout\",\"on\":true}" : i == 7 ? "{\"action\":\"blackout\",\"on\":false}"
                        : i % 3 == 2 ? "{\"action\":\"prev\"}" : "{\"action\":\"next\"}";
                t.app.director().renderAhead();   // what the server does once the show stands still, done now
                long before = version();
                assertEquals(200, t.control(action).statusCode());
                if (version() == before) {
                    break;   // the end of the show
                }
                Snapshot now = t.app.director().snapshot();
                String where = action + " to slide " + now.state().slide() + " step " + now.state().step();
                walked.add(where);
                String stageHtml = DisplayController.stage(views, PublicSnapshot.of(now));
                assertTrue(display.next().data().endsWith(stageHtml), where + ": the display's event is the stage rendered for it");
                String monitor = stage.next().data();
                assertFalse(monitor.contains(se.kuvert.live.Segment.OPEN_START_WRITTEN), where + ": an open start on the stage monitor");
                assertTrue(monitor.contains("data-version=\"" + now.state().version() + "\"") && monitor.contains(stageHtml),
                        where + ": the stage monitor's event is its render for it");
                assertTrue(presenter.next().data().contains("data-version=\"" + now.state().version() + "\""), where + ": the phone's panel");
                JsonNode state = toolState(tools, now.state().version());
                assertFalse(state.toString().contains(se.kuvert.live.Segment.OPEN_START_WRITTEN), where + ": an open start in the tools' state");
                assertEquals(now.state().slide(), state.get("slide").asInt(), where + ": the tools' slide");
                assertEquals(now.state().step(), state.get("step").asInt(), where + ": the tools' step");
                assertEquals(now.state().blackout(), state.get("blackout").asBoolean(), where + ": the tools' blackout");
            }
            assertTrue(walked.size() > 30, "walked the whole show forth and back: " + walked);
        }
    }

    @Test
    void a_winner_rendered_ahead_goes_to_no_screen_before_its_reveal() throws Exception {
        Award award = t.app.shows().find("gala").orElseThrow().awards().get(0);
        String winner = SealedWinnerTest.escape(award.winningNominee().orElseThrow().name());
        // The winner is one of the nominees, named on their slides: what gives them away is the winner's slide and its texts.
        List<String> sealed = new ArrayList<>(SealedWinnerTest.sealedTexts(award));
        sealed.add("data-kind=\"winner\"");
        try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
             SseRecorder stage = new SseRecorder(t.http, t.url("/events/stage?key=stage-key"), null)) {
            display.next();
            stage.next();
            // To the envelope: the next Next reveals the winner.
            while (!t.app.director().snapshot().nextRevealsWinner()) {
                t.control("{\"action\":\"next\"}");
                display.next();
                stage.next();
            }
            t.app.director().renderAhead();   // renders the winner's slide ahead, for Next
            // Not the change foreseen: the first event after it is its own, and names nobody.
            t.control("{\"action\":\"blackout\",\"on\":true}");
            String covered = display.next().data();
            assertTrue(covered.contains("data-version=\"" + version() + "\""), "the blackout's own event comes first");
            assertSealed(sealed, covered, "the blackout");
            assertSealed(sealed, stage.next().data(), "the stage monitor under the blackout");
            t.control("{\"action\":\"blackout\",\"on\":false}");
            assertSealed(sealed, display.next().data(), "back to the envelope");
            assertSealed(sealed, stage.next().data(), "the stage monitor back at the envelope");
            t.app.director().renderAhead();
            t.control("{\"action\":\"next\"}");
            String revealed = display.next().data();
            assertTrue(revealed.contains("data-version=\"" + version() + "\"") && revealed.contains("data-kind=\"winner\"")
                    && revealed.contains(winner), "the reveal names the winner, in its own event");
            for (SseRecorder.Event e : display.taken().subList(0, display.taken().size() - 1)) {
                assertSealed(sealed, e.data(), "the display before the reveal");
            }
        }
    }

    /**
     * Next from the title starts the award's segment at its own moment; its events, rendered ahead while the show
     * stood still, have the moment written in when the change comes, not the one they were rendered at.
     */
    @Test
    void a_segment_started_by_a_change_rendered_ahead_starts_at_that_change(@org.junit.jupiter.api.io.TempDir java.nio.file.Path other)
            throws Exception {
        ManualClock clock = new ManualClock();
        try (TestApp app = TestApp.start(other, "gala", clock);
             SseRecorder tools = SseRecorder.withToken(app.http, app.url("/events/state"), TestApp.TOKEN);
             SseRecorder stage = new SseRecorder(app.http, app.url("/events/stage"), app.presenterCookie())) {
            tools.next();
            stage.next();
            app.control("{\"action\":\"next\"}");   // the show starts
            long started = app.app.director().snapshot().state().version();
            app.control("{\"action\":\"prev\"}");   // back at the title: no segment
            assertTrue(toolState(tools, started).get("segment").isObject());
            assertTrue(toolState(tools, started + 1).get("segment").isNull());
            stage.next();
            stage.next();
            app.app.director().renderAhead();   // Next's events, with its segment
            clock.advance(java.time.Duration.ofSeconds(90));
            app.control("{\"action\":\"next\"}");
            String millis = Long.toString(clock.instant().toEpochMilli());
            JsonNode award = toolState(tools, started + 2);
            assertEquals(millis, award.get("segment").get("startedAt").asText(), "the tools: " + award.get("segment"));
            assertEquals(6, award.get("segment").get("minutes").asInt());
            assertEquals("Årets kommun", award.get("segment").get("award").asText());
            String monitor = stage.next().data();
            assertTrue(monitor.contains("data-segment-started=\"" + millis + "\"") && monitor.contains("data-segment-minutes=\"6\""),
                    "the stage monitor's countdown starts with the change: " + monitor.substring(0, Math.min(900, monitor.length())));
            assertFalse(monitor.contains(se.kuvert.live.Segment.OPEN_START_WRITTEN), "no open start is ever sent");
        }
    }

    private static void assertSealed(List<String> sealed, String event, String what) {
        for (String text : sealed) {
            assertFalse(event.contains(text), what + " gives the winner away: " + text);
        }
    }

    private long version() {
        return t.app.director().snapshot().state().version();
    }

    /** The tools' event of {@code version}, after any of the screens' health that came before it. */
    private JsonNode toolState(SseRecorder tools, long version) throws Exception {
        while (true) {
            JsonNode state = json.readTree(tools.next().data());
            if (state.get("version").asLong() == version) {
                return state;
            }
            assertTrue(state.get("version").asLong() < version, "no event from ahead of the show: " + state);
        }
    }
}
