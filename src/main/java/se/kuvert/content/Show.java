package se.kuvert.content;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        LoopSettings loop,
        Map<String, String> sounds) {

    public Show {
        loop = loop == null ? LoopSettings.DEFAULT : loop;
        sounds = sounds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sounds));
        awards = List.copyOf(awards);
        partners = partners == null ? List.of() : List.copyOf(partners);
        runOfShow = runOfShow == null ? List.of() : List.copyOf(runOfShow);
        language = language == null || language.isBlank() ? "sv" : language;
        theme = theme == null ? Theme.DEFAULT : theme;
    }

    /** A show with the default attract loop. */
    public Show(String id, String title, String subtitle, String date, String venue, String language, Theme theme,
                List<Award> awards, List<Partner> partners, String closing, List<SlideSpec> runOfShow) {
        this(id, title, subtitle, date, venue, language, theme, awards, partners, closing, runOfShow, null, null);
    }

    /** A show with no sound cues. */
    public Show(String id, String title, String subtitle, String date, String venue, String language, Theme theme,
                List<Award> awards, List<Partner> partners, String closing, List<SlideSpec> runOfShow, LoopSettings loop) {
        this(id, title, subtitle, date, venue, language, theme, awards, partners, closing, runOfShow, loop, null);
    }

    /** The same show with other awards (sealed copies, stand-ins); everything else, sounds included, stays. */
    public Show withAwards(List<Award> other) {
        return new Show(id, title, subtitle, date, venue, language, theme, other, partners, closing, runOfShow, loop, sounds);
    }

    /** The same show with its own run of show. */
    public Show withRunOfShow(List<SlideSpec> other) {
        return new Show(id, title, subtitle, date, venue, language, theme, awards, partners, closing, other, loop, sounds);
    }

    /**
     * The sound played when slide {@code index} (of kind {@code kind}) appears, or null: the slide's own {@code sound:},
     * else the show's default for the kind. It depends on the slide's place and kind only, never on a nominee or the
     * winner, so it tells the room nothing before the reveal.
     */
    public String sound(int index, String kind) {
        String own = index >= 0 && index < runOfShow.size() ? runOfShow.get(index).sound() : null;
        String sound = own != null ? own : sounds.get(kind);
        return SlideSpec.SILENT.equals(sound) ? null : sound;
    }

    /** Every sound the show can play, each once: the kind defaults (in kind order), then the slides' own. */
    public List<String> soundFiles() {
        Set<String> paths = new LinkedHashSet<>();
        RunOfShow.KINDS.forEach(kind -> paths.add(sounds.get(kind)));
        runOfShow.forEach(spec -> paths.add(spec.sound()));
        paths.remove(SlideSpec.SILENT);
        paths.remove(null);
        return List.copyOf(paths);
    }

    /**
     * Every medium the show can put on screen, each once: the logo, every nominee's image and video in file order
     * (all nominees alike, so the list says nothing about who wins), partner logos, custom slides' media, then the
     * sounds ({@link #soundFiles()}).
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
        paths.addAll(soundFiles());
        paths.remove(null);
        return List.copyOf(paths);
    }

    public Optional<Award> award(String awardId) {
        return awards.stream().filter(a -> a.id().equals(awardId)).findFirst();
    }
}
