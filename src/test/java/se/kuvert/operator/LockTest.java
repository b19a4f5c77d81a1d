package se.kuvert.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.GalaServerTest;
import se.kuvert.SseRecorder;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator console's lock: the phone is refused with a clear message until the console hands back. */
class LockTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> control(String cookie, String body) {
        return t.json("/api/control", cookie, body);
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").asText();
    }

    private long version() throws Exception {
        return JSON.readTree(t.get("/api/state").body()).get("version").asLong();
    }

    @Test
    void the_lock_refuses_the_phones_commands_with_a_clear_message_until_the_console_hands_back() throws Exception {
        String console = t.presenterCookie();
        String phone = t.presenterCookie();
        HttpResponse<String> locked = control(console, "{\"action\":\"lock\",\"on\":true,\"name\":\" Anna vid ljudbordet \"}");
        assertEquals(200, locked.statusCode(), locked.body());
        String holder = JSON.readTree(locked.body()).get("lockedBy").asText();
        long v = version();
        assertEquals("Operatörskonsolen (Anna vid ljudbordet)", holder, "the lock names who holds it");
        assertEquals(holder, JSON.readTree(t.get("/api/state").body()).get("lockedBy").asText(), "/api/state says who has control");

        for (String body : new String[] {"{\"action\":\"next\"}", "{\"action\":\"blackout\",\"on\":true}", "{\"action\":\"undo\"}",
                "{\"action\":\"goto\",\"slide\":3}", "{\"action\":\"lock\",\"on\":false}", "{\"action\":\"lock\",\"on\":true}",
                "{\"action\":\"mute\",\"on\":true}", "{\"action\":\"sound\",\"do\":\"stop\"}"}) {
            HttpResponse<String> refused = control(phone, body);
            assertEquals(423, refused.statusCode(), body);
            assertEquals("Operatörskonsolen (Anna vid ljudbordet) har kontrollen; be operatören lämna tillbaka.", error(refused), body);
        }
        assertEquals(v, version(), "nothing the phone sent changed the show");
        assertTrue(t.get("/display/sound").body().contains("\"muted\":false"), "nor muted the sound");
        assertEquals(false, JSON.readTree(t.get("/api/state").body()).get("blackout").asBoolean());

        assertEquals(200, control(console, "{\"action\":\"next\"}").statusCode(), "the console itself passes");
        assertEquals(200, control(t.adminCookie(), "{\"action\":\"next\"}").statusCode(), "an admin passes");
        assertEquals(200, t.control("{\"action\":\"next\"}").statusCode(), "the API token (Stream Deck) passes");
        assertEquals(v + 3, version());

        HttpResponse<String> handedBack = control(console, "{\"action\":\"lock\",\"on\":false}");
        assertEquals(200, handedBack.statusCode());
        assertTrue(JSON.readTree(handedBack.body()).get("lockedBy").isNull());
        assertEquals(200, control(phone, "{\"action\":\"next\"}").statusCode(), "handed back, the phone is in again");
        assertEquals(v + 4, version());
    }

    @Test
    void the_control_log_shows_control_taken_refused_to_the_phone_and_handed_back() throws Exception {
        String console = t.presenterCookie();
        String phone = t.presenterCookie();
        control(console, "{\"action\":\"lock\",\"on\":true,\"name\":\"Anna\"}");
        assertEquals(423, control(phone, "{\"action\":\"next\"}").statusCode());
        control(console, "{\"action\":\"lock\",\"on\":false}");
        var log = t.app.director().log(3);
        assertEquals("lock off done", log.get(0).action() + " " + log.get(0).outcome(), "handed back: " + log);
        assertEquals("Operatörskonsolen (Anna)", log.get(0).who(), "who handed back");
        assertEquals("next refused", log.get(1).action() + " " + log.get(1).outcome(), "the phone's refused Next: " + log);
        assertTrue(log.get(1).who().startsWith("presenter:"), log.get(1).who());
        assertEquals("lock on done", log.get(2).action() + " " + log.get(2).outcome(), "control taken: " + log);
        assertEquals("Operatörskonsolen (Anna)", log.get(2).who());
    }

    @Test
    void a_tool_cannot_take_the_lock_but_can_hand_it_back_and_an_admin_can_take_it_over() throws Exception {
        assertEquals(400, t.control("{\"action\":\"lock\",\"on\":true}").statusCode(), "a tool holds no console");
        String console = t.presenterCookie();
        assertEquals(200, control(console, "{\"action\":\"lock\"}").statusCode(), "left out, on toggles: takes it");
        assertEquals(200, control(t.adminCookie(), "{\"action\":\"lock\",\"on\":true}").statusCode());
        HttpResponse<String> refused = control(console, "{\"action\":\"next\"}");
        assertEquals(423, refused.statusCode(), "the admin's console has control now");
        assertEquals("Operatörskonsolen har kontrollen; be operatören lämna tillbaka.", error(refused),
                "without a name, the console says it is the console");
        assertEquals(200, t.control("{\"action\":\"lock\",\"on\":false}").statusCode(), "the token hands back");
        assertTrue(JSON.readTree(t.get("/api/state").body()).get("lockedBy").isNull());
        assertEquals(200, control(console, "{\"action\":\"next\"}").statusCode());
    }

    @Test
    void a_bad_lock_request_is_400_with_a_reason_and_changes_nothing() throws Exception {
        String console = t.presenterCookie();
        for (String body : new String[] {"{\"action\":\"lock\",\"on\":\"yes\"}", "{\"action\":\"lock\",\"name\":42}",
                "{\"action\":\"lock\",\"name\":\"" + "x".repeat(41) + "\"}", "{\"action\":\"lock\",\"name\":\"a\\nb\"}",
                "{\"action\":\"next\",\"name\":\"Anna\"}"}) {
            HttpResponse<String> r = control(console, body);
            assertEquals(400, r.statusCode(), body);
            assertTrue(error(r).length() > 10, body);
        }
        assertTrue(JSON.readTree(t.get("/api/state").body()).get("lockedBy").isNull());
        assertEquals(0, JSON.readTree(t.get("/api/state").body()).get("slide").asInt());
    }

    @Test
    void the_phone_shows_who_has_control_live_and_its_next_again_once_handed_back() throws Exception {
        String console = t.presenterCookie();
        String phone = t.presenterCookie();
        try (SseRecorder panel = new SseRecorder(t.http, t.url("/events/presenter"), phone)) {
            assertFalse(panel.next().data().contains("data-locked=\"true\""));
            control(console, "{\"action\":\"lock\",\"on\":true}");
            String locked = panel.next().data();
            assertTrue(locked.contains("data-locked=\"true\""), locked);
            assertTrue(locked.contains("har kontrollen"), "the panel says who has control");
            assertTrue(t.get("/presenter", phone).body().contains("data-locked=\"true\""), "and so does the page");
            control(console, "{\"action\":\"lock\",\"on\":false}");
            assertFalse(panel.next().data().contains("data-locked=\"true\""), "handed back, the panel is unlocked");
        }
    }

    @Test
    void tools_hear_who_has_control_on_their_state_stream() throws Exception {
        String console = t.presenterCookie();
        try (SseRecorder tools = SseRecorder.withToken(t.http, t.url("/events/state"), se.kuvert.TestApp.TOKEN)) {
            assertTrue(JSON.readTree(tools.next().data()).get("lockedBy").isNull());
            control(console, "{\"action\":\"lock\",\"on\":true,\"name\":\"Anna\"}");
            assertEquals("Operatörskonsolen (Anna)", JSON.readTree(tools.next().data()).get("lockedBy").asText());
            t.control("{\"action\":\"lock\",\"on\":false}");
            assertTrue(JSON.readTree(tools.next().data()).get("lockedBy").isNull());
        }
    }

    @Test
    void a_console_that_logged_out_holds_no_lock() throws Exception {
        String console = t.presenterCookie();
        String phone = t.presenterCookie();
        control(console, "{\"action\":\"lock\",\"on\":true}");
        assertEquals(423, control(phone, "{\"action\":\"next\"}").statusCode());
        t.form("/presenter/logout", console);
        assertEquals(200, control(phone, "{\"action\":\"next\"}").statusCode(), "the phone is not locked out by a console that is gone");
        assertTrue(JSON.readTree(t.get("/api/state").body()).get("lockedBy").isNull());
    }
}
