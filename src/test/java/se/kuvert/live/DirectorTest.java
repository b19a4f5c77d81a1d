package se.kuvert.live;

import org.junit.jupiter.api.extension.RegisterExtension;
import se.kuvert.OpenDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestShows;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectorTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    @TempDir
    Path data;
    private Database db;
    private ShowRepository shows;
    private Director director;

    @BeforeEach
    void setUp() {
        db = databases.open(data);
        shows = new ShowRepository(db);
        shows.save(TestShows.gala(), "test");
        shows.save(TestShows.other(), "test");
        director = new Director(db, shows, Clock.systemUTC());
    }

    @Test
    void every_change_bumps_the_version_by_one() {
        long v0 = director.snapshot().state().version();
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Next(), null, "t");
        director.apply(new Command.Blackout(true), null, "t");
        assertEquals(v0 + 3, director.snapshot().state().version());
    }

    @Test
    void second_tap_with_stale_version_does_not_advance() {
        director.apply(new Command.Load("gala"), null, "t");
        long seen = director.snapshot().state().version();
        assertInstanceOf(Director.Outcome.Applied.class, director.apply(new Command.Next(), seen, "phone"));
        Director.Outcome second = director.apply(new Command.Next(), seen, "phone");
        assertInstanceOf(Director.Outcome.Stale.class, second);
        assertEquals(1, director.snapshot().state().slide());
        assertEquals(seen + 1, director.snapshot().state().version());
    }

    @Test
    void next_at_the_very_end_changes_nothing_and_keeps_the_version() {
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Goto(9, 0), null, "t");
        long v = director.snapshot().state().version();
        Director.Outcome outcome = director.apply(new Command.Next(), v, "t");
        assertEquals(false, ((Director.Outcome.Applied) outcome).changed());
        assertEquals(v, director.snapshot().state().version());
    }

    @Test
    void loading_an_unknown_show_is_refused_and_changes_nothing() {
        director.apply(new Command.Load("gala"), null, "t");
        LiveState before = director.snapshot().state();
        assertInstanceOf(Director.Outcome.Refused.class, director.apply(new Command.Load("nope"), null, "t"));
        assertEquals(before, director.snapshot().state());
    }

    @Test
    void load_starts_the_show_from_its_first_slide_with_overlays_off() {
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Goto(5, 1), null, "t");
        director.apply(new Command.Blackout(true), null, "t");
        director.apply(new Command.Load("other"), null, "t");
        LiveState s = director.snapshot().state();
        assertEquals("other", s.showId());
        assertEquals(0, s.slide());
        assertEquals(false, s.blackout());
        assertNull(s.startedAt());
    }

    @Test
    void the_show_start_time_is_set_when_it_leaves_its_first_slide() {
        director.apply(new Command.Load("gala"), null, "t");
        assertNull(director.snapshot().state().startedAt());
        director.apply(new Command.Next(), null, "t");
        assertNotNull(director.snapshot().state().startedAt());
    }

    @Test
    void a_new_director_on_the_same_database_resumes_exactly() {
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Goto(5, 1), null, "t");
        director.apply(new Command.Logo(true), null, "t");
        LiveState before = director.snapshot().state();
        Director again = new Director(databases.open(data), new ShowRepository(databases.open(data)), Clock.systemUTC());
        assertEquals(before, again.snapshot().state());
        assertEquals("motivation", again.snapshot().slide().kind());
    }

    @Test
    void every_command_is_logged_with_who_and_from_and_to() {
        director.apply(new Command.Load("gala"), null, "alice");
        director.apply(new Command.Next(), null, "bob");
        director.apply(new Command.Next(), 0L, "carol");
        List<LogEntry> log = director.log(10);
        assertEquals(3, log.size());
        assertEquals("carol", log.get(0).who());
        assertEquals("stale", log.get(0).outcome());
        assertEquals("bob", log.get(1).who());
        assertEquals(0, log.get(1).from().slide());
        assertEquals(1, log.get(1).to().slide());
        assertEquals("applied", log.get(1).outcome());
    }

    @Test
    void listeners_see_every_change_in_order() {
        List<Long> seen = new ArrayList<>();
        director.onChange(s -> seen.add(s.state().version()));
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Next(), null, "t");
        director.apply(new Command.Next(), 0L, "t");
        director.apply(new Command.Next(), null, "t");
        long v = director.snapshot().state().version();
        assertEquals(List.of(v - 2, v - 1, v), seen);
    }

    @Test
    void a_reveal_with_no_winner_set_warns_the_presenter_and_a_late_decision_reaches_the_screen() {
        var award = TestShows.gala().awards().get(0);
        var undecided = new se.kuvert.content.Award(award.id(), award.name(), award.about(), award.nominees(), null, null, null,
                award.motivation(), award.jury(), award.presenter(), award.prize());
        var show = TestShows.gala();
        shows.save(new se.kuvert.content.Show(show.id(), show.title(), null, null, null, "sv", null, List.of(undecided),
                List.of(), null, null), "test");
        director.apply(new Command.Load("gala"), null, "t");
        director.apply(new Command.Goto(3, 0), null, "t");
        assertTrue(director.snapshot().nextRevealsWinner());
        assertTrue(se.kuvert.presenter.PresenterView.of(director.snapshot(), List.of()).winnerMissing());
        shows.save(TestShows.gala(), "test");
        director.showEdited("gala");
        assertTrue(!se.kuvert.presenter.PresenterView.of(director.snapshot(), List.of()).winnerMissing());
        director.apply(new Command.Next(), null, "t");
        assertEquals(TestShows.WINNER_NAME, ((se.kuvert.content.Slide.Winner) director.snapshot().slide()).award().winningNominee().orElseThrow().name());
    }

    @Test
    void next_reveals_winner_only_right_before_the_winner_slide() {
        director.apply(new Command.Load("gala"), null, "t");
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flags.add(director.snapshot().nextRevealsWinner());
            director.apply(new Command.Next(), null, "t");
        }
        // title, award, nominee 1, 2, 3, envelope → only on the envelope does Next reveal
        assertEquals(List.of(false, false, false, false, false, true), flags);
        assertTrue(director.snapshot().slide().revealsWinner());
    }

    @Test
    void the_likely_changes_are_exactly_what_next_and_back_then_make(@TempDir Path elsewhere) {
        // Its own server's data, with a clock that stands still: the start of the show is stamped the same either way.
        Database own = databases.open(elsewhere);
        ShowRepository ownShows = new ShowRepository(own);
        ownShows.save(TestShows.gala(), "test");
        Director d = new Director(own, ownShows, new se.kuvert.ManualClock());
        assertEquals(List.of(), d.likely(), "no show, no likely change");
        d.apply(new Command.Load("gala"), null, "t");
        assertEquals(1, d.likely().size(), "at the start Back goes nowhere");
        int moves = 0;
        while (true) {
            Snapshot before = d.snapshot();
            List<Snapshot> likely = d.likely();
            assertEquals(before, d.snapshot(), "foreseeing changes nothing");
            if (moves > 0) {
                boolean atTheEnd = before.nextPlace() == before.state();
                assertEquals(atTheEnd ? 1 : 2, likely.size(), "Back, and Next but at the end: " + likely.stream().map(Snapshot::state).toList());
                d.apply(new Command.Prev(), null, "t");
                assertForeseen(likely, d.snapshot(), "Back after " + moves + " moves");
                d.apply(new Command.Next(), null, "t");
                likely = d.likely();
            }
            Director.Outcome next = d.apply(new Command.Next(), null, "t");
            if (!((Director.Outcome.Applied) next).changed()) {
                assertEquals(1, likely.size(), "at the end Next goes nowhere");
                break;
            }
            assertForeseen(likely, next.snapshot(), "Next after " + moves + " moves");
            moves++;
        }
        assertTrue(moves > 10, "walked the whole show: " + moves);
        assertTrue(d.snapshot().revealed().contains(TestShows.gala().awards().get(0).id()), "the walk revealed the winner");
        d.close();
    }

    /**
     * The tools' render ahead hears of the likely changes soon after every change, so that a Stream Deck's quick taps
     * find their events ready; the screens' renders still wait for the show to stand still, and hear after it.
     */
    @Test
    void soon_listeners_hear_the_likely_changes_after_each_change_and_before_the_quiet_ones() throws Exception {
        director.apply(new Command.Load("gala"), null, "t");
        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();   // in the order told, on the rendering thread
        director.onLikely(likely -> heard.add(new Heard("quiet", places(likely))));
        director.onLikelySoon(likely -> heard.add(new Heard("soon", places(likely))));
        director.apply(new Command.Next(), null, "t");
        List<LiveState> first = places(director.likely());
        assertEquals(2, first.size(), "Next and Back from the second place");
        assertEquals(new Heard("soon", first), heard.poll(10, TimeUnit.SECONDS), "told soon after the change");
        director.apply(new Command.Next(), null, "t");
        List<LiveState> second = places(director.likely());
        // a slow machine may have stood still between the two taps, and told the quiet listener of the first place
        List<Heard> told = new ArrayList<>();
        for (Heard h = heard.poll(10, TimeUnit.SECONDS); h != null; h = heard.poll(10, TimeUnit.SECONDS)) {
            told.add(h);
            if (h.equals(new Heard("quiet", second))) {
                break;
            }
        }
        int soon = told.indexOf(new Heard("soon", second));
        int quiet = told.indexOf(new Heard("quiet", second));
        assertTrue(quiet >= 0, "the quiet listener heard once the show stood still: " + told);
        assertTrue(soon >= 0 && soon < quiet, "the soon listener heard of the third place first: " + told);
    }

    private record Heard(String who, List<LiveState> places) {
    }

    /** Where each of {@code likely} goes, and with which version. */
    private static List<LiveState> places(List<Snapshot> likely) {
        return likely.stream().map(s -> new LiveState(s.state().showId(), s.state().slide(), s.state().step(), false, false,
                false, s.state().version(), null)).toList();
    }

    /** The likely change that goes where {@code made} went is {@code made} in every field: version, start, reveals. */
    private static void assertForeseen(List<Snapshot> likely, Snapshot made, String what) {
        Snapshot foreseen = likely.stream().filter(s -> s.state().samePlace(made.state())).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": not foreseen, only " + likely.stream().map(Snapshot::state).toList()));
        assertEquals(made.state(), foreseen.state(), what);
        assertEquals(made.revealed(), foreseen.revealed(), what + ": the awards revealed");
        assertTrue(made.show() == foreseen.show() && made.run() == foreseen.run(), what + ": the same show");
    }
}
