package se.kuvert.sound;

import java.util.function.Predicate;

/**
 * Which big screen plays the show's sounds, by its {@code ?screen=} name: the one named in {@code audio:} of
 * config/kuvert.yaml, or when that is blank the screen called {@code main} (or a display opened with no name).
 * Every other screen stays silent and does not load the sounds.
 */
public record AudioOutput(String name) implements Predicate<String> {
    /** The names that count as the main display when no audio output is configured. */
    static final java.util.Set<String> MAIN = java.util.Set.of("main", "display");

    public AudioOutput {
        name = name == null ? "" : name.trim().toLowerCase();
    }

    /** True when the display named {@code screen} plays the sounds. */
    @Override
    public boolean test(String screen) {
        return name.isEmpty() ? MAIN.contains(screen) : name.equals(screen);
    }
}
