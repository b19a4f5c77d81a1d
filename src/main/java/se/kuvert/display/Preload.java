package se.kuvert.display;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Partner;
import se.kuvert.content.Show;
import se.kuvert.content.SlideSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every medium a show can put on screen, for displays to load before they are needed. Every nominee's media are
 * listed alike and in show-file order, so the list says nothing about who wins.
 */
public final class Preload {
    private Preload() {
    }

    public static List<String> of(Show show) {
        if (show == null) {
            return List.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        add(paths, show.theme().logo());
        for (Award award : show.awards()) {
            for (Nominee nominee : award.nominees()) {
                add(paths, nominee.image());
                add(paths, nominee.video());
            }
        }
        for (Partner partner : show.partners()) {
            add(paths, partner.logo());
        }
        for (SlideSpec spec : show.runOfShow()) {
            add(paths, spec.image());
            add(paths, spec.video());
        }
        return new ArrayList<>(paths);
    }

    private static void add(Set<String> paths, String path) {
        if (path != null && !path.isBlank()) {
            paths.add(path);
        }
    }
}
