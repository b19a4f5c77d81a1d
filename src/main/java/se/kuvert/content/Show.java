package se.kuvert.content;

import java.util.List;
import java.util.Optional;

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
        List<SlideSpec> runOfShow) {

    public Show {
        awards = List.copyOf(awards);
        partners = partners == null ? List.of() : List.copyOf(partners);
        runOfShow = runOfShow == null ? List.of() : List.copyOf(runOfShow);
        language = language == null || language.isBlank() ? "sv" : language;
        theme = theme == null ? Theme.DEFAULT : theme;
    }

    public Optional<Award> award(String awardId) {
        return awards.stream().filter(a -> a.id().equals(awardId)).findFirst();
    }
}
