package se.kuvert.admin;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;
import se.kuvert.content.SlideSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What would go wrong on the night, found before it: each problem with where to fix it. */
public final class Readiness {
    private Readiness() {
    }

    public record Problem(String what, String fix) {
    }

    /** {@code preflight}: whether the show as it is now fits the big screen, measured (it replaces counting characters). */
    static List<Problem> check(Show show, Predicate<String> mediaExists, Preflights.Status preflight) {
        List<Problem> problems = new ArrayList<>();
        String edit = "/admin/shows/" + show.id();
        String run = edit + "/preflight";
        if (preflight instanceof Preflights.Status.NotRun) {
            problems.add(new Problem("The show has not been through preflight: nobody has measured that every slide fits the big screen.", run));
        } else if (preflight instanceof Preflights.Status.Stale) {
            problems.add(new Problem("The show was edited since its last preflight; run it again.", run));
        } else if (preflight instanceof Preflights.Status.Failed f) {
            problems.add(new Problem("Preflight found " + f.last().findings().size() + " problems on the big screen.", run));
        }
        if (show.awards().isEmpty()) {
            problems.add(new Problem("The show has no awards.", edit));
        }
        media(problems, show.theme().logo(), "The show's logo", mediaExists, edit);
        for (Award award : show.awards()) {
            String at = edit + "#award-" + award.id();
            if (award.nominees().isEmpty()) {
                problems.add(new Problem("“" + award.name() + "” has no nominees.", at));
            }
            if (award.winner() == null) {
                problems.add(new Problem("“" + award.name() + "” has no winner set.", at));
            }
            if (award.motivation().isEmpty()) {
                problems.add(new Problem("“" + award.name() + "” has no jury motivation.", at));
            }
            for (Nominee nominee : award.nominees()) {
                if (nominee.image() == null) {
                    problems.add(new Problem("Nominee “" + nominee.name() + "” has no image.", at));
                }
                media(problems, nominee.image(), "The image of “" + nominee.name() + "”", mediaExists, at);
                media(problems, nominee.video(), "The video of “" + nominee.name() + "”", mediaExists, at);
                playable(problems, nominee.video(), at);
            }
        }
        for (se.kuvert.content.Partner partner : show.partners()) {
            media(problems, partner.logo(), "The logo of partner “" + partner.name() + "”", mediaExists, edit + "#look");
        }
        for (SlideSpec spec : show.runOfShow()) {
            media(problems, spec.image(), "A slide's image", mediaExists, edit);
            media(problems, spec.video(), "A slide's video", mediaExists, edit);
            playable(problems, spec.video(), edit);
        }
        for (String sound : show.soundFiles()) {
            media(problems, sound, "A sound", mediaExists, edit);
        }
        return problems;
    }

    private static void media(List<Problem> problems, String path, String what, Predicate<String> exists, String fix) {
        if (path != null && !exists.test(path)) {
            problems.add(new Problem(what + " (" + path + ") is missing from media/.", fix));
        }
    }

    /** Chromium plays MP4 (H.264) and WebM; other containers will show a black box. */
    private static void playable(List<Problem> problems, String path, String fix) {
        if (path != null && !path.toLowerCase().matches(".*\\.(mp4|webm|m4v)$")) {
            problems.add(new Problem(path + " is not MP4 or WebM; Chromium may not play it.", fix));
        }
    }
}
