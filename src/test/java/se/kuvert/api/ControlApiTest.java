package se.kuvert.api;

import se.kuvert.GalaServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.TestApp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlApiTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void state_tells_where_the_show_is_and_nothing_else() throws Exception {
        HttpResponse<String> r = t.get("/api/state");
        assertEquals(200, r.statusCode());
        JsonNode s = json(r);
        assertEquals("gala", s.get("show").asText());
        assertEquals(0, s.get("slide").asInt());
        assertEquals(0, s.get("step").asInt());
        assertEquals("title", s.get("kind").asText());
        assertEquals(false, s.get("blackout").asBoolean());
        assertEquals(false, s.get("logo").asBoolean());
        assertTrue(s.get("version").asLong() > 0);
    }

    @Test
    void next_answers_the_new_state() throws Exception {
        long v = json(t.get("/api/state")).get("version").asLong();
        HttpResponse<String> r = t.control("{\"action\":\"next\",\"ifVersion\":" + v + "}");
        assertEquals(200, r.statusCode());
        assertEquals(1, json(r).get("slide").asInt());
        assertEquals(v + 1, json(r).get("version").asLong());
    }

    @Test
    void stale_if_version_is_409_with_the_current_state_and_changes_nothing() throws Exception {
        long v = json(t.get("/api/state")).get("version").asLong();
        assertEquals(200, t.control("{\"action\":\"next\",\"ifVersion\":" + v + "}").statusCode());
        HttpResponse<String> second = t.control("{\"action\":\"next\",\"ifVersion\":" + v + "}");
        assertEquals(409, second.statusCode());
        assertEquals(1, json(second).get("slide").asInt());
        assertEquals(v + 1, json(second).get("version").asLong());
        assertEquals(1, json(t.get("/api/state")).get("slide").asInt());
    }

    @Test
    void goto_blackout_logo_and_load_work_as_documented() throws Exception {
        assertEquals(2, json(t.control("{\"action\":\"goto\",\"slide\":2,\"step\":1}")).get("step").asInt() + 1);
        assertTrue(json(t.control("{\"action\":\"blackout\",\"on\":true}")).get("blackout").asBoolean());
        assertTrue(json(t.control("{\"action\":\"logo\",\"on\":true}")).get("logo").asBoolean());
        JsonNode loaded = json(t.control("{\"action\":\"load\",\"show\":\"other\"}"));
        assertEquals("other", loaded.get("show").asText());
        assertEquals(0, loaded.get("slide").asInt());
    }

    @Test
    void bad_commands_are_400_with_a_reason_and_change_nothing() throws Exception {
        String before = t.get("/api/state").body();
        String[] bodies = {
                "not json", "[]", "{}", "{\"action\":\"jump\"}", "{\"action\":\"goto\"}",
                "{\"action\":\"goto\",\"slide\":99}", "{\"action\":\"goto\",\"slide\":\"two\"}",
                "{\"action\":\"blackout\",\"on\":\"yes\"}", "{\"action\":\"load\"}", "{\"action\":\"load\",\"show\":\"nope\"}",
                "{\"action\":\"next\",\"ifversion\":3}", "{\"action\":\"next\",\"ifVersion\":\"3\"}"};
        for (String body : bodies) {
            HttpResponse<String> r = t.control(body);
            assertEquals(400, r.statusCode(), body);
            assertTrue(json(r).get("error").asText().length() > 5, body);
        }
        assertEquals(before, t.get("/api/state").body());
    }

    /** A command's body is read however it comes: with its length, chunked (no length), padded past the small size, or too big. */
    @Test
    void a_body_is_read_whether_its_length_is_given_or_not() throws Exception {
        long v = json(t.get("/api/state")).get("version").asLong();
        byte[] next = "{\"action\":\"next\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                .header("Authorization", "Bearer " + TestApp.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(next))).build());
        assertEquals(200, chunked.statusCode(), chunked.body());
        assertEquals(v + 1, json(chunked).get("version").asLong());
        HttpResponse<String> padded = t.control("{\"action\":\"prev\"" + " ".repeat(8000) + "}");
        assertEquals(200, padded.statusCode(), "white space past the small body's size is still JSON");
        assertEquals(v + 2, json(padded).get("version").asLong());
        String tooBig = "{\"action\":\"next\",\"x\":\"" + "a".repeat(2_000_000) + "\"}";
        HttpResponse<String> huge = t.control(tooBig);
        assertEquals(413, huge.statusCode(), "a body past the limit is refused");
        assertEquals(v + 2, json(huge).get("version").asLong(), "with the state as it is");
        HttpResponse<String> hugeChunked = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                .header("Authorization", "Bearer " + TestApp.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        tooBig.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build());
        assertEquals(413, hugeChunked.statusCode(), "also when it comes without a length");
        assertEquals(v + 2, json(t.get("/api/state")).get("version").asLong(), "and changes nothing");
    }

    /** Every answer of a command, taken or not, is JSON that no cache keeps, with the reason when it is refused. */
    @Test
    void answers_are_json_that_is_never_cached() throws Exception {
        HttpResponse<String> taken = t.control("{\"action\":\"next\"}");
        HttpResponse<String> bad = t.control("{\"action\":\"jump\"}");
        HttpResponse<String> guest = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control/")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"next\"}")).build());
        assertEquals(List.of(200, 400, 401), List.of(taken.statusCode(), bad.statusCode(), guest.statusCode()));
        for (HttpResponse<String> r : List.of(taken, bad, guest)) {
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), r.body());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), r.body());
            assertTrue(json(r).isObject(), r.body());
        }
        assertTrue(json(guest).get("error").asText().contains("Bearer"), guest.body());
        assertEquals(404, t.get("/api/control").statusCode(), "a command is a POST");
    }

    @Test
    void control_without_credentials_is_401() {
        HttpResponse<String> none = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"next\"}")).build());
        assertEquals(401, none.statusCode());
        HttpResponse<String> wrong = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                .header("Authorization", "Bearer wrong")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"next\"}")).build());
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void a_presenter_logs_in_with_the_pin_and_controls_with_the_cookie() throws Exception {
        HttpResponse<String> login = t.form("/presenter/login", null, "pin", TestApp.PIN);
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                .header("Cookie", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"next\"}")).build());
        assertEquals(200, r.statusCode());
        HttpResponse<String> page = t.send(HttpRequest.newBuilder(URI.create(t.url("/presenter"))).header("Cookie", session).GET().build());
        assertTrue(page.body().contains("id=\"next\""), "the remote, not the login form");
    }

    @Test
    void wrong_pins_are_refused_and_then_slowed_down() {
        int unauthorized = 0;
        int slowed = 0;
        for (int i = 0; i < 12; i++) {
            int status = t.form("/presenter/login", null, "pin", "0000").statusCode();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                slowed++;
            }
        }
        assertEquals(5, unauthorized);
        assertEquals(7, slowed);
        HttpResponse<String> right = t.form("/presenter/login", null, "pin", TestApp.PIN);
        assertEquals(429, right.statusCode(), "while locked out even the right PIN is not checked");
    }

    @Test
    void health_is_200_when_shows_are_loaded() throws Exception {
        HttpResponse<String> r = t.get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("ok", json(r).get("status").asText());
    }
}
