package se.kuvert.timing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.ManualClock;
import se.kuvert.TestApp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report over HTTP from a server whose clock only the test moves: a rehearsal, then the live show. */
class TimingClockTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void the_reports_durations_over_http_follow_the_servers_manual_clock() throws Exception {
        ManualClock clock = new ManualClock();
        try (TestApp t = TestApp.start(data, null, clock)) {
            command(t, "{\"action\":\"load\",\"show\":\"gala\",\"rehearsal\":true}");
            clock.advance(Duration.ofSeconds(45));
            command(t, "{\"action\":\"next\"}");
            clock.advance(Duration.ofMinutes(4));
            command(t, "{\"action\":\"blackout\",\"on\":true}");
            clock.advance(Duration.ofSeconds(30));
            command(t, "{\"action\":\"goto\",\"slide\":4,\"step\":0}");   // still under the blackout
            clock.advance(Duration.ofMinutes(2));
            command(t, "{\"action\":\"load\",\"show\":\"gala\"}");
            clock.advance(Duration.ofSeconds(20));
            command(t, "{\"action\":\"next\"}");
            clock.advance(Duration.ofMinutes(5));

            JsonNode runs = JSON.readTree(get(t, TimingController.API)).get("runs");
            assertEquals(2, runs.size());
            JsonNode live = runs.get(0);
            JsonNode rehearsal = runs.get(1);
            assertTrue(rehearsal.get("rehearsal").asBoolean());
            assertEquals("2026-05-02T18:00:00Z", rehearsal.get("started").asText());
            assertEquals("2026-05-02T18:07:15Z", rehearsal.get("ended").asText());
            assertEquals(Map.of("plannedSeconds", 360.0, "actualSeconds", 390.0, "overrunSeconds", 30.0, "durationSeconds", 435.0),
                    JSON.convertValue(rehearsal.get("totals"), Map.class));
            JsonNode winner = rehearsal.get("slides").get(2);
            assertEquals(4, winner.get("index").asInt());
            assertEquals(120.0, winner.get("seconds").asDouble());
            assertEquals(120.0, winner.get("coveredSeconds").asDouble());
            assertEquals(30.0, rehearsal.get("slides").get(1).get("coveredSeconds").asDouble());

            assertEquals("2026-05-02T18:07:15Z", live.get("started").asText());
            assertTrue(live.get("ended").isNull());
            assertEquals(320.0, live.get("totals").get("durationSeconds").asDouble());
            assertEquals(-60.0, live.get("segments").get(0).get("overrunSeconds").asDouble());

            List<Map<String, String>> csv = TimingApiTest.parse(get(t, TimingController.CSV + "?run=" + rehearsal.get("id").asText()));
            Map<String, String> total = csv.stream().filter(r -> r.get("row").equals("total")).findFirst().orElseThrow();
            assertEquals("360", total.get("planned_seconds"));
            assertEquals("390", total.get("actual_seconds"));
            assertEquals("30", total.get("overrun_seconds"));
        }
    }

    private static void command(TestApp t, String json) {
        assertEquals(200, t.control(json).statusCode(), json);
    }

    private static String get(TestApp t, String path) {
        return t.send(HttpRequest.newBuilder(URI.create(t.url(path))).header("Authorization", "Bearer " + TestApp.TOKEN).GET().build()).body();
    }
}
