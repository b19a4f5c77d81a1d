package se.kuvert.timing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.ManualClock;
import se.kuvert.TestShows;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;
import se.kuvert.live.Command;
import se.kuvert.live.Director;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timing report against a manual clock: the gala is title, award, nominees (3 steps), envelope, winner, … closing. */
class TimingTest {
    @TempDir
    Path data;
    private final ManualClock clock = new ManualClock();
    private Database db;
    private Director director;
    private Timing timing;

    @BeforeEach
    void setUp() {
        db = new Database(data);
        ShowRepository shows = new ShowRepository(db);
        shows.save(TestShows.gala(), "test");
        shows.save(TestShows.other(), "test");
        director = new Director(db, shows, clock);
        timing = new Timing(db, director, clock);
        director.onStored(timing::changed);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void durations_follow_the_clock_exactly_through_blackouts_a_logo_the_loop_prev_and_goto() {
        apply(new Command.Load("gala"));
        wait(30);                                   // title
        apply(new Command.Next());
        wait(60);                                   // award intro
        apply(new Command.Next());
        wait(20);                                   // nominees, step 1
        apply(new Command.Next());
        wait(20);                                   // nominees, step 2
        apply(new Command.Blackout(true));
        wait(15);
        apply(new Command.Blackout(false));
        wait(5);
        apply(new Command.Next());
        wait(10);                                   // nominees, step 3
        apply(new Command.Next());
        wait(10);                                   // envelope
        apply(new Command.Prev());
        wait(5);                                    // back on the nominees
        apply(new Command.Goto(4, 0));
        wait(40);                                   // winner
        apply(new Command.Logo(true));
        wait(20);
        apply(new Command.Logo(false));
        apply(new Command.Goto(8, 0));
        wait(30);                                   // partners
        apply(new Command.Loop(true));
        wait(60);

        RunReport r = only();
        assertTrue(r.running());
        assertNull(r.ended());
        assertFalse(r.rehearsal());
        assertEquals(List.of(0, 1, 2, 3, 4, 8), r.slides().stream().map(RunReport.SlideTime::index).toList());
        assertSlide(r, 0, 30, 0, 1);
        assertSlide(r, 1, 60, 0, 1);
        assertSlide(r, 2, 75, 15, 2);
        assertSlide(r, 3, 10, 0, 1);
        assertSlide(r, 4, 60, 20, 1);
        assertSlide(r, 8, 90, 60, 1);

        RunReport.SegmentTime main = r.segments().get(0);
        assertEquals("main", main.award());
        assertEquals(6, main.plannedMinutes());
        assertEquals(205.0, main.actualSeconds());
        assertEquals(205.0 - 360, main.overrunSeconds());
        assertEquals(new RunReport.Totals(360, 205, -155, 325), r.totals());

        wait(7);                                    // a running run is timed up to now
        assertEquals(332.0, only().totals().durationSeconds());
    }

    @Test
    void a_segment_over_its_plan_shows_the_overrun() {
        apply(new Command.Load("gala"));
        apply(new Command.Next());
        wait(6 * 60 + 42);
        apply(new Command.Goto(9, 0));
        RunReport r = only();
        assertEquals(42.0, r.segments().get(0).overrunSeconds());
        assertEquals(42.0, r.totals().overrunSeconds());
    }

    @Test
    void an_award_without_minutes_has_no_plan_and_no_overrun() {
        apply(new Command.Load("other"));
        apply(new Command.Next());
        wait(25);
        RunReport r = only();
        assertNull(r.segments().get(0).plannedMinutes());
        assertNull(r.segments().get(0).overrunSeconds());
        assertEquals(25.0, r.segments().get(0).actualSeconds());
        assertEquals(new RunReport.Totals(0, 0, 0, 25), r.totals());
    }

    @Test
    void a_rehearsal_and_then_the_live_show_are_two_runs_newest_first() {
        apply(new Command.Load("gala", true));
        wait(10);
        apply(new Command.Next());
        wait(100);
        apply(new Command.Load("gala"));
        wait(3);
        apply(new Command.Next());
        wait(50);

        List<RunReport> runs = timing.reports();
        assertEquals(2, runs.size());
        RunReport live = runs.get(0);
        RunReport rehearsal = runs.get(1);
        assertTrue(rehearsal.rehearsal());
        assertFalse(live.rehearsal());
        assertEquals(live.started(), rehearsal.ended());
        assertFalse(rehearsal.running());
        assertEquals(110.0, rehearsal.totals().durationSeconds());
        assertEquals(100.0, rehearsal.segments().get(0).actualSeconds());
        assertEquals(53.0, live.totals().durationSeconds());
        assertEquals(50.0, live.segments().get(0).actualSeconds());
    }

    @Test
    void loading_the_same_show_again_on_its_untouched_title_starts_a_new_run_but_a_blackout_there_does_not() {
        apply(new Command.Load("gala"));
        wait(10);
        apply(new Command.Blackout(true));
        wait(5);
        apply(new Command.Blackout(false));
        assertEquals(1, timing.reports().size());
        wait(20);
        apply(new Command.Load("gala"));
        wait(4);
        List<RunReport> runs = timing.reports();
        assertEquals(2, runs.size());
        assertEquals(35.0, runs.get(1).totals().durationSeconds());
        assertEquals(4.0, runs.get(0).totals().durationSeconds());
    }

    @Test
    void after_a_restart_the_running_run_goes_on() {
        apply(new Command.Load("gala"));
        apply(new Command.Next());
        wait(30);
        timing.reports();                           // the first server has written all it was told
        ShowRepository shows = new ShowRepository(db);
        Director again = new Director(db, shows, clock);
        Timing resumed = new Timing(db, again, clock);
        again.onStored(resumed::changed);
        wait(10);
        again.apply(new Command.Next(), null, "test");
        wait(5);
        List<RunReport> runs = resumed.reports();
        assertEquals(1, runs.size());
        assertEquals(40.0, runs.get(0).slides().get(1).seconds());
        assertEquals(45.0, runs.get(0).totals().durationSeconds());
    }

    @Test
    void a_show_edited_while_it_runs_keeps_its_time_and_takes_the_new_plan() {
        apply(new Command.Load("gala"));
        apply(new Command.Next());
        wait(60);
        ShowRepository shows = new ShowRepository(db);
        var gala = TestShows.gala();
        var award = gala.awards().get(0);
        var longer = new se.kuvert.content.Award(award.id(), award.name(), award.about(), award.nominees(), award.winner(),
                award.citation(), award.recipients(), award.motivation(), award.jury(), award.presenter(), award.prize(), 10);
        shows.save(new se.kuvert.content.Show(gala.id(), gala.title(), gala.subtitle(), gala.date(), gala.venue(),
                gala.language(), gala.theme(), List.of(longer), gala.partners(), gala.closing(), gala.runOfShow(), gala.loop()), "test");
        director.showEdited("gala");
        wait(30);
        RunReport r = only();
        assertEquals(10, r.segments().get(0).plannedMinutes());
        assertEquals(90.0, r.segments().get(0).actualSeconds());
        assertEquals(1, r.slides().stream().filter(s -> s.index() == 1).findFirst().orElseThrow().visits());
    }

    private RunReport only() {
        List<RunReport> runs = timing.reports();
        assertEquals(1, runs.size());
        RunReport one = timing.report(runs.get(0).id()).orElseThrow();
        assertEquals(runs.get(0), one);
        return one;
    }

    private static void assertSlide(RunReport r, int index, double seconds, double covered, int visits) {
        RunReport.SlideTime s = r.slides().stream().filter(x -> x.index() == index).findFirst().orElseThrow();
        assertEquals(seconds, s.seconds(), "seconds on slide " + index);
        assertEquals(covered, s.coveredSeconds(), "covered seconds on slide " + index);
        assertEquals(visits, s.visits(), "visits of slide " + index);
    }

    private void apply(Command command) {
        Director.Outcome outcome = director.apply(command, null, "test");
        assertTrue(outcome instanceof Director.Outcome.Applied, command + ": " + outcome);
    }

    private void wait(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }
}
