package se.kuvert.sound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioOutputTest {
    @Test
    void with_none_configured_the_main_display_plays_and_the_others_stay_silent() {
        AudioOutput output = new AudioOutput("");
        assertTrue(output.test("main"));
        assertTrue(output.test("display"), "a /display opened with no name is the main one");
        assertFalse(output.test("side"));
    }

    @Test
    void a_configured_name_is_the_only_screen_that_plays() {
        AudioOutput output = new AudioOutput(" Hall-Left ");
        assertTrue(output.test("hall-left"));
        assertFalse(output.test("main"));
        assertFalse(output.test("display"));
    }
}
