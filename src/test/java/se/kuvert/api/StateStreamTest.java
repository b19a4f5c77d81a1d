package se.kuvert.api;

import se.kuvert.GalaServerTest;
import se.kuvert.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.TestShows;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /events/state} over real HTTP: what Companion and other tools read. */
class StateStreamTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SseRecorder stream() {
        return SseRecorder.withToken(t.http, t.url(StateStream.EVENTS), TestApp.TOKEN);
    }

    private static JsonNode json(SseRecorder.Event e) throws Exception {
        assertEquals(StateStream.EVENT, e.name());
        return JSON.readTree(e.data());
    }

    @Test
    void the_first_event_is_the_live_state_with_every_field_of_api_state() throws Exception {
        JsonNode api = JSON.readTree(t.get(ControlApi.STATE).body());
        try (SseRecorder s = stream()) {
            JsonNode first = json(s.next());
            for (Iterator<String> names = api.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertEquals(api.get(name), first.get(name), name);
            }
            assertEquals("Testgalan", first.get("title").asText());
            assertEquals("Testgalan", first.get("now").get("label").asText());
            assertEquals("Årets kommun", first.get("next").get("label").asText());
            assertEquals(10, first.get("rundown").size());
            assertEquals("award", first.get("rundown").get(1).get("kind").asText());
            assertTrue(first.get("rundown").get(4).get("reveals").asBoolean(), "the winner slide is marked as a reveal");
            assertTrue(first.get("shows").toString().contains("{\"id\":\"other\",\"title\":\"Andra galan\"}"),
                    "the shows a tool may load: " + first.get("shows"));
        }
    }

    /** The rundown is kept between changes (ToolState), but never past a reveal, a load or an edit it depends on. */
    @Test
    void the_rundown_follows_the_reveals_the_show_loaded_and_its_edits() throws Exception {
        try (SseRecorder s = stream()) {
            assertTrue(json(s.next()).get("rundown").get(4).get("reveals").asBoolean());
            t.control("{\"action\":\"next\"}");
            assertTrue(json(s.next()).get("rundown").get(4).get("reveals").asBoolean(), "kept while nothing it shows changed");
            t.control("{\"action\":\"goto\",\"slide\":4}");
            JsonNode revealed = json(s.next());
            assertFalse(revealed.get("rundown").get(4).get("reveals").asBoolean(), "the room has seen this winner: " + revealed.get("rundown"));
            t.control("{\"action\":\"load\",\"show\":\"other\"}");
            JsonNode other = json(s.next());
            assertEquals("other", other.get("show").asText());
            assertEquals(other.get("slides").asInt(), other.get("rundown").size());
            assertEquals("Annat pris", other.get("rundown").get(1).get("label").asText());
        }
    }

    @Test
    void every_command_sends_the_new_state_with_labels_steps_and_the_segment() throws Exception {
        try (SseRecorder s = stream()) {
            long v = json(s.next()).get("version").asLong();
            t.control("{\"action\":\"goto\",\"slide\":2,\"step\":1}");
            JsonNode nominees = json(s.next());
            assertEquals(v + 1, nominees.get("version").asLong());
            assertEquals(1, nominees.get("now").get("step").asInt());
            assertEquals(3, nominees.get("now").get("steps").asInt());
            assertEquals("Björkby kommun", nominees.get("now").get("detail").asText(), "a nominee's name is public");
            assertEquals("Årets kommun", nominees.get("award").asText());
            assertEquals(6, nominees.get("segment").get("minutes").asInt());
            assertTrue(nominees.get("segment").get("startedAt").asLong() > 0);
            assertTrue(nominees.get("startedAt").asLong() > 0, "the show started when it left the title");
            t.control("{\"action\":\"blackout\",\"on\":true}");
            assertTrue(json(s.next()).get("blackout").asBoolean());
        }
    }

    @Test
    void before_the_reveal_it_says_a_reveal_is_next_and_never_names_the_winner() throws Exception {
        t.control("{\"action\":\"goto\",\"slide\":3}");
        try (SseRecorder s = stream()) {
            SseRecorder.Event envelope = s.next();
            JsonNode state = json(envelope);
            assertEquals("envelope", state.get("kind").asText());
            assertTrue(state.get("nextReveals").asBoolean());
            assertFalse(envelope.data().contains(TestShows.CITATION), envelope.data());
            assertFalse(envelope.data().contains(TestShows.MOTIVATION_1), envelope.data());
            // The winner is also a nominee, so its name is in the rundown's nominees step only as a nominee, never as a label.
            for (JsonNode cue : state.get("rundown")) {
                assertFalse(cue.get("label").asText().contains(TestShows.WINNER_NAME), cue.toString());
            }
            assertFalse(state.get("next").toString().contains(TestShows.WINNER_NAME), state.get("next").toString());
            t.control("{\"action\":\"blackout\",\"on\":true}");
            SseRecorder.Event covered = s.next();
            assertFalse(covered.data().contains(TestShows.WINNER_NAME), covered.data());
        }
    }

    @Test
    void a_screen_connecting_changes_its_health_in_the_stream() throws Exception {
        try (SseRecorder s = stream()) {
            assertEquals(0, json(s.next()).get("screens").size());
            try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display?screen=main"), null)) {
                display.next();
                JsonNode withScreen = json(s.next());
                assertEquals("main", withScreen.get("screens").get(0).get("name").asText());
                assertEquals("display", withScreen.get("screens").get(0).get("kind").asText());
                assertEquals("amber", withScreen.get("screens").get(0).get("health").asText());
                assertEquals("starting", withScreen.get("screens").get(0).get("problem").asText());
            }
        }
    }

    @Test
    void without_the_token_or_a_presenter_session_it_is_401_and_with_a_session_it_streams() throws Exception {
        HttpResponse<String> none = t.get(StateStream.EVENTS);
        assertEquals(401, none.statusCode());
        HttpResponse<String> wrong = t.send(HttpRequest.newBuilder(URI.create(t.url(StateStream.EVENTS)))
                .header("Authorization", "Bearer wrong").build());
        assertEquals(401, wrong.statusCode());
        try (SseRecorder s = new SseRecorder(t.http, t.url(StateStream.EVENTS), t.presenterCookie())) {
            assertEquals("gala", json(s.next()).get("show").asText());
            assertEquals(200, s.status());
        }
    }
}
