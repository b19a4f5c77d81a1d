package se.kuvert.live;

import se.kuvert.content.RunOfShow;

/**
 * The state machine: where a command takes the live state within a run of show. Pure; versions and
 * persistence are the {@link Director}'s business. Loading a show is the Director's too (it needs the catalogue).
 */
final class Transitions {
    private Transitions() {
    }

    /** Thrown for a command that cannot apply here, e.g. a goto past the end; its message is for the person who sent it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Where {@code command} takes {@code state}; the version and start time are left as they are. Any command but
     * Loop ends the attract loop: Next and Prev then only bring the live slide back (they do not move, so nothing
     * is skipped or revealed by the tap that takes control); Goto, Blackout and Logo do what they say as well.
     */
    static LiveState apply(LiveState state, Command command, RunOfShow run) {
        if (command instanceof Command.Loop l) {
            needRun(run);
            boolean on = l.on() == null ? !state.loop() : l.on();
            // The loop replaces the overlays: turning it on lifts a blackout or logo, so the loop is really seen.
            return new LiveState(state.showId(), state.slide(), state.step(), !on && state.blackout(), !on && state.logo(),
                    on, state.version(), state.startedAt(), state.rehearsal());
        }
        if (state.loop() && (command instanceof Command.Next || command instanceof Command.Prev)) {
            needRun(run);
            return at(state, state.slide(), state.step());
        }
        if (command instanceof Command.Next) {
            return next(state, needRun(run));
        }
        if (command instanceof Command.Prev) {
            return prev(state, needRun(run));
        }
        if (command instanceof Command.Goto go) {
            return jump(state, go, needRun(run));
        }
        if (command instanceof Command.Blackout b) {
            return withOverlays(state, b.on() == null ? !state.blackout() : b.on(), state.logo());
        }
        if (command instanceof Command.Logo l) {
            return withOverlays(state, state.blackout(), l.on() == null ? !state.logo() : l.on());
        }
        throw new IllegalArgumentException(command.action() + " is applied by the Director");
    }

    /** The place right after {@code state}'s: the next step of this slide, else the first step of the next slide. */
    static LiveState next(LiveState state, RunOfShow run) {
        if (state.step() + 1 < run.slide(state.slide()).steps()) {
            return at(state, state.slide(), state.step() + 1);
        }
        if (state.slide() + 1 < run.size()) {
            return at(state, state.slide() + 1, 0);
        }
        return state;
    }

    /** Back one step; from a slide's first step, to the previous slide's last step (its whole content shown). */
    static LiveState prev(LiveState state, RunOfShow run) {
        if (state.step() > 0) {
            return at(state, state.slide(), state.step() - 1);
        }
        if (state.slide() > 0) {
            int previous = state.slide() - 1;
            return at(state, previous, run.slide(previous).steps() - 1);
        }
        return state;
    }

    private static LiveState jump(LiveState state, Command.Goto go, RunOfShow run) {
        if (go.slide() < 0 || go.slide() >= run.size()) {
            throw new Refused("slide must be from 0 to " + (run.size() - 1) + ", not " + go.slide());
        }
        int steps = run.slide(go.slide()).steps();
        if (go.step() < 0 || go.step() >= steps) {
            throw new Refused("slide " + go.slide() + " has steps 0 to " + (steps - 1) + ", not " + go.step());
        }
        return at(state, go.slide(), go.step());
    }

    private static RunOfShow needRun(RunOfShow run) {
        if (run == null) {
            throw new Refused("no show is loaded");
        }
        return run;
    }

    private static LiveState at(LiveState s, int slide, int step) {
        return new LiveState(s.showId(), slide, step, s.blackout(), s.logo(), false, s.version(), s.startedAt(), s.rehearsal());
    }

    private static LiveState withOverlays(LiveState s, boolean blackout, boolean logo) {
        return new LiveState(s.showId(), s.slide(), s.step(), blackout, logo, false, s.version(), s.startedAt(), s.rehearsal());
    }
}
