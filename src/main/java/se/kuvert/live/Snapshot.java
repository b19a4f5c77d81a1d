package se.kuvert.live;

import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

/** The live state together with the show it points at: one consistent picture for every screen to render. */
public record Snapshot(LiveState state, Show show, RunOfShow run) {

    public static final Snapshot EMPTY = new Snapshot(LiveState.EMPTY, null, null);

    /** The slide on screen, or null when no show is loaded. */
    public Slide slide() {
        return run == null ? null : run.slide(state.slide());
    }

    /** Where Next would go from here; equal to {@link #state()} at the very end. */
    public LiveState nextPlace() {
        return run == null ? state : Transitions.next(state, run);
    }

    /** The slide Next would show, or null at the very end or with no show. */
    public Slide nextSlide() {
        LiveState next = nextPlace();
        return run == null || next == state ? null : run.slide(next.slide());
    }

    /** True when the next Next reveals a winner: the presenter must confirm it deliberately. */
    public boolean nextRevealsWinner() {
        LiveState next = nextPlace();
        return run != null && next != state && next.step() == 0 && run.slide(next.slide()).revealsWinner();
    }
}
