package se.kuvert.live;

import se.kuvert.content.RunOfShow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Runs what every change renders, over every place of the live show, on a thread of its own after start, and sends
 * nothing. The JVM compiles a method only once it has run some hundreds to thousands of times, and a ceremony makes
 * a few hundred changes a night: without this, every tap of the evening would run the screens' renders interpreted
 * or barely compiled. Measured in the peer benchmark (BENCHMARKS.md), a tool's stream got a tap's first byte 1.5 ms
 * after the command arrived when cold.
 *
 * <p>Each render is handed snapshots the Director never holds, and must be a pure function of its snapshot: it
 * publishes nothing, writes nothing and takes no lock a command waits on (the database's included). What it renders
 * is dropped; only its size is counted. Bounded in renders and in time; a show loaded later runs the same code.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** One render of a change, by name (for the log), giving the size of what it rendered. */
    public record Render(String name, ToIntFunction<Snapshot> render) {
    }

    /** What a warm-up did: every render ran {@code rounds} times over {@code places}, in {@code millis}. */
    public record Done(int rounds, int places, long bytes, long millis) {
    }

    private final Supplier<Snapshot> live;
    private final List<Render> renders;
    private final int perRender;
    private final Duration budget;

    /**
     * Every render runs over every place of the live show, round after round, until it has run {@code perRender}
     * times (a whole last round), or {@code budget} is spent.
     */
    public Warmup(Supplier<Snapshot> live, List<Render> renders, int perRender, Duration budget) {
        this.live = live;
        this.renders = List.copyOf(renders);
        this.perRender = perRender;
        this.budget = budget;
    }

    /** Starts the warm-up on a daemon thread of low priority; the thread ends by itself. */
    public Thread start() {
        Thread thread = new Thread(() -> {
            Done done = run();
            if (done.places() > 0) {
                LOG.info("Warmed up the renders of {}: {} rounds over {} places in {} ms",
                        renders.stream().map(Render::name).toList(), done.rounds(), done.places(), done.millis());
            }
        }, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /** Runs the warm-up on this thread: every render over every place until each has run enough, or time is up. */
    public Done run() {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        List<Snapshot> places = places(live.get());
        if (places.isEmpty()) {
            return new Done(0, 0, 0, 0);
        }
        int perRound = places.size();
        int wanted = Math.max(1, (perRender + perRound - 1) / perRound);
        long bytes = 0;
        int round = 0;
        while (round < wanted && System.nanoTime() < deadline) {
            for (Snapshot place : places) {
                for (Render render : renders) {
                    bytes += render.render().applyAsInt(place);
                }
            }
            round++;
        }
        return new Done(round, perRound, bytes, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Every slide and step of {@code live}'s run as it would be on screen, then the live place under a blackout,
     * the logo and the loop; the version and the revealed awards are the live ones. Empty with no show loaded.
     */
    static List<Snapshot> places(Snapshot live) {
        RunOfShow run = live.run();
        if (run == null) {
            return List.of();
        }
        LiveState s = live.state();
        List<Snapshot> out = new ArrayList<>();
        for (int slide = 0; slide < run.size(); slide++) {
            for (int step = 0; step < run.slide(slide).steps(); step++) {
                out.add(at(live, slide, step, false, false, false));
            }
        }
        out.add(at(live, s.slide(), s.step(), true, false, false));
        out.add(at(live, s.slide(), s.step(), false, true, false));
        out.add(at(live, s.slide(), s.step(), false, false, true));
        return out;
    }

    /** {@code live} moved to a slide, step and covers, all else as it is. */
    private static Snapshot at(Snapshot live, int slide, int step, boolean blackout, boolean logo, boolean loop) {
        LiveState s = live.state();
        return new Snapshot(new LiveState(s.showId(), slide, step, blackout, logo, loop, s.version(), s.startedAt(), s.rehearsal()),
                live.show(), live.run(), live.revealed());
    }
}
