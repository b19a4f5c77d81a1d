package se.kuvert.display;

import se.kuvert.content.Award;
import se.kuvert.content.LoopSettings;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;
import se.kuvert.seal.PublicSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The attract loop the big screen runs before and after the live part, and the foyer kiosk falls back to: frames
 * made of the show's own slides, in the order the show's {@code loop:} asks for. A winner appears only when the
 * snapshot says the room has seen it; an award whose winner is still sealed shows its nominees, never its envelope.
 */
public record AttractLoop(String domId, List<StageView> frames, int dwellMillis, long version, Show show,
                          boolean rehearsal) {

    public static AttractLoop of(PublicSnapshot snapshot) {
        Show show = snapshot.show();
        if (show == null) {
            return new AttractLoop("slide-loop-empty", List.of(), 8000, snapshot.state().version(), null, false);
        }
        LoopSettings settings = show.loop();
        Texts texts = Texts.of(show.language());
        List<Slide> slides = new ArrayList<>();
        for (String part : settings.parts()) {
            switch (part) {
                case "title" -> slides.add(new Slide.Title(null));
                case "awards" -> show.awards().forEach(award -> {
                    slides.add(award.nominees().isEmpty() ? new Slide.AwardIntro(award, null) : new Slide.Nominees(award, null));
                    if (revealedWinner(snapshot, award)) {
                        slides.add(new Slide.Winner(award, null));
                    }
                });
                case "winners" -> show.awards().stream().filter(a -> revealedWinner(snapshot, a))
                        .forEach(a -> slides.add(new Slide.Winner(a, null)));
                case "partners" -> {
                    if (!show.partners().isEmpty()) {
                        slides.add(new Slide.Partners(show.partners(), null));
                    }
                }
                case "closing" -> slides.add(new Slide.Closing(null));
                default -> throw new IllegalStateException("unknown loop part " + part);
            }
        }
        if (slides.isEmpty()) {
            slides.add(new Slide.Title(null));
        }
        List<StageView> frames = new ArrayList<>();
        StringBuilder identity = new StringBuilder(show.id());
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            // Every step of a frame is shown at once: all nominees, the whole motivation.
            frames.add(new StageView(show, slide, i, slides.size(), slide.steps() - 1, false, false,
                    snapshot.state().version(), texts, snapshot.state().rehearsal()));
            identity.append('|').append(slide.kind()).append(':').append(slide.award() == null ? "" : slide.award().id());
        }
        String domId = "slide-loop-" + Integer.toHexString(identity.toString().hashCode());
        return new AttractLoop(domId, List.copyOf(frames), settings.dwellSeconds() * 1000, snapshot.state().version(), show,
                snapshot.state().rehearsal());
    }

    private static boolean revealedWinner(PublicSnapshot snapshot, Award award) {
        return award.winner() != null && snapshot.isRevealed(award.id());
    }
}
