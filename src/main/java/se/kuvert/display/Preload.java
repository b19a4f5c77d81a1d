package se.kuvert.display;

import se.kuvert.content.Show;
import se.kuvert.media.Renditions;

import java.util.List;

/** Every medium of the live show, for displays to load before it is needed (see {@link Show#media()}). */
public final class Preload {
    private Preload() {
    }

    public static List<String> of(Show show) {
        return show == null ? List.of() : show.media().stream().map(Renditions::display).toList();
    }
}
