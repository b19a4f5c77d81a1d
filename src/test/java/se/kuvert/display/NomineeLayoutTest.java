package se.kuvert.display;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.kuvert.content.Award;
import se.kuvert.content.Nominee;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NomineeLayoutTest {

    private static Award award(int count, String name, String text, String image) {
        List<Nominee> nominees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nominees.add(new Nominee("n" + i, name, text, image, null));
        }
        return new Award("a", "Award", null, nominees, null, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "{0} nominees: {1} a row, {2} rows")
    @CsvSource({"1, 1, 1", "2, 2, 1", "3, 3, 1", "5, 5, 1", "6, 3, 2", "7, 4, 2", "10, 5, 2", "11, 4, 3", "12, 4, 3"})
    void short_names_are_arranged_by_count(int count, int columns, int rows) {
        NomineeLayout layout = NomineeLayout.of(award(count, "Anora", "Sean Baker", null));
        assertEquals(columns, layout.columns());
        assertEquals(rows, layout.rows());
    }

    @Test
    void a_film_award_of_five_with_long_credits_stays_at_or_above_the_floor() {
        String credits = "Lol Crawley, Greig Fraser, Paul Guilhaume, Jarin Blaschke, Stéphane Fontaine and the whole camera crew";
        NomineeLayout layout = NomineeLayout.of(award(5, "Dune: Part Two", credits, null));
        assertTrue(layout.nameSize() >= 36 && layout.textSize() >= 24, layout.toString());
    }

    @Test
    void ten_nominees_fit_the_stage_width_in_two_rows() {
        NomineeLayout layout = NomineeLayout.of(award(10, "The Zone of Interest", "James Wilson", null));
        assertEquals(2, layout.rows());
        assertTrue(layout.columns() * layout.cellWidth() + (layout.columns() - 1) * layout.gapX() <= NomineeLayout.WIDTH, layout.toString());
        assertTrue(layout.rows() * layout.cellHeight() + (layout.rows() - 1) * layout.gapY() <= NomineeLayout.HEIGHT, layout.toString());
    }

    @Test
    void images_get_a_box_of_their_own_and_the_text_still_fits() {
        NomineeLayout layout = NomineeLayout.of(award(12, "Björkby kommun", null, "emblems/x.svg"));
        assertTrue(layout.media());
        assertTrue(layout.mediaHeight() >= 50 && layout.nameSize() >= 36, layout.toString());
    }

    @Test
    void names_too_long_for_the_floor_go_below_it_rather_than_overflow() {
        String name = "Orchard Malmö café distance lighthouse mountain northern silent Århus déjà weather";
        String text = "Ngozi Ó Briain, Dragoș Fontaine (cinematography), Søren Gonçalves, Øystein Østergaard (production design), "
                + "Ingrid Müller-Schmidt, Łukasz Karlsson (sound), Małgorzata Abernethy, Mateus Virtanen (producer)";
        NomineeLayout layout = NomineeLayout.of(award(12, name, text, "emblems/x.svg"));
        assertTrue(layout.nameSize() < 36, layout.toString());
    }

    @Test
    void text_wraps_at_words_and_breaks_a_word_only_when_it_is_wider_than_the_box() {
        assertEquals(1, TextFit.lines("Dune: Part Two", TextFit.Face.SERIF_BOLD, 40, 400));
        assertEquals(2, TextFit.lines("Dune: Part Two", TextFit.Face.SERIF_BOLD, 56, 320));
        assertEquals(3, TextFit.lines("Donaudampfschifffahrtsgesellschaft", TextFit.Face.SANS, 40, 300));
        assertEquals(2, TextFit.lines("北方の灯台北方の灯台", TextFit.Face.SANS, 40, 300));
    }
}
