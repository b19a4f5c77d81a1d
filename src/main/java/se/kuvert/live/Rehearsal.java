package se.kuvert.live;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;
import se.kuvert.content.Texts;

import java.util.List;

/**
 * A rehearsal runs a show with stand-in winners, so the crew can rehearse in the hall without learning one. The
 * Director makes the live show this copy when it loads a rehearsal: every screen, the presenter's phone included,
 * renders from it, so the real winners, citations, recipients and motivations never leave the server.
 */
public final class Rehearsal {
    /** The id of a stand-in winner (suffixed when a nominee happens to have it). */
    static final String STAND_IN_ID = "rehearsal-stand-in";

    private Rehearsal() {
    }

    /**
     * The show with each award's sealed texts replaced by clearly marked stand-ins in the show's language: the winner
     * by an entry that is not a nominee ("Rehearsal — winner"), the citation and recipients by marked placeholders of
     * their length, and each motivation paragraph by a placeholder of the same length (so the timing is real). An
     * award with no winner set keeps none (the phone's warning stays true); the nominees stay as they are.
     */
    public static Show standIn(Show show) {
        Texts texts = Texts.of(show);
        List<Award> awards = show.awards().stream().map(a -> standIn(a, texts)).toList();
        return show.withAwards(awards);
    }

    static Award standIn(Award a, Texts texts) {
        Nominee winner = null;
        if (a.winner() != null) {
            String id = STAND_IN_ID;
            while (isNominee(a, id)) {
                id = id + "-";
            }
            winner = new Nominee(id, texts.get("rehearsal.winner"), null, null, null);
        }
        List<String> motivation = a.motivation().stream()
                .map(p -> placeholder(texts.get("rehearsal.paragraph"), p.length())).toList();
        return new Award(a.id(), a.name(), a.about(), a.nominees(), winner == null ? null : winner.id(),
                a.citation() == null ? null : placeholder(texts.get("rehearsal.citation"), a.citation().length()),
                a.recipients() == null ? null : placeholder(texts.get("rehearsal.recipients"), a.recipients().length()),
                motivation, a.jury(), a.presenter(), a.prize(), a.minutes(), winner);
    }

    private static boolean isNominee(Award a, String id) {
        return a.nominees().stream().anyMatch(n -> n.id().equals(id));
    }

    /**
     * {@code phrase} repeated to about {@code length} characters (never shorter than the phrase itself): whole phrases,
     * then as many of its words as fit, so the copy never ends in a cut word or a dangling dash; it falls short of
     * {@code length} by less than a word.
     */
    static String placeholder(String phrase, int length) {
        StringBuilder out = new StringBuilder(phrase);
        while (out.length() + 1 + phrase.length() <= length) {
            out.append(' ').append(phrase);
        }
        for (String word : phrase.split(" ")) {
            if (word.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (out.length() + 1 + word.length() > length) {
                break;
            }
            out.append(' ').append(word);
        }
        return out.toString();
    }
}
