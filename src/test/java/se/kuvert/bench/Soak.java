package se.kuvert.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long day, compressed: the real jar with 1 000 display subscribers, 20 commands a second and five screens a
 * second that open a stream and drop it without a word (as phones and tablets on the venue Wi-Fi do), for
 * {@code -Dsoak.minutes} minutes (10 by default). Every 30 s it prints the server's open descriptors, threads and
 * resident memory; at the end, whether all 1 000 still get every change and what is left once the load stops.
 * Loopback only, bounded in time. Run from the project folder (see README, "Benchmarks").
 */
public final class Soak {
    private static final int SUBSCRIBERS = 1000;
    private static final long COMMAND_EVERY_MILLIS = 50;
    private static final long DROP_EVERY_MILLIS = 200;
    private static final long SAMPLE_EVERY_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "kuvert.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -q -DskipTests package");
        }
        int minutes = Integer.getInteger("soak.minutes", 10);
        Benchmark.line("# Kuvert soak");
        Benchmark.line("");
        Benchmark.line("%d display subscribers, a command every %d ms, a stream opened and dropped every %d ms, for %d minutes;"
                + " %d cores, Java %s.", SUBSCRIBERS, COMMAND_EVERY_MILLIS, DROP_EVERY_MILLIS, minutes,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Benchmark.line("");
        try (Benchmark.Server server = Benchmark.Server.start(jar)) {
            Benchmark.line("| elapsed | descriptors | threads | resident memory | displays | commands | dropped streams | failures |");
            Benchmark.line("|---|---|---|---|---|---|---|---|");
            sample(server, "idle", 0, 0, 0);
            try (SseSwarm swarm = new SseSwarm(server.address(), SUBSCRIBERS)) {
                if (java.util.Arrays.stream(swarm.awaitFirstEvents(30_000)).anyMatch(Double::isInfinite)) {
                    throw new IllegalStateException("not every subscriber connected");
                }
                AtomicLong commands = new AtomicLong();
                AtomicInteger drops = new AtomicInteger();
                AtomicInteger failures = new AtomicInteger();
                ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
                load.scheduleAtFixedRate(() -> {
                    try {
                        server.control(commands.incrementAndGet() % 2 == 0 ? "{\"action\":\"next\"}" : "{\"action\":\"prev\"}");
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }, 0, COMMAND_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                load.scheduleAtFixedRate(() -> {
                    try {
                        drop(server.port, "/events/display?screen=phone-" + drops.incrementAndGet() % 500);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }, 0, DROP_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                long end = start + TimeUnit.MINUTES.toNanos(minutes);
                for (long next = start; next < end; ) {
                    next = Math.min(end, next + TimeUnit.SECONDS.toNanos(SAMPLE_EVERY_SECONDS));
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                    sample(server, (System.nanoTime() - start) / 1_000_000_000 + " s", commands.get(), drops.get(), failures.get());
                }
                load.shutdownNow();
                load.awaitTermination(10, TimeUnit.SECONDS);
                long version = server.version() + 1;
                SseSwarm.Arrivals last = swarm.expect(version);
                server.control("{\"action\":\"next\"}");
                boolean all = SseSwarm.await(last, SUBSCRIBERS, 20_000);
                Benchmark.line("");
                Benchmark.line("After the load: one more command reached %d of %d subscribers (%s).", last.count.get(), SUBSCRIBERS,
                        all ? "all" : "NOT ALL");
            }
            // The subscribers hung up; heartbeats (every 5 s) find them, and their streams give back their sockets.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while ((server.displays() > 0 || descriptors(server) > 200) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Benchmark.line("");
            Benchmark.line("| elapsed | descriptors | threads | resident memory | displays | commands | dropped streams | failures |");
            Benchmark.line("|---|---|---|---|---|---|---|---|");
            sample(server, "all hung up", 0, 0, 0);
        }
    }

    /** Opens a display stream, reads its first event and hangs up without a word. */
    private static void drop(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    return;
                }
            }
            throw new IOException(path + " ended before its first event");
        }
    }

    private static long descriptors(Benchmark.Server server) throws IOException {
        try (var fds = Files.list(Path.of("/proc", String.valueOf(server.process.pid()), "fd"))) {
            return fds.count();
        }
    }

    private static void sample(Benchmark.Server server, String elapsed, long commands, int drops, int failures) throws Exception {
        Benchmark.line("| %s | %d | %d | %s | %d | %d | %d | %d |", elapsed, descriptors(server), server.threads(),
                String.format(Locale.ROOT, "%.0f MB", server.rss() / 1024.0), server.displays(), commands, drops, failures);
    }
}
