package se.kuvert.live;

import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

import java.util.Set;

/**
 * The live state together with the show it points at: one consistent picture for every screen to render.
 * {@code revealed} holds the ids of the awards whose winner the room has seen since the show was loaded; only
 * those winners may appear in the attract loop and the foyer kiosk.
 */
public record Snapshot(LiveState state, Show show, RunOfShow run, Set<String> revealed) {

    public static final Snapshot EMPTY = new Snapshot(LiveState.EMPTY, null, null, Set.of());

    public Snapshot {
        revealed = Set.copyOf(revealed);
    }

    /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && java.util.Objects.equals(state, s.state)
                && java.util.Objects.equals(show, s.show) && java.util.Objects.equals(run, s.run)
                && revealed.equals(s.revealed);
    }

    /** The slide on screen, or null when no show is loaded. */
    public Slide slide() {
        return run == null ? null : run.slide(state.slide());
    }

    /** Where Next would go from here; equal to {@link #state()} at the very end. */
    public LiveState nextPlace() {
        return run == null ? state : Transitions.apply(state, new Command.Next(), run);
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

    /** True when a jump to this slide shows a winner the room has not seen (its winner or motivation slide): ask first. */
    public boolean jumpReveals(int index) {
        var sealed = run == null ? null : run.slide(index).sealedAward();
        return sealed != null && !isRevealed(sealed.id());
    }

    /** True when the room has seen this award's winner. */
    public boolean isRevealed(String awardId) {
        return revealed.contains(awardId);
    }
}
