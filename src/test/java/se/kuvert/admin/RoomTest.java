package se.kuvert.admin;

import se.kuvert.GalaServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin's room page over HTTP: pairing a phone by QR code, shutting a phone out, loop and live. */
class RoomTest extends GalaServerTest {
    private String admin;
    private String csrf;

    @BeforeEach
    void signIn() {
        admin = t.adminCookie();
        csrf = t.csrf(admin);
    }

    /** Asks the admin page for a pairing code and returns the link its QR code holds. */
    private String pairingLink() {
        var r = t.form("/admin/room/pair", admin, "_csrf", csrf);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<svg"), "the page shows a QR code");
        Matcher m = Pattern.compile("id=\"pair-link\"[^>]*>([^<]+)<").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private int next(String cookie) {
        return t.json("/api/control", cookie, "{\"action\":\"next\"}").statusCode();
    }

    @Test
    void a_scanned_code_logs_a_phone_in_as_presenter_once() {
        String link = pairingLink();
        assertTrue(link.contains("/presenter/pair?token="), link);
        String token = token(link);
        var page = t.get("/presenter/pair?token=" + token);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(se.kuvert.content.Texts.of(t.app.director().snapshot().show()).get("ui.pairButton")));
        var paired = t.form("/presenter/pair", null, "token", token);
        assertEquals(303, paired.statusCode());
        String phone = TestApp.cookie(paired);
        assertEquals(200, next(phone), "the paired phone controls the show");
        assertEquals(200, t.get("/presenter", phone).statusCode());

        var again = t.form("/presenter/pair", null, "token", token);
        assertEquals(403, again.statusCode(), "a code works once");
        assertTrue(again.body().contains(se.kuvert.content.Texts.of(t.app.director().snapshot().show()).get("ui.pairFailed")));
        assertTrue(again.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(403, t.get("/presenter/pair?token=" + token).statusCode());
    }

    @Test
    void made_up_codes_pair_nothing_and_count_as_wrong_guesses() {
        for (int i = 0; i < 5; i++) {
            assertEquals(403, t.form("/presenter/pair", null, "token", "guess" + i).statusCode());
        }
        var r = t.form("/presenter/pair", null, "token", "guess-again");
        assertEquals(429, r.statusCode(), "guessing is slowed down like PIN guessing");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void a_pairing_code_from_the_room_page_gets_the_presenter_in_while_pin_guessing_is_throttled() {
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = t.form("/presenter/login", null, "pin", "00000" + i).statusCode();
        }
        assertEquals(429, status, "someone guessing PINs is slowed down");
        var pin = t.form("/presenter/login", null, "pin", TestApp.PIN);
        assertEquals(429, pin.statusCode(), "even the right PIN waits while guessing is throttled");
        assertTrue(pin.headers().firstValue("Retry-After").isPresent());
        assertEquals(303, t.form("/admin/login", null, "password", t.settings.adminPassword()).statusCode(),
                "wrong PINs do not lock out the admin login from the same address");

        var paired = t.form("/presenter/pair", null, "token", token(pairingLink()));
        assertEquals(303, paired.statusCode(), paired.body());
        assertEquals(200, next(TestApp.cookie(paired)), "the paired phone controls the show");
        assertEquals(429, t.form("/presenter/pair", null, "token", "made-up").statusCode(), "made-up codes still wait");
    }

    @Test
    void only_the_admin_can_make_a_pairing_code() {
        assertEquals(401, t.form("/admin/room/pair", null, "_csrf", csrf).statusCode());
        assertEquals(403, t.form("/admin/room/pair", admin, "_csrf", "forged").statusCode());
        assertEquals(401, t.form("/admin/room/pair", t.presenterCookie(), "_csrf", csrf).statusCode());
    }

    @Test
    void a_phone_logged_out_from_the_admin_can_no_longer_control_the_show() throws Exception {
        String phone = t.presenterCookie();
        assertEquals(200, next(phone));
        String room = t.get("/admin/room", admin).body();
        Matcher m = Pattern.compile("data-session=\"([0-9a-f]{64})\"").matcher(room);
        assertTrue(m.find(), "the room lists the presenter phone");
        String id = m.group(1);
        assertFalse(m.find(), "only presenter sessions are listed, not the admin's own");
        var revoked = t.form("/admin/room/sessions/" + id + "/revoke", admin, "_csrf", csrf);
        assertEquals(303, revoked.statusCode());
        assertEquals(401, next(phone), "the revoked phone is shut out");
        try (SseRecorder panel = new SseRecorder(t.http, t.url("/events/presenter"), phone)) {
            assertEquals(401, panel.status());
        }
        assertFalse(t.get("/admin/room", admin).body().contains(id));
        assertEquals(401, t.json("/api/control", null, "{\"action\":\"next\"}").statusCode(), "no cookie, no control");
    }

    @Test
    void the_admin_switches_the_big_screen_between_loop_and_live() throws Exception {
        assertEquals(303, t.form("/admin/room/loop", admin, "_csrf", csrf, "on", "true").statusCode());
        assertTrue(t.app.director().snapshot().state().loop());
        assertTrue(t.get("/admin/room", admin).body().contains("the attract loop"));
        assertEquals(303, t.form("/admin/room/loop", admin, "_csrf", csrf, "on", "false").statusCode());
        assertFalse(t.app.director().snapshot().state().loop());
    }

    @Test
    void the_screens_table_lists_every_screen_with_its_state() {
        try (SseRecorder foyer = new SseRecorder(t.http, t.url("/events/kiosk?screen=foyer"), null)) {
            foyer.next();
        }
        TestApp.await("the foyer kiosk to register and its stream to close", 20, () -> t.app.screens().reports().stream()
                .anyMatch(r -> r.name().equals("foyer") && !r.connected()));
        String table = t.get("/admin/room/screens", admin).body();
        assertTrue(table.contains("data-screen=\"foyer\""), table);
        assertTrue(table.contains("data-health=\"red\""), "a kiosk without a stream is not connected");
        assertEquals(303, t.form("/admin/room/screens/foyer/forget", admin, "_csrf", csrf).statusCode());
        assertFalse(t.get("/admin/room/screens", admin).body().contains("data-screen=\"foyer\""));
    }
}
