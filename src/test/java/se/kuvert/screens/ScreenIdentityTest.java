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
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anyone on the venue Wi-Fi can post heartbeats and goodbyes; only a screen's own stream makes them count. */
class ScreenIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("display", "kiosk", "stage");
    private final Random random = new Random(11);
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

    private String health(String name) throws Exception {
        for (JsonNode s : screens()) {
            if (s.get("screen").asText().equals(name)) {
                return s.get("health").asText();
            }
        }
        return "absent";
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

    private int beat(String token, long version) {
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
            assertEquals(204, beat(token, t.app.director().snapshot().state().version()));
            assertEquals("green", health("main"));

            strangers();
            assertEquals("green", health("main"), "strangers' goodbyes and heartbeats did not touch it");
            assertEquals(1, screens().size());

            assertEquals(200, t.control("{\"action\":\"next\"}").statusCode());
            long version = t.app.director().snapshot().state().version();
            assertTrue(main.next().data().contains(String.valueOf(version)), "the big screen still gets every change");
            assertEquals(204, beat(token, version));
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
