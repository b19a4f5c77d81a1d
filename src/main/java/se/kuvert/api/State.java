package se.kuvert.api;

import se.kuvert.live.Snapshot;

/**
 * The public state of {@code GET /api/state}: where the show is, never what is on the slides; {@code rehearsal} is
 * true while the show runs with stand-in winners.
 */
public record State(String show, int slide, int step, String kind, int slides, int steps, boolean blackout, boolean logo,
                    boolean loop, long version, boolean rehearsal) {

    public static State of(Snapshot snapshot) {
        var s = snapshot.state();
        return new State(s.showId(), s.slide(), s.step(), snapshot.slide() == null ? null : snapshot.slide().kind(),
                snapshot.run() == null ? 0 : snapshot.run().size(), snapshot.slide() == null ? 0 : snapshot.slide().steps(),
                s.blackout(), s.logo(), s.loop(), s.version(), s.rehearsal());
    }

    /** A refused command's answer: the current state and why. */
    record Refusal(@com.fasterxml.jackson.annotation.JsonUnwrapped State state, String error) {
    }
}
