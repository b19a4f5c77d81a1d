package se.kuvert.content;

import java.util.ArrayList;
import java.util.List;

/** The ordered slides of a show: the show's own list when it has one, else derived from its awards. */
public record RunOfShow(List<Slide> slides) {

    public RunOfShow {
        slides = List.copyOf(slides);
        if (slides.isEmpty()) {
            throw new IllegalArgumentException("a run of show needs at least one slide");
        }
    }

    public static RunOfShow of(Show show) {
        return show.runOfShow().isEmpty() ? derived(show) : explicit(show);
    }

    public int size() {
        return slides.size();
    }

    public Slide slide(int index) {
        return slides.get(index);
    }

    /** title → per award: intro, nominees, envelope, winner, motivation, prize, jury → partners → closing. */
    static RunOfShow derived(Show show) {
        List<Slide> slides = new ArrayList<>();
        slides.add(new Slide.Title(null));
        for (Award award : show.awards()) {
            slides.add(new Slide.AwardIntro(award, null));
            if (!award.nominees().isEmpty()) {
                slides.add(new Slide.Nominees(award, null));
            }
            if (!award.nominees().isEmpty()) {
                // Kept even before a winner is set: the jury may decide late, and the presenter is warned at the reveal.
                slides.add(new Slide.Envelope(award, null));
                slides.add(new Slide.Winner(award, null));
            }
            if (!award.motivation().isEmpty()) {
                slides.add(new Slide.Motivation(award, null));
            }
            if (award.prize() != null || award.presenter() != null) {
                slides.add(new Slide.Prize(award, null));
            }
            if (!award.jury().isEmpty()) {
                slides.add(new Slide.Jury(award, null));
            }
        }
        if (!show.partners().isEmpty()) {
            slides.add(new Slide.Partners(show.partners(), null));
        }
        slides.add(new Slide.Closing(null));
        return new RunOfShow(slides);
    }

    static RunOfShow explicit(Show show) {
        List<Slide> slides = new ArrayList<>();
        for (SlideSpec spec : show.runOfShow()) {
            slides.add(toSlide(show, spec));
        }
        return new RunOfShow(slides);
    }

    /** Turns one show-file entry into a slide; {@link ShowFile} has already checked kinds and award ids. */
    static Slide toSlide(Show show, SlideSpec spec) {
        Award award = spec.award() == null ? null : show.award(spec.award())
                .orElseThrow(() -> new IllegalArgumentException("unknown award '" + spec.award() + "'"));
        String notes = spec.notes();
        return switch (spec.kind()) {
            case "title" -> new Slide.Title(notes);
            case "award" -> new Slide.AwardIntro(need(award, spec), notes);
            case "nominees" -> new Slide.Nominees(need(award, spec), notes);
            case "envelope" -> new Slide.Envelope(need(award, spec), notes);
            case "winner" -> new Slide.Winner(need(award, spec), notes);
            case "motivation" -> new Slide.Motivation(need(award, spec), notes);
            case "prize" -> new Slide.Prize(need(award, spec), notes);
            case "jury" -> new Slide.Jury(need(award, spec), notes);
            case "partners" -> new Slide.Partners(show.partners(), notes);
            case "closing" -> new Slide.Closing(notes);
            case "text" -> new Slide.Text(spec.title(), spec.text(), notes);
            case "image" -> new Slide.Image(spec.image(), spec.title(), notes);
            case "video" -> new Slide.Video(spec.video(), spec.title(), notes);
            case "blank" -> new Slide.Blank(notes);
            case "logo" -> new Slide.Logo(notes);
            default -> throw new IllegalArgumentException("unknown slide kind '" + spec.kind() + "'");
        };
    }

    /** Slide kinds a show file may name. */
    public static final List<String> KINDS = List.of("title", "award", "nominees", "envelope", "winner", "motivation",
            "prize", "jury", "partners", "closing", "text", "image", "video", "blank", "logo");

    private static Award need(Award award, SlideSpec spec) {
        if (award == null) {
            throw new IllegalArgumentException("slide kind '" + spec.kind() + "' needs an award");
        }
        return award;
    }
}
