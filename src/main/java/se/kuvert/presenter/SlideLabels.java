package se.kuvert.presenter;

import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;

/** Short human names of slides for the presenter's screens. Never names a winner. */
public final class SlideLabels {
    private SlideLabels() {
    }

    public static String title(Show show, Slide slide) {
        Texts t = Texts.of(show.language());
        if (slide instanceof Slide.Title) {
            return show.title();
        }
        if (slide instanceof Slide.AwardIntro a) {
            return a.award().name();
        }
        if (slide instanceof Slide.Nominees) {
            return t.get("nominees");
        }
        if (slide instanceof Slide.Envelope) {
            return t.get("envelope");
        }
        if (slide instanceof Slide.Winner) {
            return t.get("winner");
        }
        if (slide instanceof Slide.Motivation) {
            return t.get("motivation");
        }
        if (slide instanceof Slide.Prize) {
            return t.get("prize");
        }
        if (slide instanceof Slide.Jury) {
            return t.get("jury");
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
    public static String step(Show show, Slide slide, int step) {
        if (slide instanceof Slide.Nominees n && step < n.award().nominees().size()) {
            return n.award().nominees().get(step).name();
        }
        if (slide instanceof Slide.Motivation) {
            return Texts.of(show).format("ui.paragraph", step + 1);
        }
        return null;
    }

    /** The award a slide belongs to, for a second line under its title; null for the award's own intro. */
    public static String awardName(Slide slide) {
        Award award = slide.award();
        return award == null || slide instanceof Slide.AwardIntro ? null : award.name();
    }

    private static String orKind(String title, Slide slide) {
        return title == null || title.isBlank() ? slide.kind() : title;
    }
}
