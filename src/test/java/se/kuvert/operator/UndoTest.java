package se.kuvert.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.GalaServerTest;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undo over the control API: back to the exact place before the last move, versioned like every command. */
class UndoTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode ok(String body) throws Exception {
        HttpResponse<String> r = t.control(body);
        assertEquals(200, r.statusCode(), body + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode state() throws Exception {
        return JSON.readTree(t.get("/api/state").body());
    }

    /** Where the show is, without the version: slide, step and the overlays. */
    private static String place(JsonNode s) {
        return s.get("slide") + "." + s.get("step") + " blackout=" + s.get("blackout") + " logo=" + s.get("logo") + " loop=" + s.get("loop");
    }

    @Test
    void undo_restores_the_exact_previous_position_with_its_blackout_and_logo() throws Exception {
        ok("{\"action\":\"goto\",\"slide\":2,\"step\":1}");
        ok("{\"action\":\"logo\",\"on\":true}");
        JsonNode before = state();
        ok("{\"action\":\"next\"}");
        ok("{\"action\":\"blackout\",\"on\":true}");
        JsonNode blackedOut = state();
        assertEquals("2.2 blackout=true logo=true loop=false", place(blackedOut));

        JsonNode undone = ok("{\"action\":\"undo\",\"ifVersion\":" + blackedOut.get("version") + "}");
        assertEquals("2.2 blackout=false logo=true loop=false", place(undone));
        assertEquals(blackedOut.get("version").asLong() + 1, undone.get("version").asLong(), "undo is a change: version + 1");
        JsonNode twice = ok("{\"action\":\"undo\"}");
        assertEquals(place(before), place(twice), "two undos: back where the show was before Next");
        assertEquals(place(twice), place(state()));
        ok("{\"action\":\"undo\"}");
        assertEquals("2.1 blackout=false logo=false loop=false", place(state()));
        ok("{\"action\":\"loop\",\"on\":true}");
        ok("{\"action\":\"next\"}");
        assertEquals("2.1 blackout=false logo=false loop=false", place(state()), "Next out of the loop only brings the slide back");
        assertEquals("2.1 blackout=false logo=false loop=true", place(ok("{\"action\":\"undo\"}")), "undo brings the loop back");
    }

    @Test
    void undo_with_a_stale_version_is_refused_and_changes_nothing() throws Exception {
        JsonNode first = ok("{\"action\":\"next\"}");
        ok("{\"action\":\"next\"}");
        String before = t.get("/api/state").body();
        HttpResponse<String> stale = t.control("{\"action\":\"undo\",\"ifVersion\":" + first.get("version") + "}");
        assertEquals(409, stale.statusCode());
        assertEquals(before, t.get("/api/state").body());
        assertEquals(1, ok("{\"action\":\"undo\"}").get("slide").asInt(), "the refused undo did not use up the history");
    }

    @Test
    void undo_with_nothing_to_undo_is_400_with_a_reason_and_a_load_starts_the_history_afresh() throws Exception {
        HttpResponse<String> nothing = t.control("{\"action\":\"undo\"}");
        assertEquals(400, nothing.statusCode());
        assertTrue(JSON.readTree(nothing.body()).get("error").asText().contains("nothing to undo"), nothing.body());
        ok("{\"action\":\"next\"}");
        ok("{\"action\":\"load\",\"show\":\"other\"}");
        String before = t.get("/api/state").body();
        assertEquals(400, t.control("{\"action\":\"undo\"}").statusCode(), "a load is not undone, nor the other show's moves");
        assertEquals(before, t.get("/api/state").body());
        assertTrue(t.app.director().log(1).get(0).action().equals("undo"), "the refused undo is in the control log");
    }

    @Test
    void undo_back_past_the_winner_slide_keeps_the_winner_revealed() throws Exception {
        var run = t.app.director().snapshot().run();
        int winner = 0;
        while (!run.slide(winner).revealsWinner()) {
            winner++;
        }
        ok("{\"action\":\"goto\",\"slide\":" + (winner - 1) + "}");
        ok("{\"action\":\"next\"}");
        assertTrue(t.app.director().snapshot().isRevealed("main"));
        assertEquals(winner - 1, ok("{\"action\":\"undo\"}").get("slide").asInt());
        assertTrue(t.app.director().snapshot().isRevealed("main"), "revealed stays revealed");
        assertEquals("undo", t.app.director().log(1).get(0).action(), "undo is logged as undo");
    }
}
