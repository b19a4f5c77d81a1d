package se.kuvert.live;

import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Owns the live state: applies commands one at a time, checks {@code ifVersion}, bumps the version on every
 * change, stores state and log in one transaction, then tells the listeners (the screens' streams).
 */
public final class Director {
    private final LiveStateRepository repository;
    private final ShowRepository shows;
    private final Clock clock;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    /** Changes made under the Director's lock, waiting to be told to the listeners in the order they were made. */
    private final Queue<Snapshot> untold = new ArrayDeque<>();
    private final ReentrantLock telling = new ReentrantLock();
    private volatile Snapshot current;
    /** The places before the last moves of the live show, newest first, for Undo; in memory only (a restart forgets them). */
    private final Deque<LiveState> history = new ArrayDeque<>();
    static final int HISTORY = 50;

    public Director(Database db, ShowRepository shows, Clock clock) {
        this.repository = new LiveStateRepository(db);
        this.shows = shows;
        this.clock = clock;
        this.current = resume(repository.load().orElse(LiveState.EMPTY), null);
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

    /** True while {@code showId} is the live show and runs as a rehearsal (its sealed texts then leave the server to nobody). */
    public boolean rehearsing(String showId) {
        LiveState state = current.state();
        return state.rehearsal() && Objects.equals(showId, state.showId());
    }

    /**
     * Listeners are called in order of change, outside the Director's lock (a command waits for no rendering), one
     * change at a time; by the time {@link #apply} returns, they have heard of its change.
     */
    public void onChange(Consumer<Snapshot> listener) {
        listeners.add(listener);
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
        if (ifVersion != null && ifVersion != from.version()) {
            repository.record(new LogEntry(clock.instant(), who, command.action(), "stale", from, from), false);
            return new Outcome.Stale(before);
        }
        Snapshot after;
        try {
            after = command instanceof Command.Load load ? load(from, load)
                    : command instanceof Command.Undo ? undo(before) : move(before, command);
        } catch (Transitions.Refused e) {
            repository.record(new LogEntry(clock.instant(), who, command.action(), "refused", from, from), false);
            return new Outcome.Refused(before, e.getMessage());
        }
        boolean changed = command instanceof Command.Load || !after.state().samePlace(from);
        if (!changed) {
            if (command instanceof Command.Undo) {
                history.pop();   // an edit moved the show onto that place already: the next undo goes further back
            }
            repository.record(new LogEntry(clock.instant(), who, command.action(), "unchanged", from, from), false);
            return new Outcome.Applied(before, false);
        }
        LiveState to = after.state();
        LiveState versioned = new LiveState(to.showId(), to.slide(), to.step(), to.blackout(), to.logo(), to.loop(),
                from.version() + 1, startedAt(to), to.rehearsal());
        Set<String> revealed = revealed(after, versioned);
        Snapshot next = new Snapshot(versioned, after.show(), after.run(), revealed);
        // A rehearsal's reveals are the stand-ins': they are never stored, so they never count (loading clears them).
        boolean unchanged = revealed.equals(before.revealed()) || versioned.rehearsal();
        repository.record(new LogEntry(clock.instant(), who, command.action(), "applied", from, versioned), true,
                unchanged && !(command instanceof Command.Load) ? null : revealed);
        remember(command, from);
        current = next;
        untold.add(next);
        return new Outcome.Applied(next, true);
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
    public synchronized void note(String who, String action, String outcome) {
        LiveState at = current.state();
        repository.record(new LogEntry(clock.instant(), who, action, outcome, at, at), false);
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
                current = resume(current.state(), current.state().rehearsal() ? current.revealed() : null);
                untold.add(current);
            }
        }
        tell();
    }

    /**
     * Tells the listeners every change not yet told, oldest first, one thread at a time: a change made while another
     * thread tells is told by that thread or by this one once it has the turn, never out of order.
     */
    private void tell() {
        telling.lock();
        try {
            Snapshot next;
            while ((next = nextUntold()) != null) {
                for (Consumer<Snapshot> listener : listeners) {
                    listener.accept(next);
                }
            }
        } finally {
            telling.unlock();
        }
    }

    private synchronized Snapshot nextUntold() {
        return untold.poll();
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

    private Instant startedAt(LiveState to) {
        if (to.startedAt() != null || (to.slide() == 0 && to.step() == 0)) {
            return to.startedAt();
        }
        return clock.instant();
    }

    /**
     * The snapshot of {@code state} with its show as stored now: a rehearsal's is the stand-in copy, its reveals
     * {@code rehearsed} (none after a restart: the stand-ins are sealed again until shown).
     */
    private Snapshot resume(LiveState state, Set<String> rehearsed) {
        Show stored = state.showId() == null ? null : shows.find(state.showId()).orElse(null);
        if (stored == null) {
            return new Snapshot(new LiveState(null, 0, 0, state.blackout(), state.logo(), false, state.version(), null),
                    null, null, Set.of());
        }
        Show show = state.rehearsal() ? Rehearsal.standIn(stored) : stored;
        RunOfShow run = RunOfShow.of(show);
        int slide = Math.min(state.slide(), run.size() - 1);
        int step = Math.min(state.step(), run.slide(slide).steps() - 1);
        Set<String> revealed = new HashSet<>(state.rehearsal()
                ? (rehearsed == null ? Set.of() : rehearsed) : repository.revealed(show.id()));
        revealed.retainAll(show.awards().stream().map(Award::id).toList());
        return new Snapshot(new LiveState(show.id(), slide, step, state.blackout(), state.logo(), state.loop(),
                state.version(), state.startedAt(), state.rehearsal()), show, run, revealed);
    }
}
