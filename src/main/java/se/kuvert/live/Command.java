package se.kuvert.live;

/** What a presenter, a clicker or a tool asks the live state to do. */
public sealed interface Command {

    /** The action's name as in the control API. */
    String action();

    record Next() implements Command {
        public String action() { return "next"; }
    }

    record Prev() implements Command {
        public String action() { return "prev"; }
    }

    /** Jump to a slide and step (both from 0). */
    record Goto(int slide, int step) implements Command {
        public String action() { return "goto"; }
    }

    /** {@code on} null toggles. */
    record Blackout(Boolean on) implements Command {
        public String action() { return "blackout"; }
    }

    /** {@code on} null toggles. */
    record Logo(Boolean on) implements Command {
        public String action() { return "logo"; }
    }

    /** The attract loop on the big screen ({@code on} true) or the live slide (false); null toggles. */
    record Loop(Boolean on) implements Command {
        public String action() { return "loop"; }
    }

    /** Loads a show from its first slide; {@code rehearsal} runs it with stand-in winners (see {@link Rehearsal}). */
    record Load(String showId, boolean rehearsal) implements Command {
        public Load(String showId) {
            this(showId, false);
        }

        public String action() { return "load"; }
    }

    /**
     * Back to where the show was before the last applied move of this show (slide, step, blackout, logo, loop); a
     * winner once revealed stays revealed. Refused when there is nothing to undo.
     */
    record Undo() implements Command {
        public String action() { return "undo"; }
    }
}
