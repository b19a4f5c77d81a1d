package se.kuvert.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.content.Show;
import se.kuvert.live.Command;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sound cues on the big screen (the audio output: a /display with no name) in real Chromium, asserted on the audio
 * elements themselves: playing means not paused and its time moving, never a sleep.
 */
class SoundBrowserTest extends BrowserTest {
    private static final String SHOW = "digitaliseringskommun-2021";
    static final String FANFARE = "#preload audio[data-sound='sounds/fanfare.wav']";
    private static final String STING = "#preload audio[data-sound='sounds/sting.wav']";

    @TempDir
    Path data;

    /** Waits until every sound the big screen preloads can play through. */
    static void awaitSoundsLoaded(Page display) {
        display.waitForFunction("() => [...document.querySelectorAll('#preload audio')].every(a => a.readyState >= 3)");
    }

    static void awaitPlaying(Page display, String audio) {
        display.waitForFunction("s => { const a = document.querySelector(s); return a && !a.paused && a.currentTime > 0; }", audio);
    }

    private static boolean silent(Page display, String audio) {
        return (Boolean) display.evaluate("s => { const a = document.querySelector(s); return a.paused && a.currentTime === 0; }", audio);
    }

    /** Applies a command as the operator does and waits until the big screen shows its version. */
    private static void apply(Room room, Command command) {
        room.server.app.director().apply(command, null, "operator");
        assertThat(room.slide()).hasAttribute("data-version", String.valueOf(room.version()));
    }

    @Test
    void walking_the_demo_show_stings_on_the_envelope_and_plays_the_fanfare_on_the_winner() {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            // Both sounds are loaded before they are needed, and the screen counts them in its readiness.
            awaitSoundsLoaded(room.display);
            assertEquals(2, room.display.locator("#preload audio").count());
            while (!room.slide().getAttribute("data-kind").equals("envelope")) {
                assertTrue(silent(room.display, STING) && silent(room.display, FANFARE), room.slide().getAttribute("data-kind"));
                room.next();
            }
            awaitPlaying(room.display, STING);
            assertTrue(silent(room.display, FANFARE));
            room.next();
            assertEquals("winner", room.slide().getAttribute("data-kind"));
            awaitPlaying(room.display, FANFARE);
            assertTrue((Boolean) room.display.evaluate("s => document.querySelector(s).paused", STING), "the sting stops for the fanfare");
            // Ready on the phone means the sounds are loaded too: the big screen counts 1 logo, 3 images and 2 sounds.
            assertThat(room.phone.locator("#health .dot[data-screen='display']")).hasAttribute("data-health", "green",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
            var report = room.server.app.screens().reports().stream().filter(r -> r.name().equals("display")).findFirst().orElseThrow();
            assertEquals(6, report.preloaded(), report.toString());
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }

    @Test
    void a_missing_sound_keeps_the_big_screen_from_being_ready(@TempDir Path other) {
        try (Room room = new Room(chromium, other, SHOW, 1920, 1080)) {
            Show show = room.server.app.shows().find(SHOW).orElseThrow();
            Map<String, String> sounds = new HashMap<>(show.sounds());
            sounds.put("winner", "sounds/missing.wav");
            room.server.app.shows().save(new Show("missing-sound", show.title(), show.subtitle(), show.date(), show.venue(),
                    show.language(), show.theme(), show.awards(), show.partners(), show.closing(), show.runOfShow(),
                    show.loop(), sounds), "test");
            apply(room, new Command.Load("missing-sound"));
            // Everything else loads; the missing sound never does, and the phone says so ("media laddade 5 av 6").
            room.display.waitForFunction("() => document.querySelector(\"#preload audio[data-sound='sounds/missing.wav']\")?.error"
                    + " && [...document.querySelectorAll('#preload img')].every(i => i.complete && i.naturalWidth > 0)");
            Locator dot = room.phone.locator("#health .dot[data-screen='display']");
            assertThat(dot).hasAttribute("title", Pattern.compile("5 av 6"), new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
            assertThat(dot).hasAttribute("data-health", "amber");
        }
    }

    @Test
    void under_a_blackout_the_winner_is_silent_and_the_fanfare_plays_when_the_blackout_lifts() {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            awaitSoundsLoaded(room.display);
            apply(room, new Command.Goto(3, 0));
            awaitPlaying(room.display, STING);
            apply(room, new Command.Blackout(true));
            apply(room, new Command.Next());
            assertEquals("winner", room.slide().getAttribute("data-kind"));
            assertTrue(silent(room.display, FANFARE), "no fanfare under the blackout");
            apply(room, new Command.Blackout(false));
            awaitPlaying(room.display, FANFARE);
        }
    }

    @Test
    void stop_and_mute_act_on_the_playing_fanfare_and_a_resync_does_not_replay_it() {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            awaitSoundsLoaded(room.display);
            apply(room, new Command.Goto(4, 0));
            awaitPlaying(room.display, FANFARE);
            assertEquals(200, room.server.control("{\"action\":\"mute\",\"on\":true}").statusCode());
            room.display.waitForFunction("s => document.querySelector(s).muted", FANFARE);
            assertTrue((Boolean) room.display.evaluate("s => !document.querySelector(s).paused", FANFARE), "a mute does not stop it");
            assertEquals(200, room.server.control("{\"action\":\"sound\",\"do\":\"stop\"}").statusCode());
            room.display.waitForFunction("s => document.querySelector(s).paused", FANFARE);
            assertEquals(200, room.server.control("{\"action\":\"mute\",\"on\":false}").statusCode());
            room.display.waitForFunction("s => !document.querySelector(s).muted", FANFARE);
            // The logo over the same slide and back, and a dropped stream that reconnects: the same slide, no replay.
            apply(room, new Command.Logo(true));
            apply(room, new Command.Logo(false));
            assertTrue(silent(room.display, FANFARE), "no replay when a cover lifts off the same slide");
            assertEquals(200, room.server.control("{\"action\":\"mute\",\"on\":true}").statusCode());
            room.display.waitForFunction("s => document.querySelector(s).muted", FANFARE);
            room.display.evaluate("() => { window.__opened = 0; document.body.addEventListener('htmx:sseOpen', () => window.__opened++); }");
            int received = ((Number) room.display.evaluate("() => window.__kuvert.sse.length")).intValue();
            // The stream drops (closed under htmx, which reconnects as after a network error) and resyncs.
            room.display.evaluate("() => { const s = document.getElementById('stage')['htmx-internal-data'].sseEventSource;"
                    + " s.close(); s.onerror(new Event('error')); }");
            room.display.waitForFunction("n => window.__opened > 0 && window.__kuvert.sse.length > n", received);
            assertTrue(silent(room.display, FANFARE), "no replay when the stream comes back on the same slide");
            assertTrue((Boolean) room.display.evaluate("s => document.querySelector(s).muted", FANFARE), "still muted after the reconnect");
        }
    }
}
