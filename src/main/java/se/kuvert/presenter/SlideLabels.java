package se.kuvert.presenter;

import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;

/** Short human names of slides for the presenter's screens. Never names a winner. */
final class SlideLabels {
    private SlideLabels() {
    }

    static String title(Show show, Slide slide) {
        Texts t = Texts.of(show.language());
        if (slide instanceof Slide.Title) {
            return show.title();
        }
        if (slide instanceof Slide.AwardIntro a) {
            return a.award().name();
        }
        if (slide instanceof Slide.Nominees n) {
            return t.get("nominees") + " · " + n.award().name();
        }
        if (slide instanceof Slide.Envelope e) {
            return t.get("envelope") + " · " + e.award().name();
        }
        if (slide instanceof Slide.Winner w) {
            return t.get("winner") + " · " + w.award().name();
        }
        if (slide instanceof Slide.Motivation m) {
            return t.get("motivation") + " · " + m.award().name();
        }
        if (slide instanceof Slide.Prize p) {
            return t.get("prize") + " · " + p.award().name();
        }
        if (slide instanceof Slide.Jury j) {
            return t.get("jury") + " · " + j.award().name();
        }
        if (slide instanceof Slide.Partners) {
            return t.get("partners");
        }
        if (slide instanceof Slide.Closing) {
            return t.get("thanks");
        }
        if (slide instanceof Slide.Text x) {
            return orKind(x.title(), slide);
        }
        if (slide instanceof Slide.Image i) {
            return orKind(i.title(), slide);
        }
        if (slide instanceof Slide.Video v) {
            return orKind(v.title(), slide);
        }
        return slide.kind();
    }

    /** What a step of a slide brings on screen, for slides whose steps differ ("Växjö kommun", "Stycke 2"). */
    static String step(Slide slide, int step) {
        if (slide instanceof Slide.Nominees n && step < n.award().nominees().size()) {
            return n.award().nominees().get(step).name();
        }
        if (slide instanceof Slide.Motivation) {
            return "paragraph " + (step + 1);
        }
        return null;
    }

    static String awardName(Slide slide) {
        Award award = slide.award();
        return award == null ? null : award.name();
    }

    private static String orKind(String title, Slide slide) {
        return title == null || title.isBlank() ? slide.kind() : title;
    }
}
