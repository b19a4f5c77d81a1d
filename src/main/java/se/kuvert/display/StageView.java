package se.kuvert.display;

import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;

/**
 * Everything the 16:9 stage shows at one moment: one slide at one step, plus the blackout and logo overlays
 * and, in a rehearsal, the REHEARSAL mark.
 * {@code show} and {@code slide} are null when no show is loaded. This is the SSE swap target's model.
 */
public record StageView(Show show, Slide slide, int slideIndex, int slideCount, int step, boolean blackout,
                        boolean logo, long version, Texts texts, boolean rehearsal) {

    /**
     * Stable DOM id of the slide element, so a step change keeps the element and only a slide change replaces it.
     * A winner slide still sealed under a cover has an id of its own: lifting the cover brings the winner in afresh.
     */
    public String slideDomId() {
        return "slide-" + slideIndex + (withheld() ? "-sealed" : "");
    }

    /**
     * The sound the audio output plays when this slide appears, or null: bound to the slide's place and kind (see
     * {@link Show#sound(int, String)}), so a winner slide sounds the same whoever wins.
     */
    public String sound() {
        return show == null || slide == null ? null : show.sound(slideIndex, slide.kind());
    }

    /** True for a winner or motivation slide whose winner is not in this view (not seen yet, or not chosen). */
    public boolean withheld() {
        return slide != null && slide.sealedAward() != null && slide.sealedAward().winner() == null;
    }
}
