package se.kuvert.content;

import java.util.List;
import java.util.Optional;

/**
 * One award of a show. {@code winner} is the id of one of the nominees and, with {@code motivation},
 * {@code citation} and {@code recipients}, is sealed: only the winner and motivation slides may show it.
 * {@code minutes}, when set, is the planned length of the award's segment: the stage monitor counts it down.
 * {@code standIn} is null except in a rehearsal's copy of the show, where it is the stand-in winner: an entry that is
 * not one of the nominees (the nominees slide lists the real ones), named by {@code winner}.
 */
public record Award(
        String id,
        String name,
        String about,
        List<Nominee> nominees,
        String winner,
        String citation,
        String recipients,
        List<String> motivation,
        List<JuryMember> jury,
        String presenter,
        String prize,
        Integer minutes,
        Nominee standIn) {

    /** An award without a planned length. */
    public Award(String id, String name, String about, List<Nominee> nominees, String winner, String citation,
                 String recipients, List<String> motivation, List<JuryMember> jury, String presenter, String prize) {
        this(id, name, about, nominees, winner, citation, recipients, motivation, jury, presenter, prize, null);
    }

    /** An award of a show as stored (no stand-in winner). */
    public Award(String id, String name, String about, List<Nominee> nominees, String winner, String citation,
                 String recipients, List<String> motivation, List<JuryMember> jury, String presenter, String prize,
                 Integer minutes) {
        this(id, name, about, nominees, winner, citation, recipients, motivation, jury, presenter, prize, minutes, null);
    }

    public Award {
        nominees = List.copyOf(nominees);
        motivation = motivation == null ? List.of() : List.copyOf(motivation);
        jury = jury == null ? List.of() : List.copyOf(jury);
    }

    public Optional<Nominee> winningNominee() {
        if (standIn != null) {
            return Optional.of(standIn);
        }
        return nominees.stream().filter(n -> n.id().equals(winner)).findFirst();
    }
}
