package se.kuvert.content;

import java.util.List;
import java.util.Optional;

/**
 * One award of a show. {@code winner} is the id of one of the nominees and, with {@code motivation},
 * {@code citation} and {@code recipients}, is sealed: only the winner and motivation slides may show it.
 * {@code minutes}, when set, is the planned length of the award's segment: the stage monitor counts it down.
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
        Integer minutes) {

    /** An award without a planned length. */
    public Award(String id, String name, String about, List<Nominee> nominees, String winner, String citation,
                 String recipients, List<String> motivation, List<JuryMember> jury, String presenter, String prize) {
        this(id, name, about, nominees, winner, citation, recipients, motivation, jury, presenter, prize, null);
    }

    public Award {
        nominees = List.copyOf(nominees);
        motivation = motivation == null ? List.of() : List.copyOf(motivation);
        jury = jury == null ? List.of() : List.copyOf(jury);
    }

    public Optional<Nominee> winningNominee() {
        return nominees.stream().filter(n -> n.id().equals(winner)).findFirst();
    }
}
