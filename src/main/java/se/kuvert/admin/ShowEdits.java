package se.kuvert.admin;

import se.kuvert.content.Award;
import se.kuvert.content.JuryMember;
import se.kuvert.content.Nominee;
import se.kuvert.content.Partner;
import se.kuvert.content.Show;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.ShowFile;
import se.kuvert.content.SlideSpec;
import se.kuvert.content.Theme;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The edits staff make to a show, as plain functions from one Show to the next. Every result passes the same
 * checks as a show file (see {@link #checked}), so the admin can never store what an import would refuse.
 */
final class ShowEdits {
    private ShowEdits() {
    }

    /** Runs the show through the show-file reader; throws {@link se.kuvert.content.ShowFileException} when it would be refused. */
    static Show checked(Show show) {
        return ShowFile.parse(show.id() + ".yaml", ShowFile.write(show));
    }

    static Show create(String id, String title) {
        return checked(new Show(id, title, null, null, null, "sv", null, List.of(), List.of(), null, null));
    }

    static Show copy(Show show, String newId) {
        return checked(new Show(newId, show.title() + " (kopia)", show.subtitle(), show.date(), show.venue(), show.language(),
                show.theme(), show.awards(), show.partners(), show.closing(), show.runOfShow(), show.loop(), show.sounds()));
    }

    static Show details(Show s, String title, String subtitle, String date, String venue, String language, String closing) {
        return checked(new Show(s.id(), title, blank(subtitle), blank(date), blank(venue), language, s.theme(), s.awards(),
                s.partners(), blank(closing), s.runOfShow(), s.loop(), s.sounds()));
    }

    /** Colours as CSS hex colours, the logo a medium; {@code partners} one "name" or "name, logo path" a line. */
    static Show look(Show s, String background, String text, String accent, String logo, String partners) {
        List<Partner> list = new ArrayList<>();
        if (partners != null) {
            for (String line : partners.replace("\r", "").split("\n")) {
                if (!line.isBlank()) {
                    int comma = line.lastIndexOf(',');
                    String name = (comma < 0 ? line : line.substring(0, comma)).strip();
                    String partnerLogo = comma < 0 ? null : blank(line.substring(comma + 1));
                    list.add(new Partner(name, partnerLogo));
                }
            }
        }
        return checked(new Show(s.id(), s.title(), s.subtitle(), s.date(), s.venue(), s.language(),
                new Theme(blank(background), blank(text), blank(accent), blank(logo)), s.awards(), list, s.closing(), s.runOfShow(), s.loop(),
                s.sounds()));
    }

    static Show addAward(Show s, String name) {
        List<Award> awards = new ArrayList<>(s.awards());
        awards.add(new Award(uniqueId(slug(name), awards.stream().map(Award::id).toList()), name, null, List.of(), null, null,
                null, List.of(), List.of(), null, null));
        return withAwards(s, awards);
    }

    static Show removeAward(Show s, String awardId) {
        return withAwards(s, s.awards().stream().filter(a -> !a.id().equals(awardId)).toList());
    }

    static Show moveAward(Show s, String awardId, int by) {
        return withAwards(s, move(s.awards(), indexOf(s.awards().stream().map(Award::id).toList(), awardId), by));
    }

    /**
     * The award's texts; {@code motivation} has paragraphs separated by blank lines (null keeps it: the form leaves it
     * out while a rehearsal of the show runs), {@code jury} one "name, role" a line.
     */
    static Show awardTexts(Show s, String awardId, String name, String about, String motivation, String jury,
                           String presenter, String prize) {
        return editAward(s, awardId, a -> new Award(a.id(), name, blank(about), a.nominees(), a.winner(), a.citation(),
                a.recipients(), motivation == null ? a.motivation() : paragraphs(motivation), juryLines(jury), blank(presenter), blank(prize), a.minutes()));
    }

    static Show winner(Show s, String awardId, String winnerId, String citation, String recipients) {
        return editAward(s, awardId, a -> new Award(a.id(), a.name(), a.about(), a.nominees(), blank(winnerId), blank(citation),
                blank(recipients), a.motivation(), a.jury(), a.presenter(), a.prize(), a.minutes()));
    }

    static Show addNominee(Show s, String awardId, String name, String text, String image) {
        return editAward(s, awardId, a -> {
            List<Nominee> nominees = new ArrayList<>(a.nominees());
            nominees.add(new Nominee(uniqueId(slug(name), nominees.stream().map(Nominee::id).toList()), name, blank(text),
                    blank(image), null));
            return withNominees(a, nominees);
        });
    }

    static Show editNominee(Show s, String awardId, String nomineeId, String name, String text, String image, String video) {
        return editAward(s, awardId, a -> withNominees(a, a.nominees().stream()
                .map(n -> n.id().equals(nomineeId) ? new Nominee(n.id(), name, blank(text), blank(image), blank(video)) : n).toList()));
    }

    static Show removeNominee(Show s, String awardId, String nomineeId) {
        return editAward(s, awardId, a -> {
            Award without = withNominees(a, a.nominees().stream().filter(n -> !n.id().equals(nomineeId)).toList());
            return nomineeId.equals(a.winner()) ? new Award(without.id(), without.name(), without.about(), without.nominees(),
                    null, without.citation(), without.recipients(), without.motivation(), without.jury(), without.presenter(),
                    without.prize(), without.minutes()) : without;
        });
    }

    static Show moveNominee(Show s, String awardId, String nomineeId, int by) {
        return editAward(s, awardId, a -> withNominees(a, move(a.nominees(),
                indexOf(a.nominees().stream().map(Nominee::id).toList(), nomineeId), by)));
    }

    /** Turns the derived order into the show's own list, so staff can change it. */
    static Show customiseRun(Show s) {
        if (!s.runOfShow().isEmpty()) {
            return s;
        }
        List<SlideSpec> specs = RunOfShow.of(s).slides().stream()
                .map(slide -> new SlideSpec(slide.kind(), slide.award() == null ? null : slide.award().id(), null, null, null, null, null))
                .toList();
        return withRun(s, specs);
    }

    /** Back to the order derived from the awards; the show's own list and its notes are dropped. */
    static Show resetRun(Show s) {
        return withRun(s, List.of());
    }

    static Show addSlide(Show s, String kind, String title, String text, String image, String video) {
        if (!List.of("text", "image", "video", "blank", "logo", "title", "partners", "closing").contains(kind)) {
            throw new IllegalArgumentException("choose a slide kind: text, image, video, blank, logo, title, partners or closing");
        }
        List<SlideSpec> specs = new ArrayList<>(customiseRun(s).runOfShow());
        specs.add(new SlideSpec(kind, null, blank(title), blank(text), blank(image), blank(video), null));
        return withRun(s, specs);
    }

    static Show moveSlide(Show s, int index, int by) {
        return withRun(s, move(customiseRun(s).runOfShow(), index, by));
    }

    static Show removeSlide(Show s, int index) {
        List<SlideSpec> specs = new ArrayList<>(customiseRun(s).runOfShow());
        if (index < 0 || index >= specs.size()) {
            throw new IllegalArgumentException("there is no slide " + (index + 1));
        }
        if (specs.size() == 1) {
            throw new IllegalArgumentException("a run of show needs at least one slide");
        }
        specs.remove(index);
        return withRun(s, specs);
    }

    static Show slideNotes(Show s, int index, String notes) {
        List<SlideSpec> specs = new ArrayList<>(customiseRun(s).runOfShow());
        if (index < 0 || index >= specs.size()) {
            throw new IllegalArgumentException("there is no slide " + (index + 1));
        }
        SlideSpec x = specs.get(index);
        specs.set(index, new SlideSpec(x.kind(), x.award(), x.title(), x.text(), x.image(), x.video(), blank(notes), x.sound()));
        return withRun(s, specs);
    }

    private static Show withRun(Show s, List<SlideSpec> specs) {
        return checked(s.withRunOfShow(specs));
    }

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.replace("\r", "").split("\n\\s*\n")) {
            String joined = p.strip().replaceAll("\\s*\n\\s*", " ");
            if (!joined.isEmpty()) {
                out.add(joined);
            }
        }
        return out;
    }

    static List<JuryMember> juryLines(String text) {
        List<JuryMember> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            out.add(comma < 0 ? new JuryMember(line.strip(), null)
                    : new JuryMember(line.substring(0, comma).strip(), blank(line.substring(comma + 1).strip())));
        }
        return out;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "x" : slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }

    static String uniqueId(String base, List<String> taken) {
        String id = base;
        for (int i = 2; taken.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static Show editAward(Show s, String awardId, UnaryOperator<Award> edit) {
        if (s.award(awardId).isEmpty()) {
            throw new IllegalArgumentException("there is no award '" + awardId + "' in this show");
        }
        return withAwards(s, s.awards().stream().map(a -> a.id().equals(awardId) ? edit.apply(a) : a).toList());
    }

    private static Award withNominees(Award a, List<Nominee> nominees) {
        return new Award(a.id(), a.name(), a.about(), nominees, a.winner(), a.citation(), a.recipients(), a.motivation(), a.jury(),
                a.presenter(), a.prize(), a.minutes());
    }

    private static Show withAwards(Show s, List<Award> awards) {
        return checked(s.withAwards(awards));
    }

    private static <T> List<T> move(List<T> list, int index, int by) {
        List<T> out = new ArrayList<>(list);
        int target = index + by;
        if (index < 0 || target < 0 || target >= out.size()) {
            return out;
        }
        out.add(target, out.remove(index));
        return out;
    }

    private static int indexOf(List<String> ids, String id) {
        return ids.indexOf(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
