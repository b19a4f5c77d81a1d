package se.kuvert.display;

import se.kuvert.content.Show;
import se.kuvert.media.Renditions;

import java.util.List;

/** Every medium of the live show, for displays to load before it is needed (see {@link Show#media()}). */
public final class Preload {
    /** The last show asked about and its media: every change asks again for the same show (a regex per medium). */
    private static volatile Last last = new Last(null, List.of());

    private record Last(Show show, List<String> media) {
    }

    private Preload() {
    }

    public static List<String> of(Show show) {
        Last kept = last;
        if (kept.show() == show) {
            return kept.media();
        }
        List<String> media = show == null ? List.of() : show.media().stream().map(Renditions::display).toList();
        last = new Last(show, media);
        return media;
    }
}
