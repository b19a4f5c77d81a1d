package se.kuvert.screens;

import org.junit.jupiter.api.Test;
import se.kuvert.ManualClock;
import se.kuvert.sound.AudioOutput;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audio output is ready only when it has loaded the sounds too; the silent screens do not load them. */
class SoundReadinessTest {
    private final Screens screens = new Screens(new ManualClock(), new AudioOutput(""));

    private Screens.Report report(String name) {
        return screens.reports().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_audio_output_waits_for_its_sounds_and_the_other_screens_do_not() {
        screens.expect(3, 4, 2);
        String main = screens.connected("main", "display");
        String side = screens.connected("side", "display");
        String kiosk = screens.connected("foyer", "kiosk");
        screens.heartbeat(main, "main", "display", 3, 4, 6, 5L);
        screens.heartbeat(side, "side", "display", 3, 4, 4, 5L);
        screens.heartbeat(kiosk, "foyer", "kiosk", 3, 4, 4, 5L);
        assertEquals(Screens.Health.AMBER, report("main").health());
        assertEquals("media loaded 4 of 6", report("main").problem());
        assertEquals(Screens.Health.GREEN, report("side").health());
        assertEquals(Screens.Health.GREEN, report("foyer").health());
        screens.heartbeat(main, "main", "display", 3, 6, 6, 5L);
        assertEquals(Screens.Health.GREEN, report("main").health());
    }
}
