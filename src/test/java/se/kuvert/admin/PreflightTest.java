package se.kuvert.admin;

import se.kuvert.GalaServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kuvert.TestShows;
import se.kuvert.content.Show;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preflight's result as the server takes it: only a complete report of the content as it is now is kept. */
class PreflightTest extends GalaServerTest {
    private String cookie;
    private Show gala;
    private Preflights preflights;
    private se.kuvert.db.Database db;

    @BeforeEach
    void signIn() {
        cookie = t.adminCookie();
        gala = t.app.shows().find("gala").orElseThrow();
        db = new se.kuvert.db.Database(data);
        preflights = new Preflights(db);
    }

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        db.close();   // the test's own connection to the server's file; the server closes its own
    }

    private HttpResponse<String> post(String json, String csrf) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(t.url("/admin/shows/gala/preflight")))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            r.header("X-CSRF-Token", csrf);
        }
        return t.send(r.build());
    }

    private String report(String hash, int renders, String findings) {
        return "{\"contentHash\":\"" + hash + "\",\"renders\":" + renders + ",\"findings\":[" + findings + "]}";
    }

    @Test
    void a_report_made_while_the_show_is_rehearsed_measured_the_stand_ins_and_is_not_kept() {
        t.control("{\"action\":\"load\",\"show\":\"gala\",\"rehearsal\":true}");
        var answer = post(report(Preflights.hash(gala), Preflights.renders(gala), ""), t.csrf(cookie));
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("rehearsal"), answer.body());
        assertInstanceOf(Preflights.Status.NotRun.class, preflights.status(gala));
        t.control("{\"action\":\"load\",\"show\":\"gala\"}");
        assertEquals(200, post(report(Preflights.hash(gala), Preflights.renders(gala), ""), t.csrf(cookie)).statusCode());
    }

    @Test
    void a_complete_report_of_the_content_as_it_is_is_kept_and_an_edit_makes_it_stale() {
        int renders = Preflights.renders(gala);
        assertEquals(13 * 3, renders, "13 steps of the gala at three sizes");
        var answer = post(report(Preflights.hash(gala), renders, ""), t.csrf(cookie));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"passed\":true"), answer.body());
        assertInstanceOf(Preflights.Status.Passed.class, preflights.status(gala));

        Show edited = new Show(gala.id(), "Testgalan 2026", gala.subtitle(), gala.date(), gala.venue(), gala.language(), gala.theme(),
                gala.awards(), gala.partners(), gala.closing(), gala.runOfShow(), gala.loop());
        assertInstanceOf(Preflights.Status.Stale.class, preflights.status(edited));
    }

    @Test
    void a_report_with_problems_is_kept_as_failed() {
        String finding = "{\"slide\":2,\"step\":2,\"width\":1280,\"height\":720,\"kind\":\"image-missing\",\"element\":\"img.emblem\",\"detail\":\"not loaded\"}";
        var answer = post(report(Preflights.hash(gala), Preflights.renders(gala), finding), t.csrf(cookie));
        assertEquals(200, answer.statusCode(), answer.body());
        var status = assertInstanceOf(Preflights.Status.Failed.class, preflights.status(gala));
        assertEquals("image-missing", status.last().findings().get(0).kind());
    }

    @Test
    void an_incomplete_stale_or_malformed_report_is_refused_and_nothing_is_stored() {
        String csrf = t.csrf(cookie);
        String hash = Preflights.hash(gala);
        int renders = Preflights.renders(gala);
        var stale = post(report("0123456789abcdef0123456789abcdef", renders, ""), csrf);
        assertEquals(400, stale.statusCode());
        assertTrue(stale.body().contains("edited"), stale.body());
        var partial = post(report(hash, renders - 1, ""), csrf);
        assertEquals(400, partial.statusCode());
        assertTrue(partial.body().contains("every step at every size"), partial.body());
        var nowhere = post(report(hash, renders, "{\"slide\":99,\"step\":0,\"width\":1280,\"height\":720,\"kind\":\"clipped\",\"element\":\"p\",\"detail\":\"x\"}"), csrf);
        assertEquals(400, nowhere.statusCode());
        var unknownSize = post(report(hash, renders, "{\"slide\":0,\"step\":0,\"width\":800,\"height\":600,\"kind\":\"clipped\",\"element\":\"p\",\"detail\":\"x\"}"), csrf);
        assertEquals(400, unknownSize.statusCode());
        var garbage = post("{\"contentHash\":", csrf);
        assertEquals(400, garbage.statusCode());
        assertTrue(garbage.body().contains("not the expected JSON"), garbage.body());
        var forged = post(report(hash, renders, ""), null);
        assertEquals(403, forged.statusCode(), "no CSRF token: another site cannot mark a show as checked");
        assertInstanceOf(Preflights.Status.NotRun.class, preflights.status(gala));
    }
}
