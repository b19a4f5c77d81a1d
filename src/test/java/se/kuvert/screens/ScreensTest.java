package se.kuvert.screens;

import org.junit.jupiter.api.Test;
import se.kuvert.ManualClock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 7, 4, 4, 12L);
        Screens.Report r = only();
        assertEquals(Screens.Health.GREEN, r.health());
        assertNull(r.problem());
        assertEquals(12L, r.roundTripMillis());
    }

    @Test
    void a_screen_without_a_heartbeat_for_five_seconds_is_gone() {
        screens.expect(1, 0);
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 1, 0, 0, 5L);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Screens.Health.GREEN, only().health());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Screens.Health.RED, only().health());
        assertEquals("no heartbeat", only().problem());
        screens.heartbeat(main, "main", "display", 1, 0, 0, 5L);
        assertEquals(Screens.Health.GREEN, only().health(), "a screen that beats again is back");
    }

    @Test
    void a_screen_whose_stream_closed_or_that_said_goodbye_is_red_at_once() {
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 0, 0, 0, 5L);
        screens.disconnected(main);
        assertEquals("not connected", only().problem());
        main = screens.connected("main", "display");
        assertEquals(Screens.Health.GREEN, only().health());
        screens.left(main, "main", "display");
        assertEquals(Screens.Health.RED, only().health());
    }

    @Test
    void a_screen_still_on_an_older_version_after_a_grace_period_is_behind() {
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 3, 0, 0, 5L);
        screens.expect(4, 0);
        assertEquals(Screens.Health.GREEN, only().health(), "a change takes a moment to reach every screen");
        clock.advance(Duration.ofSeconds(3));
        screens.heartbeat(main, "main", "display", 3, 0, 0, 5L);
        assertEquals(Screens.Health.AMBER, only().health());
        assertEquals("behind: shows version 3 of 4", only().problem());
    }

    @Test
    void a_screen_stuck_on_an_old_version_stays_behind_while_the_show_moves_on() {
        String main = screens.connected("main", "display");
        String side = screens.connected("side", "display");
        screens.expect(3, 0);
        screens.heartbeat(main, "main", "display", 3, 0, 0, 5L);
        screens.expect(4, 0);
        clock.advance(Duration.ofSeconds(3));
        screens.heartbeat(main, "main", "display", 3, 0, 0, 5L);
        screens.heartbeat(side, "side", "display", 4, 0, 0, 5L);
        screens.expect(5, 0);
        List<Screens.Report> now = screens.reports();
        assertEquals("behind: shows version 3 of 5", now.get(0).problem(), "still behind, counted from version 4");
        assertEquals(Screens.Health.GREEN, now.get(1).health(), "one change behind for a moment is not behind");
    }

    @Test
    void a_screen_that_has_not_loaded_every_medium_or_is_slow_is_amber() {
        screens.expect(1, 5);
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 1, 3, 5, 20L);
        assertEquals("media loaded 3 of 5", only().problem());
        screens.heartbeat(main, "main", "display", 1, 5, 5, 900L);
        assertEquals("slow network: 900 ms round trip", only().problem());
    }

    @Test
    void listeners_hear_of_health_changes_not_of_every_heartbeat() {
        AtomicInteger calls = new AtomicInteger();
        screens.onChange(calls::incrementAndGet);
        String main = screens.connected("main", "display");
        int afterConnect = calls.get();
        screens.heartbeat(main, "main", "display", 0, 0, 0, 5L);
        int afterFirstBeat = calls.get();
        for (int i = 0; i < 10; i++) {
            screens.heartbeat(main, "main", "display", 0, 0, 0, 5L);
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
        assertEquals("Innan du avslöjar — ingen storbildsskärm är ansluten.", HealthView.of(screens.reports(), envelope).warning(),
                "in the Swedish show's language");
        var english = se.kuvert.TestShows.other();
        var englishEnvelope = new se.kuvert.live.Snapshot(new se.kuvert.live.LiveState("other", 3, 0, false, false, false, 5, null),
                english, se.kuvert.content.RunOfShow.of(english), java.util.Set.of());
        assertEquals("Before you reveal — no big screen has connected.", HealthView.of(screens.reports(), englishEnvelope).warning());
        screens.expect(5, 0);
        String main = screens.connected("main", "display");
        screens.heartbeat(main, "main", "display", 5, 0, 0, 5L);
        assertNull(HealthView.of(screens.reports(), envelope).warning(), "everything is ready");
        String lectern = screens.connected("lectern", "stage");
        clock.advance(Duration.ofSeconds(6));
        screens.heartbeat(lectern, "lectern", "stage", 5, 0, 0, 5L);
        assertEquals("Innan du avslöjar — display main: hörs inte av.", HealthView.of(screens.reports(), envelope).warning());
        assertEquals("Before you reveal — display main: no heartbeat.", HealthView.of(screens.reports(), englishEnvelope).warning());
        assertNull(HealthView.of(screens.reports(), title).warning(), "no reveal next, no warning");
    }

    @Test
    void a_report_without_the_token_of_an_open_stream_of_that_screen_changes_nothing() {
        screens.expect(1, 0);
        String main = screens.connected("main", "display");
        String foyer = screens.connected("foyer", "kiosk");
        String closed = screens.connected("main", "display");
        screens.disconnected(closed);
        assertFalse(screens.heartbeat(null, "main", "display", 1, 0, 0, 5L), "no token");
        assertFalse(screens.heartbeat("f".repeat(32), "main", "display", 1, 0, 0, 5L), "a made-up token");
        assertFalse(screens.heartbeat(foyer, "main", "display", 1, 0, 0, 5L), "another screen's token");
        assertFalse(screens.heartbeat(main, "main", "kiosk", 1, 0, 0, 5L), "the right token for another kind");
        assertFalse(screens.heartbeat(closed, "main", "display", 1, 0, 0, 5L), "the token of a stream that closed");
        assertFalse(screens.heartbeat(main, "nobody", "display", 1, 0, 0, 5L), "a name with no stream");
        assertEquals("starting", screens.reports().stream().filter(r -> r.name().equals("main")).findFirst().orElseThrow().problem());
        assertTrue(screens.heartbeat(main, "main", "display", 1, 0, 0, 5L));
        assertFalse(screens.left(foyer, "main", "display"));
        assertFalse(screens.left(null, "main", "display"));
        assertEquals(List.of("main", "foyer"), screens.reports().stream().map(Screens.Report::name).toList());
        assertEquals(Screens.Health.GREEN, screens.reports().get(0).health(), "nobody but main can say main is gone");
    }

    @Test
    void a_screen_with_no_stream_for_ten_minutes_is_forgotten_and_a_connected_one_never() {
        String main = screens.connected("main", "display");
        String foyer = screens.connected("foyer", "kiosk");
        screens.disconnected(foyer);
        clock.advance(Screens.EXPIRE_AFTER);
        screens.sweep();
        assertEquals(2, screens.reports().size(), "gone for ten minutes, not longer: still listed, red");
        clock.advance(Duration.ofSeconds(1));
        screens.sweep();
        assertEquals("main", only().name(), "connected all along, though silent");
        assertEquals(Screens.Health.RED, only().health());
        screens.disconnected(main);
    }

    @Test
    void a_new_screen_always_gets_in_taking_the_place_of_the_one_gone_longest() {
        for (int i = 0; i < Screens.MAX_SCREENS; i++) {
            String token = screens.connected("x" + i, "kiosk");
            if (i == 0) {
                screens.heartbeat(token, "x0", "kiosk", 0, 0, 0, 5L);   // a real screen's page reports; x0 did
            }
            clock.advance(Duration.ofSeconds(1));
            screens.disconnected(token);
        }
        String main = screens.connected("main", "display");
        List<String> names = screens.reports().stream().map(Screens.Report::name).toList();
        assertEquals(Screens.MAX_SCREENS, names.size());
        assertTrue(names.contains("main"));
        assertTrue(names.contains("x0"), "a screen that reported outlasts streams that never did, though gone longest");
        assertFalse(names.contains("x1"), "of those that never reported, the one gone longest made room");
        for (int i = 0; i < Screens.MAX_SCREENS; i++) {
            screens.connected("y" + i, "kiosk");
        }
        assertTrue(screens.reports().stream().anyMatch(r -> r.name().equals("main")), "connected screens are never pushed out");
        assertTrue(screens.heartbeat(main, "main", "display", 0, 0, 0, 5L));
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
