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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The Director's history for Undo: only applied moves count, it is bounded, and it survives no load. */
class UndoHistoryTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    @TempDir
    Path data;
    private Director director;

    @BeforeEach
    void setUp() {
        Database db = databases.open(data);
        ShowRepository shows = new ShowRepository(db);
        shows.save(TestShows.gala(), "test");
        director = new Director(db, shows, Clock.systemUTC());
        director.apply(new Command.Load("gala"), null, "t");
    }

    private Director.Outcome undo() {
        return director.apply(new Command.Undo(), null, "t");
    }

    @Test
    void moves_that_change_nothing_or_are_refused_leave_no_place_to_undo() {
        director.apply(new Command.Prev(), null, "t");                  // at the first step: nowhere to go
        director.apply(new Command.Goto(99, 0), null, "t");             // refused
        director.apply(new Command.Next(), 0L, "t");                    // stale
        assertInstanceOf(Director.Outcome.Refused.class, undo());
    }

    @Test
    void undo_goes_back_one_move_at_a_time_as_far_as_the_history_holds() {
        for (int i = 0; i < Director.HISTORY + 5; i++) {
            director.apply(new Command.Blackout(null), null, "t");
        }
        int undone = 0;
        while (undo() instanceof Director.Outcome.Applied) {
            undone++;
        }
        assertEquals(Director.HISTORY, undone, "the history is bounded");
        assertEquals(true, director.snapshot().state().blackout(), "55 toggles, 50 undone: 5 left, blackout on");
    }

    @Test
    void each_undo_is_a_new_version_and_never_a_new_place_to_undo_to() {
        director.apply(new Command.Next(), null, "t");
        director.apply(new Command.Next(), null, "t");
        long v = director.snapshot().state().version();
        undo();
        assertEquals(v + 1, director.snapshot().state().version());
        assertEquals(1, director.snapshot().state().slide());
        undo();
        assertEquals(0, director.snapshot().state().slide(), "the second undo goes further back, not forth");
        assertInstanceOf(Director.Outcome.Refused.class, undo());
    }
}
