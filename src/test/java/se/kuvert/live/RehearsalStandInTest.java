package se.kuvert.live;

import org.junit.jupiter.api.Test;
import se.kuvert.TestShows;
import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;
import se.kuvert.content.Texts;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RehearsalStandInTest {

    @Test
    void a_stand_in_keeps_the_nominees_and_the_motivation_s_paragraph_count_and_lengths_but_none_of_the_sealed_words() {
        Show show = TestShows.gala();
        Show standIn = Rehearsal.standIn(show);
        Texts texts = Texts.of(show);
        for (Award real : show.awards()) {
            Award copy = standIn.award(real.id()).orElseThrow();
            assertEquals(real.nominees(), copy.nominees(), "the nominees slide lists the real nominees");
            Nominee winner = copy.winningNominee().orElseThrow();
            assertEquals(texts.get("rehearsal.winner"), winner.name());
            assertFalse(real.nominees().stream().anyMatch(n -> n.id().equals(winner.id())), "the stand-in is not a nominee");
            assertEquals(real.motivation().size(), copy.motivation().size(), "as many paragraphs");
            for (int i = 0; i < real.motivation().size(); i++) {
                String paragraph = real.motivation().get(i);
                String placeholder = copy.motivation().get(i);
                int longest = java.util.Arrays.stream(texts.get("rehearsal.paragraph").split(" ")).mapToInt(String::length).max().orElseThrow();
                assertTrue(placeholder.length() <= Math.max(paragraph.length(), texts.get("rehearsal.paragraph").length())
                        && placeholder.length() > paragraph.length() - longest - 1, "paragraph " + i + " is about as long: "
                        + placeholder.length() + " for " + paragraph.length());
                assertFalse(copy.motivation().get(i).contains(paragraph));
            }
            if (real.citation() != null) {
                assertTrue(copy.citation().startsWith(texts.get("rehearsal.citation")));
            }
        }
    }

    @Test
    void a_placeholder_ends_on_a_whole_word_never_on_a_dash_or_a_cut_word() {
        String phrase = "Rehearsal — citation.";
        for (int length = 1; length < 120; length++) {
            String copy = Rehearsal.placeholder(phrase, length);
            assertTrue(copy.startsWith(phrase), copy);
            assertFalse(copy.endsWith("—") || copy.endsWith(" "), length + ": " + copy);
            for (String word : copy.split(" ")) {
                assertTrue(java.util.List.of(phrase.split(" ")).contains(word), length + ": a cut word in " + copy);
            }
            assertTrue(copy.length() <= Math.max(length, phrase.length()), length + ": too long: " + copy);
            assertTrue(copy.length() > length - "citation.".length() - 1, length + ": too short: " + copy);
        }
    }

    @Test
    void an_award_without_a_winner_keeps_none_and_a_nominee_named_like_the_stand_in_does_not_clash() {
        Nominee clash = new Nominee(Rehearsal.STAND_IN_ID, "Clash", null, null, null);
        Award none = new Award("a", "A", null, List.of(clash), null, null, null, List.of(), List.of(), null, null);
        assertNull(Rehearsal.standIn(none, Texts.of("en")).winner());
        Award won = new Award("b", "B", null, List.of(clash), clash.id(), null, null, List.of(), List.of(), null, null);
        Award copy = Rehearsal.standIn(won, Texts.of("en"));
        assertFalse(copy.winner().equals(clash.id()));
        assertEquals("Rehearsal — winner", copy.winningNominee().orElseThrow().name());
    }
}
