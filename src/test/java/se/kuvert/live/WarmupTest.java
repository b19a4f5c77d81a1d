package se.kuvert.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.TestShows;
import se.kuvert.content.RunOfShow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {
    @TempDir
    Path dir;

    @Test
    void goesOverEverySlideAndStepThenTheCoversOfTheLivePlace() {
        try (TestApp t = TestApp.start(dir, "gala")) {
            t.control("{\"action\":\"goto\",\"slide\":2}");
            Snapshot live = t.app.director().snapshot();
            RunOfShow run = live.run();
            List<Snapshot> places = Warmup.places(live);

            Set<String> seen = new HashSet<>();
            int steps = 0;
            for (int slide = 0; slide < run.size(); slide++) {
                steps += run.slide(slide).steps();
            }
            for (Snapshot place : places.subList(0, steps)) {
                LiveState s = place.state();
                assertFalse(s.blackout() || s.logo() || s.loop(), "uncovered: " + s);
                assertTrue(seen.add(s.slide() + "/" + s.step()), "each place once: " + s);
            }
            assertEquals(steps, seen.size());
            List<LiveState> covers = places.subList(steps, places.size()).stream().map(Snapshot::state).toList();
            assertEquals(3, covers.size());
            assertTrue(covers.get(0).blackout() && covers.get(1).logo() && covers.get(2).loop());
            for (Snapshot place : places) {
                assertEquals(live.state().version(), place.state().version());
                assertEquals(live.revealed(), place.revealed());
            }
            assertTrue(covers.stream().allMatch(s -> s.slide() == 2 && s.step() == 0));
        }
    }

    @Test
    void everyRenderRunsAtLeastItsCountInWholeRoundsAndNotPastItsTime() {
        try (TestApp t = TestApp.start(dir, "gala")) {
            int places = Warmup.places(t.app.director().snapshot()).size();
            AtomicInteger calls = new AtomicInteger();
            Warmup.Render counting = new Warmup.Render("count", s -> calls.incrementAndGet());

            Warmup.Done done = new Warmup(t.app.director()::snapshot, List.of(counting, counting), places + 1, Duration.ofMinutes(1)).run();
            assertEquals(2, done.rounds());
            assertEquals(places, done.places());
            assertEquals(2 * 2 * places, calls.get());

            calls.set(0);
            assertEquals(0, new Warmup(t.app.director()::snapshot, List.of(counting), 1_000, Duration.ZERO).run().rounds());
            assertEquals(0, calls.get());
        }
    }

    @Test
    void withNoShowLoadedThereIsNothingToWarm() {
        try (TestApp t = TestApp.start(dir, null)) {
            assertEquals(0, t.app.warmup().run().places());
        }
    }

    /**
     * The app's own warm-up renders every kind of screen for every place, the winner's included, and the room sees
     * none of it: the live state and the control log stay as they were, and a connected big screen and tool get
     * nothing until the next command, whose version is the next one.
     */
    @Test
    void theAppsWarmUpChangesNothingAnyScreenOrTheLogSees() {
        try (TestApp t = TestApp.start(dir, "gala");
             SseRecorder display = new SseRecorder(t.http, t.url("/events/display"), null);
             SseRecorder tools = SseRecorder.withToken(t.http, t.url("/events/state"), TestApp.TOKEN)) {
            display.next();
            tools.next();
            long version = t.app.director().snapshot().state().version();
            List<LogEntry> log = t.app.director().log(100);

            Warmup.Done done = t.app.warmup().run();

            assertTrue(done.rounds() >= 1, "ran: " + done);
            assertTrue(done.bytes() > 0, "rendered something: " + done);
            assertEquals(version, t.app.director().snapshot().state().version());
            assertEquals(log, t.app.director().log(100));
            assertEquals(200, t.control("{\"action\":\"next\"}").statusCode());
            SseRecorder.Event stage = display.next();
            assertTrue(stage.data().contains("data-version=\"" + (version + 1) + "\""), "the next display event is the command's");
            assertFalse(stage.data().contains(TestShows.WINNER_NAME));
            SseRecorder.Event state;
            do {
                state = tools.next();   // a tool also hears of the screens' health, at the version it had
                assertTrue(state.data().contains("\"version\":" + version) || state.data().contains("\"version\":" + (version + 1)), state.data());
            } while (!state.data().contains("\"version\":" + (version + 1)));
        }
    }
}
