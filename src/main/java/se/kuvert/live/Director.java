package se.kuvert.live;

import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;
import se.kuvert.web.Stopwatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Owns the live state: applies commands one at a time, checks {@code ifVersion}, bumps the version on every
 * change and appends it to the {@link Journal}, then tells the listeners (the screens' streams) and stores state and
 * log in SQLite in one transaction, and then tells the listeners that read what is stored. Once the show has stood
 * still after a change, it foresees the next ones ({@link #likely}), so the screens can have their events ready.
 */
public final class Director implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Director.class);
    private final LiveStateRepository repository;
    private final ShowRepository shows;
    private final Clock clock;
    private final Journal journal;
    private final List<BiConsumer<Snapshot, Instant>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Snapshot, Instant>> storedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Snapshot>>> likelyListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Snapshot>>> likelySoonListeners = new CopyOnWriteArrayList<>();
    /**
     * How long the show must have stood still before its likely next changes are rendered ahead: long after the
     * screens have drawn the last change (a browser takes some 20-50 ms, and a kiosk's may run on this machine), and
     * before a presenter's next tap, seconds later. Taps that come quicker are rendered as they come, so rendering
     * ahead never competes with a run of them. Rendered 10 ms after each change instead, the benchmark's taps in
     * Chromium, 20-60 ms apart, read p95 77-85 ms in three runs of four, against 37-52 without (BENCHMARKS.md,
     * "The twelfth round").
     */
    static final long AHEAD_AFTER_QUIET_MILLIS = 250;
    /**
     * How soon after a change the {@link #onLikelySoon} listeners render ahead: a render of a tenth of a millisecond that
     * draws nothing (the tools' JSON), ready for a Stream Deck's quick taps, and competes with no screen.
     */
    static final long AHEAD_SOON_MILLIS = 3;
    /** One thread for every Director of the process (a server has one; the tests make many). */
    private static final ScheduledExecutorService AHEAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "render-ahead");
        t.setDaemon(true);
        return t;
    });
    /** The rendering ahead to come, once the show has stood still; put off by every change. */
    private final AtomicReference<ScheduledFuture<?>> ahead = new AtomicReference<>();
    /** The soon rendering ahead to come ({@link #AHEAD_SOON_MILLIS} after the last change); put off by every change. */
    private final AtomicReference<ScheduledFuture<?>> aheadSoon = new AtomicReference<>();
    /** Changes and log entries made under the Director's lock, told and stored in the order they were made. */
    private final Queue<Pending> untold = new ArrayDeque<>();
    private final ReentrantLock telling = new ReentrantLock();
    private volatile Snapshot current;
    /** When {@link #current} became the show's place: the moment of its change, or when the Director resumed it. */
    private volatile Instant currentSince;
    /** The version of the last change appended to the journal (under the Director's lock). */
    private long journaled;
    /** The version of the last change stored in SQLite (by the thread that tells). */
    private volatile long stored;
    /** A change could not be stored: the next one stores its revealed awards whether they changed or not (telling only). */
    private boolean storeFailed;
    /** The places before the last moves of the live show, newest first, for Undo; in memory only (a restart forgets them). */
    private final Deque<LiveState> history = new ArrayDeque<>();
    static final int HISTORY = 50;

    /** Resumes the live state as stored, with what the journal has that SQLite does not (see {@link Journal}). */
    public Director(Database db, ShowRepository shows, Clock clock) {
        this.repository = new LiveStateRepository(db);
        this.shows = shows;
        this.clock = clock;
        this.journal = new Journal(db.folder().resolve(Journal.FILE));
        LiveState state = catchUp(repository.load().orElse(LiveState.EMPTY));
        this.current = resume(state, state.rehearsal() ? Set.of() : null);
        this.currentSince = clock.instant();
        this.journaled = state.version();
        this.stored = state.version();
    }

    /**
     * A change to tell, made {@code at}; a log entry to store, or both (a move of the show: its new state is stored with
     * the entry), and {@code revealed} the awards revealed after it, when they are stored with it (see
     * {@link LiveStateRepository}).
     */
    private record Pending(Snapshot change, Instant at, LogEntry entry, Set<String> revealed) {
        static Pending log(LogEntry entry) {
            return new Pending(null, entry.at(), entry, null);
        }

        /** An edited show is told but not stored; a log entry alone is stored without a state. */
        boolean stateChanged() {
            return change != null && entry != null;
        }
    }

    /** What a command came to. */
    public sealed interface Outcome {
        Snapshot snapshot();

        /** Applied; {@code changed} is false when there was nowhere to go (Next on the last step). */
        record Applied(Snapshot snapshot, boolean changed) implements Outcome {
        }

        /** {@code ifVersion} was not the current version; nothing changed. */
        record Stale(Snapshot snapshot) implements Outcome {
        }

        /** The command cannot apply (unknown show, slide out of range, no show loaded); nothing changed. */
        record Refused(Snapshot snapshot, String message) implements Outcome {
        }
    }

    public Snapshot snapshot() {
        return current;
    }

    /**
     * When the {@link #snapshot} became the show's place (the moment of its change, or of the Director's start): for
     * a screen made before any command, so that every screen counts an award segment on screen from one moment.
     */
    public Instant since() {
        return currentSince;
    }

    /** True while {@code showId} is the live show and runs as a rehearsal (its sealed texts then leave the server to nobody). */
    public boolean rehearsing(String showId) {
        LiveState state = current.state();
        return state.rehearsal() && Objects.equals(showId, state.showId());
    }

    /**
     * Listeners are called in order of change, outside the Director's lock (a command waits for no rendering), one
     * change at a time; by the time {@link #apply} returns, they have heard of its change. They hear of it once it is
     * in the journal, before SQLite has it: a listener that reads the control log registers with {@link #onStored}.
     */
    public void onChange(Consumer<Snapshot> listener) {
        listeners.add((change, at) -> listener.accept(change));
    }

    /**
     * As {@link #onChange(Consumer)}, told with the change the moment it was made (read once, under the Director's
     * lock): every listener that counts time from a change, an award segment's start or a move in a run's timing,
     * counts it from the same moment, the one in the control log.
     */
    public void onChange(BiConsumer<Snapshot, Instant> listener) {
        listeners.add(listener);
    }

    /**
     * {@code listener} hears, once the show has stood still for {@link #AHEAD_AFTER_QUIET_MILLIS} after a change, of
     * the {@link #likely} changes from there, to render its screens' events ahead ({@link se.kuvert.web.Ahead}): on a
     * thread of its own, never on a command's way.
     */
    public void onLikely(Consumer<List<Snapshot>> listener) {
        likelyListeners.add(listener);
    }

    /**
     * As {@link #onLikely}, but {@link #AHEAD_SOON_MILLIS} after every change instead of after a quiet spell: for a
     * render too small to compete with the screens drawing the change.
     */
    public void onLikelySoon(Consumer<List<Snapshot>> listener) {
        likelySoonListeners.add(listener);
    }

    /** Tells the {@link #onLikely} and {@link #onLikelySoon} listeners now, on this thread. */
    public void renderAhead() {
        renderAhead(likelySoonListeners);
        renderAhead(likelyListeners);
    }

    private void renderAhead(List<Consumer<List<Snapshot>>> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        List<Snapshot> likely = likely();
        for (Consumer<List<Snapshot>> listener : listeners) {
            try {
                listener.accept(likely);
            } catch (RuntimeException e) {
                LOG.error("A screen failed to render ahead from version {}", current.state().version(), e);
            }
        }
    }

    private void scheduleAhead() {
        schedule(aheadSoon, likelySoonListeners, AHEAD_SOON_MILLIS);
        schedule(ahead, likelyListeners, AHEAD_AFTER_QUIET_MILLIS);
    }

    /** Puts off the telling of {@code listeners} in {@code future} to {@code millis} from now. */
    private void schedule(AtomicReference<ScheduledFuture<?>> future, List<Consumer<List<Snapshot>>> listeners, long millis) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            ScheduledFuture<?> before = future.getAndSet(AHEAD.schedule(() -> renderAhead(listeners), millis,
                    TimeUnit.MILLISECONDS));
            if (before != null) {
                before.cancel(false);
            }
        } catch (RejectedExecutionException shutDown) {
            // the process is stopping
        }
    }

    /** As {@link #onChange}, called after the change and its log entry are stored in SQLite (or failed to be). */
    public void onStored(Consumer<Snapshot> listener) {
        storedListeners.add((change, at) -> listener.accept(change));
    }

    /** As {@link #onStored(Consumer)}, told with the moment the change was made (see {@link #onChange(BiConsumer)}). */
    public void onStored(BiConsumer<Snapshot, Instant> listener) {
        storedListeners.add(listener);
    }

    /** Applies {@code command}, then tells the listeners of the change (off the lock, in order). */
    public Outcome apply(Command command, Long ifVersion, String who) {
        Outcome outcome = change(command, ifVersion, who);
        tell();
        return outcome;
    }

    private synchronized Outcome change(Command command, Long ifVersion, String who) {
        Snapshot before = current;
        LiveState from = before.state();
        Instant now = clock.instant();
        if (ifVersion != null && ifVersion != from.version()) {
            untold.add(Pending.log(new LogEntry(now, who, command.action(), "stale", from, from)));
            return new Outcome.Stale(before);
        }
        Snapshot after;
        try {
            after = command instanceof Command.Load load ? load(from, load)
                    : command instanceof Command.Undo ? undo(before) : move(before, command);
        } catch (Transitions.Refused e) {
            untold.add(Pending.log(new LogEntry(now, who, command.action(), "refused", from, from)));
            return new Outcome.Refused(before, e.getMessage());
        }
        boolean changed = command instanceof Command.Load || !after.state().samePlace(from);
        if (!changed) {
            if (command instanceof Command.Undo) {
                history.pop();   // an edit moved the show onto that place already: the next undo goes further back
            }
            untold.add(Pending.log(new LogEntry(now, who, command.action(), "unchanged", from, from)));
            return new Outcome.Applied(before, false);
        }
        Snapshot next = versioned(before, after, now);
        LiveState versioned = next.state();
        Set<String> revealed = next.revealed();
        // A rehearsal's reveals are the stand-ins': they are never stored, so they never count (loading clears them).
        boolean unchanged = revealed.equals(before.revealed()) || versioned.rehearsal();
        LogEntry entry = new LogEntry(now, who, command.action(), "applied", from, versioned);
        Set<String> toStore = unchanged && !(command instanceof Command.Load) ? null : revealed;
        journal(new Journal.Entry(entry, toStore));
        remember(command, from);
        current = next;
        currentSince = now;
        untold.add(new Pending(next, now, entry, toStore));
        return new Outcome.Applied(next, true);
    }

    /** {@code after}, the place a command leads to from {@code before}, as the change it makes {@code now}: the next version. */
    private Snapshot versioned(Snapshot before, Snapshot after, Instant now) {
        LiveState to = after.state();
        LiveState versioned = new LiveState(to.showId(), to.slide(), to.step(), to.blackout(), to.logo(), to.loop(),
                before.state().version() + 1, startedAt(to, now), to.rehearsal());
        return new Snapshot(versioned, after.show(), after.run(), revealed(after, versioned));
    }

    /** The moves a presenter most likely makes next: Next, and Back after one too many. */
    static final List<Command> LIKELY = List.of(new Command.Next(), new Command.Prev());

    /**
     * The changes the {@link #LIKELY} moves would make now, as {@link #apply} would make them (their version, their
     * reveals), leaving out a move that goes nowhere. Nothing is changed; the snapshots are for rendering ahead
     * ({@link #onLikely}).
     */
    public synchronized List<Snapshot> likely() {
        Snapshot before = current;
        List<Snapshot> out = new ArrayList<>(LIKELY.size());
        for (Command command : LIKELY) {
            try {
                Snapshot after = move(before, command);
                if (!after.state().samePlace(before.state())) {
                    out.add(versioned(before, after, clock.instant()));
                }
            } catch (Transitions.Refused noShow) {
                // left out: with no show loaded, no move goes anywhere
            }
        }
        return out;
    }

    /**
     * Appends a change to the journal (a failure leaves the show as it was), first emptying it when it is long and
     * SQLite has every change in it.
     */
    private void journal(Journal.Entry entry) {
        if (journal.length() > Journal.EMPTY_PAST && stored == journaled) {
            journal.empty();
        }
        journal.append(entry);
        journaled = entry.log().to().version();
        if (Stopwatch.ON) {
            Stopwatch.mark("journaled");
        }
    }

    /** The journal's changes that SQLite does not have (the server stopped before storing them), stored now. */
    private LiveState catchUp(LiveState inSqlite) {
        LiveState at = inSqlite;
        for (Journal.Entry entry : journal.entries()) {
            if (entry.log().to().version() > at.version()) {
                repository.record(entry.log(), true, entry.revealed());
                at = entry.log().to();
                LOG.info("Stored the change to version {} from the live show's journal", at.version());
            }
        }
        journal.empty();
        return at;
    }

    /** Undo's history after an applied change: a load starts it afresh, an undo takes its place off, a move adds one. */
    private void remember(Command command, LiveState from) {
        if (command instanceof Command.Load) {
            history.clear();
        } else if (command instanceof Command.Undo) {
            history.pop();
        } else {
            history.push(from);
            if (history.size() > HISTORY) {
                history.removeLast();
            }
        }
    }

    /** The place before the last move, kept inside the run of show as it is now (an edit may have shortened it). */
    private Snapshot undo(Snapshot before) {
        LiveState back = history.peek();
        if (back == null || before.run() == null) {
            throw new Transitions.Refused("there is nothing to undo");
        }
        LiveState s = before.state();
        int slide = Math.min(back.slide(), before.run().size() - 1);
        int step = Math.min(back.step(), before.run().slide(slide).steps() - 1);
        return new Snapshot(new LiveState(s.showId(), slide, step, back.blackout(), back.logo(), back.loop(), s.version(),
                s.startedAt(), s.rehearsal()), before.show(), before.run(), before.revealed());
    }

    /** Logs what is no move of the show (the console's lock, a command the lock refused), where the show stands. */
    public void note(String who, String action, String outcome) {
        synchronized (this) {
            LiveState at = current.state();
            untold.add(Pending.log(new LogEntry(clock.instant(), who, action, outcome, at, at)));
        }
        tell();
    }

    /** The newest control log entries, newest first. */
    public List<LogEntry> log(int limit) {
        return repository.log(limit);
    }

    /**
     * Picks up an edited show. When it is the live one, its content is replaced and the position kept inside the
     * new run of show; the version stays (nobody's next command becomes stale), and the listeners get the edited
     * snapshot, so every screen — and every screen that connects later — shows the show as it is now.
     */
    public void showEdited(String showId) {
        synchronized (this) {
            if (Objects.equals(current.state().showId(), showId)) {
                // In a rehearsal the edited show becomes a stand-in copy again, with the rehearsal's reveals kept.
                current = resume(current.state(), current.revealed());
                currentSince = clock.instant();
                untold.add(new Pending(current, currentSince, null, null));
            }
        }
        tell();
    }

    /**
     * Tells the listeners every change not yet told and stores every entry not yet stored, oldest first, one thread
     * at a time: what was made while another thread tells is told and stored by that thread or by this one once it
     * has the turn, never out of order. A listener that fails is logged, and the others still hear of the change.
     */
    private void tell() {
        boolean changed = false;
        telling.lock();
        try {
            Pending next;
            while ((next = nextUntold()) != null) {
                tell(listeners, next);
                if (next.entry() != null) {
                    store(next);
                }
                tell(storedListeners, next);
                changed |= next.change() != null;
            }
        } finally {
            telling.unlock();
        }
        if (changed) {
            scheduleAhead();
        }
    }

    private static void tell(List<BiConsumer<Snapshot, Instant>> listeners, Pending pending) {
        Snapshot change = pending.change();
        if (change == null) {
            return;
        }
        for (BiConsumer<Snapshot, Instant> listener : listeners) {
            try {
                listener.accept(change, pending.at());
            } catch (RuntimeException e) {
                LOG.error("A screen failed to take the change to version {}", change.state().version(), e);
            }
        }
    }

    /**
     * Stores an entry in SQLite. When that fails, the show goes on: the change is in the journal, which the next start
     * stores, and the next change stores the revealed awards in full.
     */
    private void store(Pending pending) {
        Set<String> revealed = pending.revealed();
        if (storeFailed && pending.stateChanged() && revealed == null && !pending.change().state().rehearsal()) {
            revealed = pending.change().revealed();
        }
        try {
            repository.record(pending.entry(), pending.stateChanged(), revealed);
            if (pending.stateChanged()) {
                stored = pending.entry().to().version();
                storeFailed = false;
            }
        } catch (RuntimeException e) {
            storeFailed |= pending.stateChanged();
            LOG.error(pending.stateChanged()
                    ? "The change to version {} could not be stored in the database; the journal keeps it for the next start"
                    : "A control log entry at version {} could not be stored in the database", pending.entry().to().version(), e);
        }
    }

    private synchronized Pending nextUntold() {
        return untold.poll();
    }

    /**
     * Closes the journal, emptied when SQLite has every change in it: after a clean stop it holds nothing, so a database
     * put back from a backup is not moved on by an old journal. A command after this fails and changes nothing.
     */
    @Override
    public synchronized void close() {
        if (stored == journaled) {
            journal.empty();
        }
        journal.close();
    }

    private Snapshot move(Snapshot before, Command command) {
        return new Snapshot(Transitions.apply(before.state(), command, before.run()), before.show(), before.run(),
                before.revealed());
    }

    /**
     * The revealed awards after a change: the winner on a winner or motivation slide counts as revealed once the
     * live slide shows it to the room (not while the loop, a blackout or the logo covers it).
     */
    private static Set<String> revealed(Snapshot after, LiveState to) {
        if (after.run() == null || to.loop() || to.blackout() || to.logo()) {
            return after.revealed();
        }
        Award sealed = after.run().slide(to.slide()).sealedAward();
        if (sealed == null || after.revealed().contains(sealed.id())) {
            return after.revealed();
        }
        Set<String> more = new HashSet<>(after.revealed());
        more.add(sealed.id());
        return more;
    }

    private Snapshot load(LiveState from, Command.Load load) {
        Show show = load.showId() == null ? null : shows.find(load.showId()).orElse(null);
        if (show == null) {
            throw new Transitions.Refused("there is no show '" + load.showId() + "'");
        }
        // Loading starts the show afresh: from the title, and with no winner revealed (a rehearsal's reveals are forgotten).
        Show live = load.rehearsal() ? Rehearsal.standIn(show) : show;
        return new Snapshot(new LiveState(show.id(), 0, 0, false, false, false, from.version(), null, load.rehearsal()),
                live, RunOfShow.of(live), Set.of());
    }

    private static Instant startedAt(LiveState to, Instant now) {
        if (to.startedAt() != null || (to.slide() == 0 && to.step() == 0)) {
            return to.startedAt();
        }
        return now;
    }

    /**
     * The snapshot of {@code state} with its show as stored now (a rehearsal's is the stand-in copy) and the awards
     * {@code known} to be revealed, or, when null, those stored as revealed for the show (a rehearsal's are never
     * stored: after a restart its stand-ins are sealed again until shown).
     */
    private Snapshot resume(LiveState state, Set<String> known) {
        Show stored = state.showId() == null ? null : shows.find(state.showId()).orElse(null);
        if (stored == null) {
            return new Snapshot(new LiveState(null, 0, 0, state.blackout(), state.logo(), false, state.version(), null),
                    null, null, Set.of());
        }
        Show show = state.rehearsal() ? Rehearsal.standIn(stored) : stored;
        RunOfShow run = RunOfShow.of(show);
        int slide = Math.min(state.slide(), run.size() - 1);
        int step = Math.min(state.step(), run.slide(slide).steps() - 1);
        Set<String> revealed = new HashSet<>(known != null ? known : repository.revealed(show.id()));
        revealed.retainAll(show.awards().stream().map(Award::id).toList());
        return new Snapshot(new LiveState(show.id(), slide, step, state.blackout(), state.logo(), state.loop(),
                state.version(), state.startedAt(), state.rehearsal()), show, run, revealed);
    }
}
