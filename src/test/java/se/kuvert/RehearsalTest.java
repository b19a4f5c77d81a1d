package se.kuvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.config.Settings;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.kuvert.SealedWinnerTest.escape;
import static se.kuvert.SealedWinnerTest.sealedTexts;

/**
 * A rehearsal ({@code load} with {@code "rehearsal": true}) walked step by step over HTTP and SSE: no page, response or
 * stream to any role carries a real sealed text at any step, the winner slide shows the stand-in, every screen carries
 * the REHEARSAL mark, nothing counts as revealed (not even across a restart), and the real show loaded afterwards is
 * clean and unmarked.
 */
public class RehearsalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "class=\"rehearsal-mark\"";

    @TempDir
    Path data;

    @Test
    void a_rehearsal_of_the_2021_demo_ceremony_never_sends_a_real_winner_and_the_real_show_starts_clean() throws Exception {
        rehearse("digitaliseringskommun-2021");
    }

    @Test
    void a_rehearsal_of_the_2017_demo_ceremony_never_sends_a_real_winner_and_the_real_show_starts_clean() throws Exception {
        rehearse("digitaliseringskommun-2017");
    }

    @Test
    void a_load_with_a_rehearsal_that_is_not_true_or_false_is_refused_and_changes_nothing() throws Exception {
        try (TestApp t = TestApp.start(data, "gala")) {
            long version = JSON.readTree(t.get("/api/state").body()).get("version").asLong();
            var r = t.control("{\"action\":\"load\",\"show\":\"gala\",\"rehearsal\":\"yes\"}");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("'rehearsal' must be true or false"), r.body());
            JsonNode state = JSON.readTree(t.get("/api/state").body());
            assertEquals(version, state.get("version").asLong());
            assertFalse(state.get("rehearsal").asBoolean());
        }
    }

    private void rehearse(String showId) throws Exception {
        Settings settings = Settings.forTest(data);
        TestApp first = TestApp.start(settings, null);
        Show show = first.app.shows().find(showId).orElseThrow();
        RunOfShow run = RunOfShow.of(show);
        Texts texts = Texts.of(show);
        String standIn = escape(texts.get("rehearsal.winner"));
        List<String> sealed = new ArrayList<>();
        show.awards().forEach(a -> sealed.addAll(sealedTexts(a)));
        List<String> realWinners = show.awards().stream().filter(a -> a.winner() != null)
                .map(a -> a.winningNominee().orElseThrow()).map(n -> escape(n.name())).toList();
        assertFalse(sealed.isEmpty(), "the show has sealed texts to keep");

        var load = first.control("{\"action\":\"load\",\"show\":\"" + showId + "\",\"rehearsal\":true}");
        assertEquals(200, load.statusCode(), load.body());
        assertTrue(JSON.readTree(load.body()).get("rehearsal").asBoolean(), "the load's answer says rehearsal");
        String cookie = first.presenterCookie();
        int winnerSlides = 0;
        try (SseRecorder display = new SseRecorder(first.http, first.url("/events/display"), null);
             SseRecorder presenter = new SseRecorder(first.http, first.url("/events/presenter"), cookie);
             SseRecorder stage = new SseRecorder(first.http, first.url("/events/stage?key=stage-key"), null);
             SseRecorder kiosk = new SseRecorder(first.http, first.url("/events/kiosk"), null);
             SseRecorder tool = SseRecorder.withToken(first.http, first.url("/events/state"), TestApp.TOKEN);
             SseRecorder operator = new SseRecorder(first.http, first.url("/events/operator"), cookie)) {
            int steps = 0;
            while (true) {
                JsonNode state = JSON.readTree(first.get("/api/state").body());
                String where = showId + " slide " + state.get("slide") + " step " + state.get("step");
                Slide slide = run.slide(state.get("slide").asInt());
                assertTrue(state.get("rehearsal").asBoolean(), where + ": /api/state says rehearsal");
                Map<String, String> seen = new java.util.LinkedHashMap<>();
                seen.put("display event", display.next().data());
                seen.put("presenter event", presenter.next().data());
                seen.put("stage event", stage.next().data());
                seen.put("kiosk event", kiosk.next().data());
                seen.put("/events/state", tool.next().data());
                seen.put("operator console event", operator.next().data());
                seen.put("/operator", first.get("/operator", cookie).body());
                seen.put("/api/rehearsal", first.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(first.url("/api/rehearsal"))).header("Authorization", "Bearer " + TestApp.TOKEN).build()).body());
                seen.put("/display", first.get("/display").body());
                seen.put("/kiosk", first.get("/kiosk").body());
                seen.put("/presenter", first.get("/presenter", cookie).body());
                seen.put("/stage", first.get("/stage?key=stage-key").body());
                seen.put("/api/state", state.toString());
                for (var each : seen.entrySet()) {
                    for (String text : sealed) {
                        assertFalse(each.getValue().contains(text), where + ": " + each.getKey() + " carries the real " + text);
                    }
                }
                assertTrue(seen.get("/events/state").contains("\"rehearsal\":true"), where + ": the tools' stream says rehearsal");
                for (String screen : List.of("display event", "presenter event", "stage event", "kiosk event", "/display", "/kiosk",
                        "/presenter", "/stage")) {
                    assertTrue(seen.get(screen).contains(MARK), where + ": " + screen + " has the rehearsal mark");
                }
                if (slide instanceof Slide.Winner w && state.get("step").asInt() == 0 && w.award().winner() != null) {
                    winnerSlides++;
                    String name = escape(w.award().winningNominee().orElseThrow().name());
                    assertTrue(seen.get("display event").contains(standIn), where + ": the winner slide shows the stand-in");
                    assertFalse(seen.get("display event").contains(name), where + ": the winner slide names the real winner");
                    assertTrue(seen.get("presenter event").contains(standIn), where + ": the phone reads the stand-in");
                }
                long version = state.get("version").asLong();
                var r = first.control("{\"action\":\"next\",\"ifVersion\":" + version + "}");
                if (JSON.readTree(r.body()).get("version").asLong() == version) {
                    break;
                }
                steps++;
            }
            assertTrue(steps > 5, "walked the whole show");
            assertTrue(winnerSlides > 0 && winnerSlides == realWinners.size(), "every winner slide was rehearsed");
        }
        first.close();

        try (TestApp t = TestApp.restart(settings)) {
            JsonNode state = JSON.readTree(t.get("/api/state").body());
            assertTrue(state.get("rehearsal").asBoolean(), "the rehearsal survives a restart");
            assertTrue(t.app.director().snapshot().revealed().isEmpty(), "no rehearsed reveal was stored");
            String kiosk = t.get("/kiosk").body();
            assertTrue(kiosk.contains(MARK), "the kiosk is still marked after the restart");
            for (String text : sealed) {
                assertFalse(t.get("/display").body().contains(text), "after the restart /display carries the real " + text);
            }

            var real = t.control("{\"action\":\"load\",\"show\":\"" + showId + "\"}");
            assertEquals(200, real.statusCode(), real.body());
            assertFalse(JSON.readTree(real.body()).get("rehearsal").asBoolean(), "the real show is not a rehearsal");
            assertTrue(t.app.director().snapshot().revealed().isEmpty(), "the real show starts with nothing revealed");
            String cookie2 = t.presenterCookie();
            for (String page : List.of("/display", "/kiosk", "/stage?key=stage-key")) {
                String body = t.get(page).body();
                assertFalse(body.contains(MARK), page + " drops the rehearsal mark for the real show");
                assertFalse(body.contains(standIn), page + " has no stand-in in the real show");
            }
            assertFalse(t.get("/presenter", cookie2).body().contains(MARK), "the phone drops the rehearsal mark");
            for (Award award : show.awards()) {
                if (award.winner() != null) {
                    assertFalse(t.get("/kiosk").body().contains("data-winner=\"" + award.winner() + "\""),
                            "the real show's kiosk names no winner before its reveal");
                }
            }
            int winner = -1;
            for (int i = 0; i < run.size() && winner < 0; i++) {
                if (run.slide(i) instanceof Slide.Winner w && w.award().winner() != null) {
                    winner = i;
                }
            }
            t.control("{\"action\":\"goto\",\"slide\":" + winner + "}");
            String name = escape(((Slide.Winner) run.slide(winner)).award().winningNominee().orElseThrow().name());
            assertTrue(t.get("/display").body().contains(name), "the real show's winner slide names the real winner");
        }
    }
}
