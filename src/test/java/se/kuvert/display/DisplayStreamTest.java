package se.kuvert.display;

import se.kuvert.GalaServerTest;
import org.junit.jupiter.api.Test;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayStreamTest extends GalaServerTest {
    private long version() {
        return t.app.director().snapshot().state().version();
    }

    @Test
    void a_display_gets_the_current_stage_on_connect_and_one_event_per_change() {
        try (SseRecorder sse = new SseRecorder(t.http, t.url("/events/display"), null)) {
            SseRecorder.Event first = sse.next();
            assertEquals("stage", first.name());
            assertTrue(first.data().contains("data-version=\"" + version() + "\""), first.data());
            for (int i = 0; i < 4; i++) {
                assertEquals(200, t.control("{\"action\":\"next\"}").statusCode());
                SseRecorder.Event e = sse.next();
                assertEquals("stage", e.name());
                assertTrue(e.data().contains("data-version=\"" + version() + "\""), "event " + i + ": " + e.data());
            }
        }
    }

    @Test
    void a_reconnecting_display_gets_the_state_it_missed_first() {
        try (SseRecorder sse = new SseRecorder(t.http, t.url("/events/display"), null)) {
            sse.next();
        }
        t.control("{\"action\":\"next\"}");
        t.control("{\"action\":\"blackout\",\"on\":true}");
        try (SseRecorder again = new SseRecorder(t.http, t.url("/events/display"), null)) {
            SseRecorder.Event first = again.next();
            assertTrue(first.data().contains("data-version=\"" + version() + "\""), first.data());
        }
    }

    @Test
    void the_presenter_stream_needs_a_login() throws Exception {
        try (SseRecorder sse = new SseRecorder(t.http, t.url("/events/presenter"), null)) {
            assertEquals(401, sse.status());
        }
    }

    @Test
    void the_display_page_is_served_with_the_current_stage() {
        var page = t.get("/display");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-version=\"" + version() + "\""));
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }
}
