package se.kuvert.live;

import java.time.Instant;

/**
 * The one live state the server owns: which show, slide and step are on screen, the overlays, whether the big
 * screen runs the attract loop instead of the live slide, and a version that grows by one on every change.
 * {@code showId} is null before any show is loaded. {@code rehearsal} is true while the show runs with stand-in winners
 * (see {@link Rehearsal}).
 */
public record LiveState(String showId, int slide, int step, boolean blackout, boolean logo, boolean loop, long version,
                        Instant startedAt, boolean rehearsal) {

    public static final LiveState EMPTY = new LiveState(null, 0, 0, false, false, false, 0, null);

    /** A state of the real show (not a rehearsal). */
    public LiveState(String showId, int slide, int step, boolean blackout, boolean logo, boolean loop, long version,
                     Instant startedAt) {
        this(showId, slide, step, blackout, logo, loop, version, startedAt, false);
    }

    /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LiveState s && version == s.version && samePlace(s)
                && java.util.Objects.equals(startedAt, s.startedAt);
    }

    boolean samePlace(LiveState other) {
        return java.util.Objects.equals(showId, other.showId) && slide == other.slide && step == other.step
                && blackout == other.blackout && logo == other.logo && loop == other.loop
                && rehearsal == other.rehearsal;
    }
}
