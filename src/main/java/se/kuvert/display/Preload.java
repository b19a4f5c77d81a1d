package se.kuvert.display;

import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.media.Renditions;

import java.util.List;

/**
 * Every medium of the live show, for displays to load before it is needed (see {@link Show#media()}): the images and
 * videos, then the sounds, which only the audio output loads. The same list whoever wins.
 */
public final class Preload {
    /** The last show asked about and its media: every change asks again for the same show (a regex per medium). */
    private static volatile Last last = new Last(null, List.of(), List.of());

    /** The media and sounds of the show last asked for: every change asks again, for the same show. */
    private record Last(Show show, List<String> media, List<String> sounds) {
    }

    private Preload() {
    }

    public static List<String> of(Show show) {
        return kept(show).media();
    }

    /** The sounds of the show, which the screen that plays them loads besides the rest. */
    public static List<String> sounds(Show show) {
        return kept(show).sounds();
    }

    private static Last kept(Show show) {
        Last kept = last;
        if (kept.show() == show) {
            return kept;
        }
        Last now = show == null ? new Last(null, List.of(), List.of())
                : new Last(show, show.media().stream().map(Renditions::display).toList(), show.soundFiles());
        last = now;
        return now;
    }

    /** True for a path the browser loads as audio. */
    public static boolean isSound(String path) {
        return ShowFile.isAudio(path);
    }
}
