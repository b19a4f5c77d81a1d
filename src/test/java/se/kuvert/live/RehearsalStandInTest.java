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
                assertEquals(Math.max(paragraph.length(), texts.get("rehearsal.paragraph").length()),
                        copy.motivation().get(i).length(), "paragraph " + i + " is as long");
                assertFalse(copy.motivation().get(i).contains(paragraph));
            }
            if (real.citation() != null) {
                assertTrue(copy.citation().startsWith(texts.get("rehearsal.citation")));
            }
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
