package se.kuvert.timing;

import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.db.Database;
import se.kuvert.live.Director;
import se.kuvert.live.LiveState;
import se.kuvert.live.LogEntry;
import se.kuvert.live.Snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every run of a show for the timing report: listens to the Director's changes (register {@link #changed}
 * with {@code director.onStored}) and stores what the big screen showed from when. A run starts at each load and
 * ends at the next; after a restart the running run goes on. The time of a change is the moment it was made (after a
 * restart, the Director's {@link Director#since}); the rows are written by one thread of their own, in order, so a
 * command does not wait for them (it cost a command 0.2–0.5 ms), and a report is read on that thread, after every change told before it. The rows
 * wait {@link #WRITE_DELAY_MILLIS} before they are written: woken at once, the writer took the core from the command
 * it was told by, which then answered and wrote to the screens 0.5 ms later (the peer benchmark, BENCHMARKS.md).
 * {@link #close} writes what is still waiting.
 */
public final class Timing implements AutoCloseable {
    /** How long a change's rows wait, gathered with those of the changes after it, before they are written. */
    static final long WRITE_DELAY_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Timing.class);
    /** How far back in the control log a load is looked for (only on a show's untouched title slide). */
    private static final int LOG_LOOKBACK = 64;

    private final TimingRepository repository;
    private final Database db;
    private final Director director;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "timing-writer");
        t.setDaemon(true);
        return t;
    });
    /** Rows asked for and not yet written, oldest first; {@code flushing} is set while a write of them is scheduled. */
    private final Queue<Database.Work<?>> unwritten = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private RunRef run;
    private Place place;
    private List<PlannedAward> plan;
    private long version = -1;

    public Timing(Database db, Director director, Clock clock) {
        this.repository = new TimingRepository(db);
        this.db = db;
        this.director = director;
        this.clock = clock;
        writer.setKeepAliveTime(10, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        resume(director.snapshot(), director.since());
    }

    /** The run being recorded; its id is set by the writer thread when it has stored the run, before any later write. */
    private static final class RunRef {
        final String showId;
        final boolean rehearsal;
        volatile long id;

        RunRef(String showId, boolean rehearsal, long id) {
            this.showId = showId;
            this.rehearsal = rehearsal;
            this.id = id;
        }
    }

    /**
     * For {@code director.onStored}: records a load as a new run, and every move of slide or cover, from {@code now},
     * the moment the change was made (the one in the control log and on the stage monitor's countdown).
     */
    public synchronized void changed(Snapshot snapshot, Instant now) {
        if (snapshot.show() == null) {
            return;
        }
        boolean newVersion = snapshot.state().version() != version;
        version = snapshot.state().version();
        if (run == null || !sameShow(run, snapshot) || (newVersion && loaded(snapshot))) {
            start(snapshot, now);
            return;
        }
        RunRef current = run;
        List<PlannedAward> edited = plan(snapshot.show());
        if (!edited.equals(plan)) {
            write(() -> repository.replacePlan(current.id, edited));
            plan = edited;
        }
        Place next = Place.of(snapshot);
        if (!next.equals(place)) {
            Move move = new Move(now, next);
            write(() -> repository.move(current.id, move));
            place = next;
        }
    }

    /** Every run's report, newest first; a running run is timed up to now. */
    public List<RunReport> reports() {
        Instant now = clock.instant();
        return read(() -> repository.runs().stream().map(r -> report(r, now)).toList());
    }

    public Optional<RunReport> report(long id) {
        Instant now = clock.instant();
        return read(() -> repository.run(id).map(r -> report(r, now)));
    }

    private RunReport report(Run r, Instant now) {
        return RunReport.of(r, repository.plan(r.id()), repository.moves(r.id()), now);
    }

    /** Picks up the running run after a restart; a show loaded before timing began (or another one) starts one {@code since}. */
    private synchronized void resume(Snapshot snapshot, Instant since) {
        version = snapshot.state().version();
        Optional<Run> running = repository.running();
        if (snapshot.show() == null) {
            return;
        }
        RunRef stored = running.map(r -> new RunRef(r.showId(), r.rehearsal(), r.id())).orElse(null);
        if (stored != null && sameShow(stored, snapshot)) {
            run = stored;
            plan = repository.plan(stored.id);
            List<Move> moves = repository.moves(stored.id);
            place = moves.isEmpty() ? null : moves.get(moves.size() - 1).place();
            changed(snapshot, since);
            return;
        }
        start(snapshot, since);
    }

    private void start(Snapshot snapshot, Instant now) {
        Show show = snapshot.show();
        List<PlannedAward> planned = plan(show);
        Place first = Place.of(snapshot);
        RunRef started = new RunRef(show.id(), snapshot.state().rehearsal(), -1);
        write(() -> started.id = repository.start(show.id(), show.title(), show.language(), started.rehearsal, now,
                planned, first).id());
        plan = planned;
        place = first;
        run = started;
    }

    private static boolean sameShow(RunRef run, Snapshot snapshot) {
        return run.showId.equals(snapshot.state().showId()) && run.rehearsal == snapshot.state().rehearsal();
    }

    /** Stores on the writer thread, soon, after every write asked before; a failure is logged, the show goes on. */
    private void write(Runnable work) {
        unwritten.add(c -> {
            work.run();
            return null;
        });
        if (flushing.compareAndSet(false, true)) {
            writer.schedule(this::flush, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * On the writer thread: writes every row asked for so far, oldest first, each all or nothing, in as few
     * transactions as the commands allow ({@link Database#inTurns}: a command that waits for the database goes first).
     * One transaction each held the database in turns with the commands for as many commits, and a command that
     * waited behind one lost its core to the writer it woke (POST /api/control's p99 was 6 ms with 0.2 at the median).
     */
    private void flush() {
        flushing.set(false);
        try {
            db.inTurns(unwritten, e -> LOG.warn("the timing report missed a change", e));
        } catch (RuntimeException e) {
            LOG.warn("the timing report missed changes", e);
        }
    }

    /** Reads on the writer thread, after writing every row asked for before. */
    private <T> T read(Callable<T> work) {
        try {
            return writer.submit(() -> {
                flush();
                return work.call();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the timing report", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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

    /** Writes the rows still waiting, then stops the writer. */
    @Override
    public void close() {
        if (writer.isShutdown()) {
            return;
        }
        read(() -> null);
        writer.shutdown();
    }

    private static List<PlannedAward> plan(Show show) {
        return show.awards().stream().map(Timing::planned).toList();
    }

    private static PlannedAward planned(Award a) {
        return new PlannedAward(a.id(), a.name(), a.minutes());
    }
}
