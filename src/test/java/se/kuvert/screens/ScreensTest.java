package se.kuvert.screens;

import org.junit.jupiter.api.Test;
import se.kuvert.ManualClock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's rules, on a clock the test moves: when a screen is green, amber or red, and when anyone hears of it. */
class ScreensTest {
    private final ManualClock clock = new ManualClock();
    private final Screens screens = new Screens(clock);

    private Screens.Report only() {
        List<Screens.Report> all = screens.reports();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void a_connected_screen_that_shows_the_live_version_with_all_media_is_green() {
        screens.expect(7, 4);
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 7, 4, 4, 12L);
        Screens.Report r = only();
        assertEquals(Screens.Health.GREEN, r.health());
        assertNull(r.problem());
        assertEquals(12L, r.roundTripMillis());
    }

    @Test
    void a_screen_without_a_heartbeat_for_five_seconds_is_gone() {
        screens.expect(1, 0);
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 1, 0, 0, 5L);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Screens.Health.GREEN, only().health());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Screens.Health.RED, only().health());
        assertEquals("no heartbeat", only().problem());
        screens.heartbeat("main", "display", 1, 0, 0, 5L);
        assertEquals(Screens.Health.GREEN, only().health(), "a screen that beats again is back");
    }

    @Test
    void a_screen_whose_stream_closed_or_that_said_goodbye_is_red_at_once() {
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 0, 0, 0, 5L);
        screens.disconnected("main");
        assertEquals("not connected", only().problem());
        screens.connected("main", "display");
        assertEquals(Screens.Health.GREEN, only().health());
        screens.left("main");
        assertEquals(Screens.Health.RED, only().health());
    }

    @Test
    void a_screen_still_on_an_older_version_after_a_grace_period_is_behind() {
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 3, 0, 0, 5L);
        screens.expect(4, 0);
        assertEquals(Screens.Health.GREEN, only().health(), "a change takes a moment to reach every screen");
        clock.advance(Duration.ofSeconds(3));
        screens.heartbeat("main", "display", 3, 0, 0, 5L);
        assertEquals(Screens.Health.AMBER, only().health());
        assertEquals("behind: shows version 3 of 4", only().problem());
    }

    @Test
    void a_screen_that_has_not_loaded_every_medium_or_is_slow_is_amber() {
        screens.expect(1, 5);
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 1, 3, 5, 20L);
        assertEquals("media loaded 3 of 5", only().problem());
        screens.heartbeat("main", "display", 1, 5, 5, 900L);
        assertEquals("slow network: 900 ms round trip", only().problem());
    }

    @Test
    void listeners_hear_of_health_changes_not_of_every_heartbeat() {
        AtomicInteger calls = new AtomicInteger();
        screens.onChange(calls::incrementAndGet);
        screens.connected("main", "display");
        int afterConnect = calls.get();
        screens.heartbeat("main", "display", 0, 0, 0, 5L);
        int afterFirstBeat = calls.get();
        for (int i = 0; i < 10; i++) {
            screens.heartbeat("main", "display", 0, 0, 0, 5L);
        }
        assertEquals(afterFirstBeat, calls.get(), "steady heartbeats change nothing");
        assertTrue(afterConnect >= 1);
        clock.advance(Duration.ofSeconds(6));
        screens.sweep();
        assertEquals(afterFirstBeat + 1, calls.get(), "going red is news");
    }

    @Test
    void the_phone_is_warned_before_a_reveal_only_when_a_screen_is_not_ready() {
        var show = se.kuvert.TestShows.gala();
        var run = se.kuvert.content.RunOfShow.of(show);
        var envelope = new se.kuvert.live.Snapshot(new se.kuvert.live.LiveState("gala", 3, 0, false, false, false, 5, null),
                show, run, java.util.Set.of());
        var title = new se.kuvert.live.Snapshot(new se.kuvert.live.LiveState("gala", 0, 0, false, false, false, 5, null),
                show, run, java.util.Set.of());
        assertEquals("Before you reveal — no big screen has connected.", HealthView.of(screens.reports(), envelope).warning());
        screens.expect(5, 0);
        screens.connected("main", "display");
        screens.heartbeat("main", "display", 5, 0, 0, 5L);
        assertNull(HealthView.of(screens.reports(), envelope).warning(), "everything is ready");
        screens.connected("lectern", "stage");
        clock.advance(Duration.ofSeconds(6));
        screens.heartbeat("lectern", "stage", 5, 0, 0, 5L);
        assertEquals("Before you reveal — display main: no heartbeat.", HealthView.of(screens.reports(), envelope).warning());
        assertNull(HealthView.of(screens.reports(), title).warning(), "no reveal next, no warning");
    }

    @Test
    void names_are_checked_and_default_to_the_kind() {
        assertEquals("display", Screens.name(null, "display"));
        assertEquals("foyer-left", Screens.name("Foyer-Left", "kiosk"));
        assertThrows(IllegalArgumentException.class, () -> Screens.name("<b>main</b>", "display"));
        assertThrows(IllegalArgumentException.class, () -> Screens.name("a".repeat(33), "display"));
        assertThrows(IllegalArgumentException.class, () -> Screens.kind("projector"));
    }
}
