package se.kuvert.live;

import org.junit.jupiter.api.Test;
import se.kuvert.TestShows;
import se.kuvert.content.RunOfShow;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionsTest {
    private final RunOfShow run = RunOfShow.of(TestShows.gala());
    private final LiveState start = new LiveState("gala", 0, 0, false, false, false, 7, null);

    @Test
    void derived_run_of_show_has_the_ceremony_order_and_steps() {
        List<String> kinds = run.slides().stream().map(s -> s.kind() + ":" + s.steps()).toList();
        assertEquals(List.of("title:1", "award:1", "nominees:3", "envelope:1", "winner:1", "motivation:2", "prize:1",
                "jury:1", "partners:1", "closing:1"), kinds);
    }

    @Test
    void next_walks_every_step_of_every_slide_and_stops_at_the_end() {
        LiveState s = start;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            path.append(s.slide()).append('.').append(s.step()).append(' ');
            s = Transitions.apply(s, new Command.Next(), run);
        }
        assertTrue(path.toString().startsWith("0.0 1.0 2.0 2.1 2.2 3.0 4.0 5.0 5.1 6.0 7.0 8.0 9.0 9.0"), path.toString());
        assertEquals(9, s.slide());
    }

    @Test
    void next_on_the_last_step_returns_the_same_state() {
        LiveState end = new LiveState("gala", 9, 0, false, false, false, 3, null);
        assertSame(end, Transitions.apply(end, new Command.Next(), run));
    }

    @Test
    void prev_goes_back_a_step_and_from_a_first_step_to_the_previous_slides_last_step() {
        LiveState envelope = new LiveState("gala", 3, 0, false, false, false, 1, null);
        LiveState back = Transitions.apply(envelope, new Command.Prev(), run);
        assertEquals(2, back.slide());
        assertEquals(2, back.step(), "all three nominees are shown again");
        assertEquals(1, Transitions.apply(back, new Command.Prev(), run).step());
        assertSame(start, Transitions.apply(start, new Command.Prev(), run), "prev on the first step stays");
    }

    @Test
    void goto_jumps_to_a_slide_and_step_within_bounds() {
        LiveState s = Transitions.apply(start, new Command.Goto(5, 1), run);
        assertEquals(5, s.slide());
        assertEquals(1, s.step());
    }

    @Test
    void goto_out_of_bounds_is_refused() {
        assertThrows(Transitions.Refused.class, () -> Transitions.apply(start, new Command.Goto(10, 0), run));
        assertThrows(Transitions.Refused.class, () -> Transitions.apply(start, new Command.Goto(-1, 0), run));
        assertThrows(Transitions.Refused.class, () -> Transitions.apply(start, new Command.Goto(2, 3), run));
        assertThrows(Transitions.Refused.class, () -> Transitions.apply(start, new Command.Goto(0, 1), run));
    }

    @Test
    void blackout_and_logo_set_or_toggle_without_moving() {
        LiveState on = Transitions.apply(start, new Command.Blackout(true), run);
        assertTrue(on.blackout());
        assertFalse(Transitions.apply(on, new Command.Blackout(null), run).blackout());
        assertTrue(Transitions.apply(on, new Command.Blackout(true), run).blackout());
        LiveState logo = Transitions.apply(on, new Command.Logo(null), run);
        assertTrue(logo.logo());
        assertTrue(logo.blackout());
        assertEquals(start.slide(), logo.slide());
    }

    @Test
    void moving_without_a_show_is_refused() {
        assertThrows(Transitions.Refused.class, () -> Transitions.apply(LiveState.EMPTY, new Command.Next(), null));
    }
}
