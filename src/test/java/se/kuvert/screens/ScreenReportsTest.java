package se.kuvert.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.display.Preload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screens over HTTP: a display's stream registers it by name, heartbeats report it, bad reports change nothing. */
class ScreenReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;
    private TestApp t;

    @BeforeEach
    void start() {
        t = TestApp.start(data, "gala");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private JsonNode screens() throws Exception {
        var r = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/screens"))).header("Authorization", "Bearer " + TestApp.TOKEN).build());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("screens");
    }

    private JsonNode screen(String name) throws Exception {
        for (JsonNode s : screens()) {
            if (s.get("screen").asText().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private int beat(String body) {
        return t.json("/screens/heartbeat", null, body).statusCode();
    }

    @Test
    void a_display_registers_with_its_name_and_its_heartbeats_make_it_green() throws Exception {
        long version = t.app.director().snapshot().state().version();
        int media = Preload.of(t.app.director().snapshot().show()).size();
        try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display?screen=main"), null)) {
            display.next();
            String token = display.token();
            TestApp.await("main to register", 5, () -> t.app.screens().reports().stream().anyMatch(r -> r.name().equals("main")));
            assertEquals("display", screen("main").get("kind").asText());
            assertEquals("starting", screen("main").get("problem").asText(), "registered, but has not reported yet");
            assertEquals(204, beat("{\"screen\":\"main\",\"kind\":\"display\",\"token\":\"" + token + "\",\"version\":" + version + ",\"preloaded\":" + media
                    + ",\"media\":" + media + ",\"rtt\":14}"));
            JsonNode main = screen("main");
            assertEquals("green", main.get("health").asText(), main.toString());
            assertEquals(14, main.get("roundTripMillis").asInt());
            assertEquals(version, main.get("version").asLong());
            assertTrue(main.get("connected").asBoolean());
        }
    }

    @Test
    void a_screen_that_says_goodbye_turns_red_and_comes_back_when_it_reconnects() throws Exception {
        long version = t.app.director().snapshot().state().version();
        try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display?screen=foyer"), null)) {
            display.next();
            String foyer = "{\"screen\":\"foyer\",\"kind\":\"display\",\"token\":\"" + display.token() + "\"";
            assertEquals(204, beat(foyer + ",\"version\":" + version + ",\"preloaded\":0,\"media\":0}"));
            assertEquals("green", screen("foyer").get("health").asText());
            assertEquals(204, t.json("/screens/bye", null, foyer + "}").statusCode());
            assertEquals("red", screen("foyer").get("health").asText());
            assertEquals(204, beat(foyer + ",\"version\":" + version + ",\"preloaded\":0,\"media\":0}"));
            assertEquals("green", screen("foyer").get("health").asText());
        }
    }

    @Test
    void the_default_name_is_the_kind_and_stage_and_kiosk_streams_register_too() throws Exception {
        try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
             SseRecorder stage = new SseRecorder(t.http, t.url("/events/stage?screen=lectern&key=stage-key"), null);
             SseRecorder kiosk = new SseRecorder(t.http, t.url("/events/kiosk?screen=foyer"), null)) {
            display.next();
            stage.next();
            kiosk.next();
            TestApp.await("three screens", 5, () -> t.app.screens().reports().size() == 3);
            assertEquals("display", screen("display").get("kind").asText());
            assertEquals("stage", screen("lectern").get("kind").asText());
            assertEquals("kiosk", screen("foyer").get("kind").asText());
        }
    }

    @Test
    void bad_reports_are_refused_with_a_reason_and_store_nothing() throws Exception {
        assertEquals(400, beat("{\"screen\":\"<b>x</b>\",\"kind\":\"display\",\"version\":1,\"preloaded\":0,\"media\":0}"));
        assertEquals(400, beat("{\"screen\":\"main\",\"kind\":\"projector\",\"version\":1,\"preloaded\":0,\"media\":0}"));
        assertEquals(400, beat("{\"screen\":\"main\",\"kind\":\"display\",\"version\":\"1\",\"preloaded\":0,\"media\":0}"));
        assertEquals(400, beat("{\"screen\":\"main\",\"kind\":\"display\",\"version\":1,\"preloaded\":-3,\"media\":0}"));
        assertEquals(400, beat("not json"));
        var r = t.json("/screens/heartbeat", null, "[1,2]");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("JSON object"), r.body());
        assertEquals(0, screens().size());
        assertEquals(400, t.get("/display?screen=" + "Bad%20Name").statusCode());
        assertEquals(400, t.send(HttpRequest.newBuilder(URI.create(t.url("/events/display?screen=..%2Fx")))
                .header("Accept", "text/event-stream").build()).statusCode());
    }

    @Test
    void the_screen_list_is_for_the_crew_only() {
        assertEquals(401, t.get("/api/screens").statusCode());
        assertEquals(200, t.get("/api/screens", t.presenterCookie()).statusCode());
    }
}
