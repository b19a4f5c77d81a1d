package se.kuvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.live.LogEntry;
import se.kuvert.timing.TimingController;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen that counts time from a change counts it from the change's own moment, the one in the control log:
 * the tools' segment, the stage monitor's and the operator console's countdowns, the show's start and the timing
 * report's run, however far the clock moves while the change is told and stored (here a millisecond at every reading:
 * a screen that read it for itself would count from a moment of its own).
 */
class OneMomentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_screens_and_the_timing_count_a_change_from_the_moment_in_the_control_log(@TempDir Path data) throws Exception {
        try (TestApp app = TestApp.start(data, null, ManualClock.ticking(Duration.ofMillis(1)));
             SseRecorder tools = SseRecorder.withToken(app.http, app.url("/events/state"), TestApp.TOKEN);
             SseRecorder stage = new SseRecorder(app.http, app.url("/events/stage"), app.presenterCookie());
             SseRecorder console = new SseRecorder(app.http, app.url("/events/operator"), app.presenterCookie())) {
            tools.next();
            stage.next();
            console.next();
            assertEquals(200, app.control("{\"action\":\"load\",\"show\":\"gala\"}").statusCode());
            LogEntry load = app.app.director().log(1).get(0);
            assertEquals(200, app.control("{\"action\":\"next\"}").statusCode());   // onto the first award: its segment starts
            LogEntry next = app.app.director().log(1).get(0);
            assertEquals("next", next.action());
            String millis = Long.toString(next.at().toEpochMilli());

            JsonNode state = until(tools, next.to().version());
            assertEquals(millis, state.get("segment").get("startedAt").asText(), "the tools: " + state.get("segment"));
            assertEquals(next.at(), app.app.director().snapshot().state().startedAt(), "the show's start");
            String started = "data-segment-started=\"" + millis + "\"";
            assertTrue(until(stage, "data-segment-minutes=\"6\"").contains(started), "the stage monitor's countdown");
            assertTrue(until(console, "data-segment-minutes=\"6\"").contains(started), "the operator console's countdown");

            JsonNode run = JSON.readTree(app.send(HttpRequest.newBuilder(URI.create(app.url(TimingController.API)))
                    .header("Authorization", "Bearer " + TestApp.TOKEN).GET().build()).body()).get("runs").get(0);
            assertEquals(load.at().toString(), run.get("started").asText(), "the timing report's run: " + run);
            assertEquals((next.at().toEpochMilli() - load.at().toEpochMilli()) / 1000.0,
                    run.get("slides").get(0).get("seconds").asDouble(), "the title's time, until Next: " + run.get("slides"));
        }
    }

    /** The tools' state of {@code version}, after those before it. */
    private static JsonNode until(SseRecorder tools, long version) throws Exception {
        while (true) {
            JsonNode state = JSON.readTree(tools.next().data());
            if (state.get("version").asLong() == version) {
                return state;
            }
        }
    }

    /** The first event that has {@code text} in it. */
    private static String until(SseRecorder stream, String text) {
        while (true) {
            String data = stream.next().data();
            if (data.contains(text)) {
                return data;
            }
        }
    }
}
