package se.kuvert.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Small real media for tests in {@code src/test/resources/media/}: a 440 Hz tone or black frames of 0.1–0.3 s,
 * made with ffmpeg ({@code -f lavfi -i sine=frequency=440} or {@code color=c=black:s=16x16}, {@code -bitexact}).
 */
public final class Fixtures {
    public static final String[] VALID = {"black.mp4", "black.webm", "tone.webm", "tone.mp3", "tone.ogg", "tone.wav", "black.webp"};

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test medium " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
