package se.kuvert.screens;

import se.kuvert.GalaServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.display.Preload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screens over HTTP: a display's stream registers it by name, heartbeats report it, bad reports change nothing.
 * Anyone on the venue Wi-Fi can post heartbeats and goodbyes; only a screen's own stream makes them count.
 */
class ScreenReportsTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("display", "kiosk", "stage");
    private final Random random = new Random(11);
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

    private String health(String name) throws Exception {
        JsonNode s = screen(name);
        return s == null ? "absent" : s.get("health").asText();
    }

    private String token() {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    /** 500 heartbeats and goodbyes by strangers: random names of every kind, and `main` with no token or a made-up one. */
    private void strangers() {
        for (int i = 0; i < 500; i++) {
            String name = i % 2 == 0 ? "main" : "x" + random.nextInt(1_000_000);
            String kind = i % 2 == 0 ? "display" : KINDS.get(random.nextInt(KINDS.size()));
            String token = i % 3 == 0 ? "" : ",\"token\":\"" + token() + "\"";
            String who = "{\"screen\":\"" + name + "\",\"kind\":\"" + kind + "\"" + token;
            var r = i % 4 < 2
                    ? t.json("/screens/heartbeat", null, who + ",\"version\":" + random.nextInt(100) + ",\"preloaded\":9,\"media\":0,\"rtt\":3}")
                    : t.json("/screens/bye", null, who + "}");
            assertEquals(403, r.statusCode(), r.body());
        }
    }

    private int beatAsMain(String token, long version) {
        int media = Preload.of(t.app.director().snapshot().show()).size();
        return t.json("/screens/heartbeat", null, "{\"screen\":\"main\",\"kind\":\"display\",\"token\":\"" + token
                + "\",\"version\":" + version + ",\"preloaded\":" + media + ",\"media\":" + media + ",\"rtt\":5}").statusCode();
    }

    @Test
    void a_thousand_strangers_heartbeats_and_goodbyes_neither_lock_out_nor_fake_the_big_screen() throws Exception {
        strangers();
        assertEquals(0, screens().size(), "no stream, no screen: strangers' reports register nothing");
        try (SseRecorder main = new SseRecorder(t.http, t.url("/events/display?screen=main"), null)) {
            assertEquals(200, main.status());
            String stage = main.next().data();
            assertFalse(stage.contains("Something went wrong"), stage);
            assertTrue(stage.contains("data-build="), "the big screen gets the stage: " + stage);
            String token = main.token();
            assertEquals(204, beatAsMain(token, t.app.director().snapshot().state().version()));
            assertEquals("green", health("main"));

            strangers();
            assertEquals("green", health("main"), "strangers' goodbyes and heartbeats did not touch it");
            assertEquals(1, screens().size());

            assertEquals(200, t.control("{\"action\":\"next\"}").statusCode());
            long version = t.app.director().snapshot().state().version();
            assertTrue(main.next().data().contains(String.valueOf(version)), "the big screen still gets every change");
            assertEquals(204, beatAsMain(token, version));
            assertEquals("green", health("main"));
        }
        TestApp.await("main to be red once its stream closed", 20, () -> {
            try {
                return health("main").equals("red");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        strangers();
        assertEquals("red", health("main"), "no stream, and no stranger makes it green");
    }
}
