package se.kuvert.sound;

import org.junit.jupiter.api.Test;
import se.kuvert.media.MediaStore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceholderSoundsTest {
    private static final Path DIR = Path.of("media", "sounds");

    @Test
    void the_committed_sounds_are_what_the_generator_makes() throws Exception {
        assertArrayEquals(PlaceholderSounds.wav(PlaceholderSounds.fanfare()), Files.readAllBytes(DIR.resolve("fanfare.wav")));
        assertArrayEquals(PlaceholderSounds.wav(PlaceholderSounds.sting()), Files.readAllBytes(DIR.resolve("sting.wav")));
    }

    @Test
    void the_placeholder_sounds_pass_the_upload_check_and_are_small_mono_22_khz() throws Exception {
        for (String name : new String[]{"fanfare.wav", "sting.wav"}) {
            Path file = DIR.resolve(name);
            assertEquals(MediaStore.Kind.WAV, MediaStore.inspect(name, file));
            assertTrue(Files.size(file) < 200_000, name + " is " + Files.size(file) + " bytes");
            ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1, header.getShort(22), name + ": channels");
            assertEquals(22_050, header.getInt(24), name + ": sample rate");
        }
    }

    @Test
    void the_fanfare_lasts_long_enough_to_be_heard_and_the_sting_is_short() {
        double fanfare = PlaceholderSounds.fanfare().length / (double) PlaceholderSounds.RATE;
        double sting = PlaceholderSounds.sting().length / (double) PlaceholderSounds.RATE;
        assertTrue(fanfare > 2 && fanfare < 4, "fanfare " + fanfare + " s");
        assertTrue(sting > 0.5 && sting < 1.5, "sting " + sting + " s");
    }
}
