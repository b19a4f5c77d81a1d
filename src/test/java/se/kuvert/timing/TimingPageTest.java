package se.kuvert.timing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the Timing page's compare form offers before anything is chosen. */
class TimingPageTest {

    private static TimingPage.RunView run(long id, String show, boolean rehearsal) {
        return TimingPage.RunView.of(new RunReport(id, show, show, rehearsal, "2026-12-01T13:00:00Z", null, false,
                new RunReport.Totals(0, 0, 0, 60), List.of(), List.of()));
    }

    @Test
    void the_compare_form_starts_on_the_newest_run_against_the_newest_earlier_run_of_the_same_show() {
        // Newest first: tonight's live run of the gala, the afternoon's rehearsal of another show, the gala's rehearsal.
        var page = TimingPage.of(List.of(run(5, "gala", false), run(4, "other", true), run(3, "gala", true)), null, null);
        assertEquals(5, page.b());
        assertEquals(3, page.a(), "the live run is set against its own show's rehearsal, not the other show's");
    }

    @Test
    void with_no_earlier_run_of_the_same_show_the_form_starts_on_the_two_newest() {
        var page = TimingPage.of(List.of(run(5, "gala", false), run(4, "other", true)), null, null);
        assertEquals(5, page.b());
        assertEquals(4, page.a());
        var one = TimingPage.of(List.of(run(5, "gala", false)), null, null);
        assertEquals(5, one.a());
        assertEquals(5, one.b());
    }
}
