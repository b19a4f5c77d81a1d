package se.kuvert.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where the time of one {@code POST /api/control} goes, measured inside the server: for the benchmark only, on with
 * {@code -Dkuvert.timing=true} (off, every hook is one test of a constant). Commands are taken one at a time, as
 * the benchmark sends them; each stage is the time from the request's arrival (Jetty's own clock of when it began
 * reading it) to that stage, the first time it happens for that command, in microseconds; "handlers reached" is when
 * Kuvert's own code first sees it. {@code GET /bench/timing} gives p50/p99 per stage and starts over.
 */
public final class Stopwatch {
    public static final boolean ON = Boolean.getBoolean("kuvert.timing");
    public static final String PATH = "/bench/timing";

    private static long start;
    private static final Set<String> seen = new HashSet<>();
    private static final Map<String, List<Long>> stages = new LinkedHashMap<>();
    /** What each stream published for the current command, to know its first byte on the wire. */
    private static final Map<java.nio.ByteBuffer, String> published = new IdentityHashMap<>();

    private Stopwatch() {
    }

    /** A command arrived at {@code arrived} (a {@link System#nanoTime} reading). */
    static synchronized void begin(long arrived) {
        start = arrived;
        seen.clear();
        published.clear();
    }

    /** {@code stage} happened now, for the command being handled (only its first time counts). */
    public static synchronized void mark(String stage) {
        if (start == 0 || !seen.add(stage)) {
            return;
        }
        stages.computeIfAbsent(stage, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000);
    }

    /** {@code listener}, marking when it is done as "told: {@code name}". */
    public static <T> Consumer<T> told(String name, Consumer<T> listener) {
        if (!ON) {
            return listener;
        }
        return value -> {
            listener.accept(value);
            mark("told: " + name);
        };
    }

    /** {@code listener}, told with a second value, marking when it is done as "told: {@code name}". */
    public static <T, U> BiConsumer<T, U> told(String name, BiConsumer<T, U> listener) {
        if (!ON) {
            return listener;
        }
        return (value, more) -> {
            listener.accept(value, more);
            mark("told: " + name);
        };
    }

    /** A stream queued {@code bytes} for every subscriber. */
    static synchronized void published(String event, java.nio.ByteBuffer bytes) {
        if (start != 0) {
            published.put(bytes, event);
            mark("published: " + event);
        }
    }

    /** {@code bytes} were handed to a subscriber's socket; marks the first time for the current command. */
    static void written(java.nio.ByteBuffer bytes) {
        String event;
        synchronized (Stopwatch.class) {
            event = published.get(bytes);
        }
        if (event != null) {
            mark("first byte: " + event);
        }
    }

    /** p50 and p99 of every stage since the last report, earliest stage first; then starts over. */
    static synchronized String report() {
        record Row(String stage, long p50, long p99, int n) {
        }
        List<Row> rows = new ArrayList<>();
        stages.forEach((stage, times) -> {
            List<Long> sorted = new ArrayList<>(times);
            sorted.sort(null);
            rows.add(new Row(stage, at(sorted, 50), at(sorted, 99), sorted.size()));
        });
        rows.sort(java.util.Comparator.comparingLong(Row::p50));
        StringBuilder out = new StringBuilder("stage\tp50_us\tp99_us\tn\n");
        for (Row r : rows) {
            out.append(r.stage()).append('\t').append(r.p50()).append('\t').append(r.p99()).append('\t').append(r.n()).append('\n');
        }
        stages.clear();
        start = 0;
        return out.toString();
    }

    private static long at(List<Long> sorted, int percent) {
        int i = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The report's route, when on (the command itself is timed by {@link Direct}). */
    static void routes(io.javalin.config.RoutesConfig routes) {
        if (ON) {
            routes.get(PATH, ctx -> ctx.contentType("text/plain").result(report()));
        }
    }
}
