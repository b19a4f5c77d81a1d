package se.kuvert.content;

import java.util.List;

/**
 * One slide of a run of show. Each kind knows how many steps it has; the live state walks slides and steps.
 * Only {@link Winner} and {@link Motivation} carry sealed content.
 */
public sealed interface Slide {

    /** How many times Next stays on this slide before moving on; at least 1. */
    default int steps() {
        return 1;
    }

    /** Short name of the kind, as in show files and {@code /api/state}. */
    String kind();

    /** Presenter notes, or null. */
    String notes();

    /** The award this slide belongs to, or null. */
    default Award award() {
        return null;
    }

    /** True for the slide whose first step reveals a winner. */
    default boolean revealsWinner() {
        return false;
    }

    /** The award whose winner this slide shows (winner and motivation slides), or null. */
    default Award sealedAward() {
        return null;
    }

    /** The same slide about {@code other} in place of its award; a slide without an award stays as it is. */
    default Slide withAward(Award other) {
        return this;
    }

    record Title(String notes) implements Slide {
        public String kind() { return "title"; }
    }

    record AwardIntro(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new AwardIntro(other, notes); }
        public String kind() { return "award"; }
    }

    record Nominees(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Nominees(other, notes); }
        public String kind() { return "nominees"; }
        public int steps() { return Math.max(1, award.nominees().size()); }
    }

    record Envelope(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Envelope(other, notes); }
        public String kind() { return "envelope"; }
    }

    record Winner(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Winner(other, notes); }
        public String kind() { return "winner"; }
        public boolean revealsWinner() { return true; }
        public Award sealedAward() { return award; }
    }

    record Motivation(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Motivation(other, notes); }
        public String kind() { return "motivation"; }
        public int steps() { return Math.max(1, award.motivation().size()); }
        public Award sealedAward() { return award; }
    }

    record Prize(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Prize(other, notes); }
        public String kind() { return "prize"; }
    }

    record Jury(Award award, String notes) implements Slide {
        public Slide withAward(Award other) { return new Jury(other, notes); }
        public String kind() { return "jury"; }
    }

    record Partners(List<Partner> partners, String notes) implements Slide {
        public String kind() { return "partners"; }
    }

    record Closing(String notes) implements Slide {
        public String kind() { return "closing"; }
    }

    record Text(String title, String text, String notes) implements Slide {
        public String kind() { return "text"; }
    }

    record Image(String image, String title, String notes) implements Slide {
        public String kind() { return "image"; }
    }

    record Video(String video, String title, String notes) implements Slide {
        public String kind() { return "video"; }
    }

    record Blank(String notes) implements Slide {
        public String kind() { return "blank"; }
    }

    record Logo(String notes) implements Slide {
        public String kind() { return "logo"; }
    }
}
