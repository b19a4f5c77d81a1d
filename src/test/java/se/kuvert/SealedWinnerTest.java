package se.kuvert;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks whole shows step by step and checks everything a display, the public API and the presenter's phone
 * receive: until the winner slide, nothing names the winner as winner or carries the motivation. The stage
 * monitor's stream, the foyer kiosk's stream (which carries the attract loop) and their pages are held to the same rule.
 */
public class SealedWinnerTest {
    @TempDir
    Path data;

    @Test
    void the_test_gala_stays_sealed_until_its_reveal() throws Exception {
        walk("gala");
    }

    @Test
    void the_2021_demo_ceremony_stays_sealed_until_its_reveal() throws Exception {
        walk("digitaliseringskommun-2021");
    }

    @Test
    void the_2017_demo_ceremony_stays_sealed_until_its_reveal() throws Exception {
        walk("digitaliseringskommun-2017");
    }

    /** Walks {@code showId} from its first to its last step, checking each award's sealed texts at every step. */
    private void walk(String showId) throws Exception {
        try (TestApp t = TestApp.start(data, showId)) {
            Show show = t.app.shows().find(showId).orElseThrow();
            RunOfShow run = RunOfShow.of(show);
            String cookie = t.presenterCookie();
            try (SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
                 SseRecorder presenter = new SseRecorder(t.http, t.url("/events/presenter"), cookie);
                 SseRecorder stage = new SseRecorder(t.http, t.url("/events/stage?key=stage-key"), null);
                 SseRecorder kiosk = new SseRecorder(t.http, t.url("/events/kiosk"), null)) {
                List<Award> revealed = new ArrayList<>();
                int steps = 0;
                while (true) {
                    var state = new ObjectMapper().readTree(t.get("/api/state").body());
                    Slide slide = run.slide(state.get("slide").asInt());
                    if (slide instanceof Slide.Winner w && !revealed.contains(w.award())) {
                        revealed.add(w.award());
                    }
                    String displayEvent = display.next().data();
                    String presenterEvent = presenter.next().data();
                    String stageEvent = stage.next().data();
                    String kioskEvent = kiosk.next().data();
                    String kioskPage = t.get("/kiosk").body();
                    var pageResponse = t.get("/display");
                    assertTrue(pageResponse.statusCode() == 200, "/display answers 200");
                    String page = pageResponse.body();
                    String api = state.toString();
                    for (Award award : show.awards()) {
                        String where = showId + " slide " + state.get("slide") + " step " + state.get("step") + " (" + slide.kind() + ")";
                        if (revealed.contains(award)) {
                            continue;
                        }
                        for (String sealed : sealedTexts(award)) {
                            assertFalse(displayEvent.contains(sealed), where + ": display event leaks " + sealed);
                            assertFalse(page.contains(sealed), where + ": /display leaks " + sealed);
                            assertFalse(api.contains(sealed), where + ": /api/state leaks " + sealed);
                            assertFalse(presenterEvent.contains(sealed), where + ": presenter leaks " + sealed);
                            assertFalse(stageEvent.contains(sealed), where + ": stage monitor leaks " + sealed);
                            assertFalse(kioskEvent.contains(sealed), where + ": kiosk and loop leak " + sealed);
                            assertFalse(kioskPage.contains(sealed), where + ": /kiosk leaks " + sealed);
                        }
                        if (award.winner() != null) {
                            java.util.regex.Pattern winnerFrame = java.util.regex.Pattern.compile(
                                    "data-frame-kind=\"winner\"\\s+data-award=\"" + award.id() + "\"");
                            assertFalse(winnerFrame.matcher(kioskEvent).find(), where + ": the loop has a winner frame");
                            assertFalse(kioskPage.contains("data-winner=\"" + award.winner() + "\""), where + ": the kiosk names the winner");
                        }
                        assertFalse(displayEvent.contains("data-kind=\"winner\""), where);
                        assertFalse(api.contains("\"winner\""), where);
                    }
                    if (slide instanceof Slide.Winner w && state.get("step").asInt() == 0) {
                        String name = w.award().winningNominee().orElseThrow().name();
                        assertTrue(displayEvent.contains(escape(name)), "the winner slide names the winner: " + name);
                        assertTrue(api.contains("\"winner\""), "the API says a winner slide is on");
                    }
                    if (slide instanceof Slide.Motivation m) {
                        String paragraph = m.award().motivation().get(state.get("step").asInt());
                        assertTrue(displayEvent.contains(escape(paragraph)), "motivation paragraph is shown at its step");
                    }
                    long version = state.get("version").asLong();
                    // The server renders the likely next changes ahead once the show stands still: done here every time,
                    // so the walk checks the events rendered ahead (the reveal's, a step early) as the screens get them.
                    t.app.director().renderAhead();
                    var r = t.control("{\"action\":\"next\",\"ifVersion\":" + version + "}");
                    if (new ObjectMapper().readTree(r.body()).get("version").asLong() == version) {
                        break;
                    }
                    steps++;
                }
                assertTrue(steps > 5, "walked the whole show");
                String kioskAtTheEnd = t.get("/kiosk").body();
                for (Award award : show.awards()) {
                    if (award.winner() != null) {
                        assertTrue(kioskAtTheEnd.contains("data-winner=\"" + award.winner() + "\""), "after the show the kiosk names every winner");
                        assertTrue(java.util.regex.Pattern.compile("data-frame-kind=\"winner\"\\s+data-award=\"" + award.id() + "\"")
                                .matcher(kioskAtTheEnd).find(), "and the loop shows every winner");
                    }
                }
                assertTrue(revealed.containsAll(show.awards().stream().filter(a -> a.winner() != null).toList()));
            }
        }
    }

    /** What would give a winner away: the motivation, the citation and who receives the prize. */
    public static List<String> sealedTexts(Award award) {
        List<String> texts = new ArrayList<>();
        for (String paragraph : award.motivation()) {
            texts.add(paragraph);
            texts.add(escape(paragraph));
            texts.add(paragraph.substring(0, Math.min(40, paragraph.length())));
        }
        if (award.citation() != null) {
            texts.add(award.citation());
        }
        if (award.recipients() != null) {
            texts.add(award.recipients());
        }
        return texts;
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }
}
