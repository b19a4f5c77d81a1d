package se.kuvert.timing;

import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.db.Database;
import se.kuvert.live.Director;
import se.kuvert.live.LiveState;
import se.kuvert.live.LogEntry;
import se.kuvert.live.Snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records every run of a show for the timing report: listens to the Director's changes (register {@link #changed}
 * with {@code director.onChange}, after the screens) and stores what the big screen showed from when. A run starts
 * at each load and ends at the next; after a restart the running run goes on.
 */
public final class Timing {
    /** How far back in the control log a load is looked for (only on a show's untouched title slide). */
    private static final int LOG_LOOKBACK = 64;

    private final TimingRepository repository;
    private final Director director;
    private final Clock clock;
    private Run run;
    private Place place;
    private List<PlannedAward> plan;
    private long version = -1;

    public Timing(Database db, Director director, Clock clock) {
        this.repository = new TimingRepository(db);
        this.director = director;
        this.clock = clock;
        resume(director.snapshot());
    }

    /** For {@code director.onChange}: records a load as a new run, and every move of slide or cover. */
    public synchronized void changed(Snapshot snapshot) {
        if (snapshot.show() == null) {
            return;
        }
        Instant now = clock.instant();
        boolean newVersion = snapshot.state().version() != version;
        version = snapshot.state().version();
        if (run == null || !sameShow(run, snapshot) || (newVersion && loaded(snapshot))) {
            start(snapshot, now);
            return;
        }
        List<PlannedAward> edited = plan(snapshot.show());
        if (!edited.equals(plan)) {
            repository.replacePlan(run.id(), edited);
            plan = edited;
        }
        Place next = Place.of(snapshot);
        if (!next.equals(place)) {
            repository.move(run.id(), new Move(now, next));
            place = next;
        }
    }

    /** Every run's report, newest first; a running run is timed up to now. */
    public List<RunReport> reports() {
        Instant now = clock.instant();
        return repository.runs().stream().map(r -> report(r, now)).toList();
    }

    public Optional<RunReport> report(long id) {
        Instant now = clock.instant();
        return repository.run(id).map(r -> report(r, now));
    }

    private RunReport report(Run r, Instant now) {
        return RunReport.of(r, repository.plan(r.id()), repository.moves(r.id()), now);
    }

    /** Picks up the running run after a restart; a show loaded before timing began (or another one) starts one now. */
    private synchronized void resume(Snapshot snapshot) {
        version = snapshot.state().version();
        Optional<Run> running = repository.running();
        if (snapshot.show() == null) {
            return;
        }
        if (running.isPresent() && sameShow(running.get(), snapshot)) {
            run = running.get();
            plan = repository.plan(run.id());
            List<Move> moves = repository.moves(run.id());
            place = moves.isEmpty() ? null : moves.get(moves.size() - 1).place();
            changed(snapshot);
            return;
        }
        start(snapshot, clock.instant());
    }

    private void start(Snapshot snapshot, Instant now) {
        Show show = snapshot.show();
        plan = plan(show);
        place = Place.of(snapshot);
        run = repository.start(show.id(), show.title(), show.language(), snapshot.state().rehearsal(), now, plan, place);
    }

    private static boolean sameShow(Run run, Snapshot snapshot) {
        return run.showId().equals(snapshot.state().showId()) && run.rehearsal() == snapshot.state().rehearsal();
    }

    /**
     * True when {@code snapshot} is a load. Only a load (or a cover toggled before the show started) gives the
     * untouched title; a load of the same show there is told apart by the control log.
     */
    private boolean loaded(Snapshot snapshot) {
        LiveState s = snapshot.state();
        if (s.startedAt() != null || s.slide() != 0 || s.step() != 0 || s.blackout() || s.logo() || s.loop()) {
            return false;
        }
        for (LogEntry entry : director.log(LOG_LOOKBACK)) {
            if ("applied".equals(entry.outcome()) && entry.to().version() == s.version()) {
                return "load".equals(entry.action());
            }
        }
        return false;
    }

    private static List<PlannedAward> plan(Show show) {
        return show.awards().stream().map(Timing::planned).toList();
    }

    private static PlannedAward planned(Award a) {
        return new PlannedAward(a.id(), a.name(), a.minutes());
    }
}
