package se.kuvert.presenter;

import se.kuvert.content.Award;
import se.kuvert.content.JuryMember;
import se.kuvert.content.Nominee;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * What the presenter's phone shows: now and next, the text to read aloud, the run of show, the shows.
 * The same for every presenter, so it is rendered once per change. Before a reveal it never names the winner.
 */
public record PresenterView(
        String showId,
        String showTitle,
        long version,
        boolean blackout,
        boolean logo,
        boolean loop,
        Long startedAtMillis,
        Place now,
        Place next,
        boolean nextRevealsWinner,
        boolean winnerMissing,
        List<Line> script,
        String notes,
        List<RunItem> run,
        List<ShowRepository.Summary> shows,
        Texts texts,
        boolean rehearsal) {

    /** A slide and step as the presenter reads it: "De nominerade" of an award, step 2 of 3, "Växjö kommun". */
    public record Place(int slide, int step, int steps, String kind, String title, String award, String detail) {
        public boolean hasSteps() {
            return steps > 1;
        }
    }

    /** One line of the read-aloud text; {@code current} is the one on screen now. */
    public record Line(String text, boolean current, boolean heading) {
    }

    public record RunItem(int index, String kind, String title, int steps, boolean current, boolean done, boolean reveals) {
    }

    public static PresenterView of(Snapshot snapshot, List<ShowRepository.Summary> shows) {
        LiveState s = snapshot.state();
        Show show = snapshot.show();
        if (show == null) {
            return new PresenterView(null, null, s.version(), s.blackout(), s.logo(), false, null, null, null, false, false,
                    List.of(), null, List.of(), shows, Texts.of((Show) null), false);
        }
        RunOfShow run = snapshot.run();
        Slide slide = snapshot.slide();
        Place now = place(show, slide, s.slide(), s.step());
        LiveState n = snapshot.nextPlace();
        Place next = n == s ? null : place(show, run.slide(n.slide()), n.slide(), n.step());
        boolean reveals = snapshot.nextRevealsWinner();
        boolean missing = snapshot.nextSlide() instanceof Slide.Winner w && w.award().winningNominee().isEmpty();
        List<RunItem> items = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            Slide each = run.slide(i);
            items.add(new RunItem(i, each.kind(), SlideLabels.title(show, each), each.steps(), i == s.slide(), i < s.slide(),
                    snapshot.jumpReveals(i)));
        }
        return new PresenterView(show.id(), show.title(), s.version(), s.blackout(), s.logo(), s.loop(),
                s.startedAt() == null ? null : s.startedAt().toEpochMilli(), now, next, reveals, missing,
                script(show, slide, s.step()), slide.notes(), items, shows, Texts.of(show), s.rehearsal());
    }

    /** The place {@code at} of {@code snapshot}'s show as the phone names it; {@code snapshot} must have a show. */
    public static Place place(Snapshot snapshot, LiveState at) {
        return place(snapshot.show(), snapshot.run().slide(at.slide()), at.slide(), at.step());
    }

    private static Place place(Show show, Slide slide, int index, int step) {
        return new Place(index, step, slide.steps(), slide.kind(), SlideLabels.title(show, slide), SlideLabels.awardName(slide),
                SlideLabels.step(show, slide, step));
    }

    /** The text to read aloud for what is on screen now; only ever what the audience can already see or is seeing. */
    static List<Line> script(Show show, Slide slide, int step) {
        Texts t = Texts.of(show.language());
        List<Line> lines = new ArrayList<>();
        if (slide instanceof Slide.Title) {
            add(lines, show.title(), false, true);
            add(lines, show.subtitle(), false, false);
            add(lines, join(show.date(), show.venue()), false, false);
        } else if (slide instanceof Slide.AwardIntro a) {
            add(lines, a.award().name(), false, true);
            add(lines, a.award().about(), false, false);
        } else if (slide instanceof Slide.Nominees n) {
            List<Nominee> nominees = n.award().nominees();
            for (int i = 0; i <= step && i < nominees.size(); i++) {
                add(lines, join(nominees.get(i).name(), nominees.get(i).text()), i == step, false);
            }
        } else if (slide instanceof Slide.Envelope) {
            add(lines, t.get("envelope"), true, true);
        } else if (slide instanceof Slide.Winner w) {
            Award award = w.award();
            award.winningNominee().ifPresent(winner -> add(lines, winner.name(), true, true));
            add(lines, award.citation(), false, false);
            add(lines, award.recipients(), false, false);
        } else if (slide instanceof Slide.Motivation m) {
            List<String> paragraphs = m.award().motivation();
            for (int i = 0; i < paragraphs.size(); i++) {
                add(lines, paragraphs.get(i), i == step, false);
            }
        } else if (slide instanceof Slide.Prize p) {
            add(lines, p.award().prize(), false, false);
            add(lines, p.award().presenter() == null ? null : t.get("presentedBy") + ": " + p.award().presenter(), false, false);
        } else if (slide instanceof Slide.Jury j) {
            for (JuryMember member : j.award().jury()) {
                add(lines, join(member.name(), member.role()), false, false);
            }
        } else if (slide instanceof Slide.Partners p) {
            p.partners().forEach(partner -> add(lines, partner.name(), false, false));
        } else if (slide instanceof Slide.Closing) {
            add(lines, show.closing() == null ? t.get("thanks") : show.closing(), false, false);
        } else if (slide instanceof Slide.Text x) {
            add(lines, x.title(), false, true);
            add(lines, x.text(), false, false);
        }
        return lines;
    }

    private static void add(List<Line> lines, String text, boolean current, boolean heading) {
        if (text != null && !text.isBlank()) {
            lines.add(new Line(text, current, heading));
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }
}
