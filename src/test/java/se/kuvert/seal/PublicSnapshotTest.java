package se.kuvert.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SealedWinnerTest;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.live.Snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sealed-winner rule in one place: what a public screen gets holds no winner, citation, recipients or motivation
 * of an award the room has not seen, whatever covers the screen; and over HTTP, under a blackout, the logo or the
 * loop, at every step of both demo shows, no public stream, page or JSON carries them.
 */
class PublicSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void an_award_the_room_has_not_seen_reaches_public_screens_without_what_would_give_it_away() throws Exception {
        try (TestApp t = TestApp.start(data, "digitaliseringskommun-2021")) {
            Snapshot live = t.app.director().snapshot();
            Award award = live.show().awards().get(0);
            PublicSnapshot seen = PublicSnapshot.of(live);
            Award open = seen.show().award(award.id()).orElseThrow();
            assertNull(open.winner());
            assertNull(open.citation());
            assertNull(open.recipients());
            assertTrue(open.motivation().isEmpty());
            assertEquals(award.nominees(), open.nominees(), "nominees stay: they are public");
            assertEquals(live.run().size(), seen.run().size(), "the run keeps every slide in place");
            for (Slide slide : seen.run().slides()) {
                if (slide.award() != null) {
                    assertNull(slide.award().winner(), slide.kind() + " slide carries the winner");
                    assertTrue(slide.award().motivation().isEmpty(), slide.kind() + " slide carries the motivation");
                }
            }

            Snapshot afterReveal = new Snapshot(live.state(), live.show(), live.run(), Set.of(award.id()));
            Award revealed = PublicSnapshot.of(afterReveal).show().award(award.id()).orElseThrow();
            assertSame(award, revealed, "once the room has seen it, the award is public as it is");
        }
    }

    @Test
    void nothing_sealed_goes_out_under_a_blackout_the_logo_or_the_loop_in_the_2021_demo() throws Exception {
        walkCovered("digitaliseringskommun-2021");
    }

    @Test
    void nothing_sealed_goes_out_under_a_blackout_the_logo_or_the_loop_in_the_2017_demo() throws Exception {
        walkCovered("digitaliseringskommun-2017");
    }

    /** Under each cover, goes to every step of every slide and reads every public stream, page and JSON there. */
    private void walkCovered(String showId) throws Exception {
        try (TestApp t = TestApp.start(data, showId);
             SseRecorder display = new SseRecorder(t.http, t.url("/events/display?screen=main"), null);
             SseRecorder kiosk = new SseRecorder(t.http, t.url("/events/kiosk?screen=foyer"), null)) {
            Show show = t.app.shows().find(showId).orElseThrow();
            RunOfShow run = RunOfShow.of(show);
            int checked = 0;
            for (String cover : List.of("blackout", "logo", "loop")) {
                command(t, "{\"action\":\"load\",\"show\":\"" + showId + "\"}");
                for (int slide = 0; slide < run.size(); slide++) {
                    for (int step = 0; step < run.slide(slide).steps(); step++) {
                        // The loop ends on goto, so it is switched on after the move, over a blackout.
                        command(t, "{\"action\":\"" + (cover.equals("logo") ? "logo" : "blackout") + "\",\"on\":true}");
                        JsonNode state = command(t, "{\"action\":\"goto\",\"slide\":" + slide + ",\"step\":" + step + "}");
                        if (cover.equals("loop")) {
                            state = command(t, "{\"action\":\"loop\",\"on\":true}");
                        }
                        assertTrue(state.get(cover).asBoolean(), cover + " is on: " + state);
                        long version = state.get("version").asLong();
                        String where = showId + " under " + cover + " at slide " + slide + " step " + step + " ("
                                + run.slide(slide).kind() + ")";
                        List<String> public_ = List.of(
                                until(display, "stage", version), until(kiosk, "kiosk", version),
                                t.get("/display?screen=check").body(), t.get("/kiosk?screen=check").body(),
                                t.get("/api/state").body(), t.get("/display/preload").body());
                        for (Award award : show.awards()) {
                            for (String sealed : sealedTexts(award)) {
                                for (String text : public_) {
                                    assertFalse(text.contains(sealed), where + ": leaks " + sealed);
                                }
                            }
                        }
                        Award shown = run.slide(slide).sealedAward();
                        if (shown != null && shown.winner() != null && !cover.equals("loop")) {
                            String name = SealedWinnerTest.escape(shown.winningNominee().orElseThrow().name());
                            assertFalse(public_.get(0).contains(name), where + ": the covered winner slide names " + name);
                        }
                        for (String text : public_) {
                            assertFalse(text.contains("data-frame-kind=\"winner\""), where + ": the loop has a winner frame");
                        }
                        checked++;
                    }
                }
            }
            int steps = run.slides().stream().mapToInt(Slide::steps).sum();
            assertEquals(3 * steps, checked, "walked every step under every cover");
            assertTrue(t.app.director().snapshot().revealed().isEmpty(), "nothing counted as seen under a cover");
        }
    }

    @Test
    void lifting_the_blackout_over_a_winner_reveals_it_then_and_only_then() throws Exception {
        try (TestApp t = TestApp.start(data, "digitaliseringskommun-2021");
             SseRecorder display = new SseRecorder(t.http, t.url("/events/display?screen=main"), null)) {
            Show show = t.app.shows().find("digitaliseringskommun-2021").orElseThrow();
            RunOfShow run = RunOfShow.of(show);
            int winnerSlide = indexOf(run, Slide.Winner.class);
            Award award = run.slide(winnerSlide).sealedAward();
            String name = SealedWinnerTest.escape(award.winningNominee().orElseThrow().name());
            command(t, "{\"action\":\"blackout\",\"on\":true}");
            long covered = command(t, "{\"action\":\"goto\",\"slide\":" + winnerSlide + "}").get("version").asLong();
            String under = until(display, "stage", covered);
            assertFalse(under.contains(name), "under the blackout the winner slide has no winner");
            assertTrue(under.contains("id=\"slide-" + winnerSlide + "-sealed\""), "and an id of its own");
            long lifted = command(t, "{\"action\":\"blackout\",\"on\":false}").get("version").asLong();
            String open = until(display, "stage", lifted);
            assertTrue(open.contains(name), "lifting the blackout shows the winner");
            assertTrue(open.contains("id=\"slide-" + winnerSlide + "\""), "as a new slide, so it comes in afresh");
            assertTrue(t.app.director().snapshot().isRevealed(award.id()));
        }
    }

    private static int indexOf(RunOfShow run, Class<? extends Slide> kind) {
        for (int i = 0; i < run.size(); i++) {
            if (kind.isInstance(run.slide(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " slide");
    }

    private static List<String> sealedTexts(Award award) {
        List<String> texts = new ArrayList<>(SealedWinnerTest.sealedTexts(award));
        texts.removeIf(s -> s.length() < 8);
        return texts;
    }

    private static JsonNode command(TestApp t, String json) throws Exception {
        var response = t.control(json);
        assertEquals(200, response.statusCode(), json + " → " + response.body());
        return JSON.readTree(response.body());
    }

    /** The stream's event of {@code name} for {@code version}, skipping older ones (and any other kind of event). */
    private static String until(SseRecorder stream, String name, long version) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            SseRecorder.Event e = stream.next(Duration.between(Instant.now(), deadline));
            if (e.name().equals(name) && e.data().contains("data-version=\"" + version + "\"")) {
                return e.data();
            }
        }
        throw new AssertionError("no " + name + " event for version " + version);
    }
}
