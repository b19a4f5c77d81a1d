package se.kuvert.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One ceremony as staff prepared it: what is shown, in which language and look, and in which order.
 * A show with no explicit run of show gets one derived from its awards (see {@link RunOfShow}).
 */
public record Show(
        String id,
        String title,
        String subtitle,
        String date,
        String venue,
        String language,
        Theme theme,
        List<Award> awards,
        List<Partner> partners,
        String closing,
        List<SlideSpec> runOfShow,
        LoopSettings loop) {

    public Show {
        loop = loop == null ? LoopSettings.DEFAULT : loop;
        awards = List.copyOf(awards);
        partners = partners == null ? List.of() : List.copyOf(partners);
        runOfShow = runOfShow == null ? List.of() : List.copyOf(runOfShow);
        language = language == null || language.isBlank() ? "sv" : language;
        theme = theme == null ? Theme.DEFAULT : theme;
    }

    /** A show with the default attract loop. */
    public Show(String id, String title, String subtitle, String date, String venue, String language, Theme theme,
                List<Award> awards, List<Partner> partners, String closing, List<SlideSpec> runOfShow) {
        this(id, title, subtitle, date, venue, language, theme, awards, partners, closing, runOfShow, null);
    }

    /**
     * Every medium the show can put on screen, each once: the logo, every nominee's image and video in file order
     * (all nominees alike, so the list says nothing about who wins), partner logos, custom slides' media.
     */
    public List<String> media() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(theme.logo());
        for (Award award : awards) {
            for (Nominee nominee : award.nominees()) {
                paths.add(nominee.image());
                paths.add(nominee.video());
            }
        }
        partners.forEach(p -> paths.add(p.logo()));
        for (SlideSpec spec : runOfShow) {
            paths.add(spec.image());
            paths.add(spec.video());
        }
        paths.remove(null);
        return List.copyOf(paths);
    }

    public Optional<Award> award(String awardId) {
        return awards.stream().filter(a -> a.id().equals(awardId)).findFirst();
    }
}
