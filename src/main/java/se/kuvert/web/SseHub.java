package se.kuvert.web;

import io.javalin.http.sse.SseClient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscribers of one SSE stream. Each payload is formatted once and queued to every subscriber; each
 * subscriber's queue is written in order by one writer at a time from a small pool, so a slow screen delays only
 * itself. A subscriber that connects gets the latest payload first and then every later one, in order.
 * Heartbeats find subscribers that went away without closing.
 */
public final class SseHub implements AutoCloseable {
    /** Browsers wait about 3 s before reconnecting a dropped stream; the room should not wait that long. */
    private static final byte[] RETRY = "retry: 1000\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEARTBEAT = ": hb\n\n".getBytes(StandardCharsets.UTF_8);

    private final String event;
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeat;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private byte[] latest;
    /** A payload published while nobody listened, rendered only when someone connects. */
    private java.util.function.Supplier<String> pending;

    /** {@code event} is the SSE event name; {@code initial} the payload before the first publish. */
    public SseHub(String event, String initial, long heartbeatMillis) {
        this.event = event;
        this.latest = format(event, initial);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.writers = Executors.newFixedThreadPool(threads, r -> daemon(r, "sse-" + event + "-" + n.incrementAndGet()));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-heartbeat-" + event));
        heartbeat.scheduleAtFixedRate(() -> enqueueToAll(HEARTBEAT), heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    /** The Javalin SSE handler: keeps the stream open and sends the current payload before anything newer. */
    public void connect(SseClient client) {
        connect(client, () -> { });
    }

    /** As {@link #connect(SseClient)}; {@code onClose} runs once when this stream ends, however that is noticed. */
    public void connect(SseClient client, Runnable onClose) {
        client.keepAlive();
        Subscriber subscriber = new Subscriber(client, onClose);
        client.onClose(subscriber::drop);
        synchronized (this) {
            if (pending != null) {
                latest = format(event, pending.get());
                pending = null;
            }
            subscriber.pending.add(RETRY);
            subscriber.pending.add(latest);
            subscribers.add(subscriber);
        }
        subscriber.schedule();
    }

    /** Sends {@code payload} to every subscriber, after everything published before it. */
    public void publish(String payload) {
        publish(payload, false);
    }

    /** As {@link #publish(String)}, but sends nothing when {@code payload} is what was sent last. */
    public void publishIfChanged(String payload) {
        publish(payload, true);
    }

    /**
     * As {@link #publish(String)}, but while nobody is connected the payload is not rendered at all: the first
     * subscriber gets it rendered then. For streams that often have no one listening (stage monitors, kiosks).
     */
    public void publishLazily(java.util.function.Supplier<String> payload) {
        synchronized (this) {
            if (subscribers.isEmpty()) {
                pending = payload;
                return;
            }
        }
        publish(payload.get());
    }

    private void publish(String payload, boolean onlyIfChanged) {
        byte[] bytes = format(event, payload);
        synchronized (this) {
            pending = null;
            if (onlyIfChanged && java.util.Arrays.equals(bytes, latest)) {
                return;
            }
            latest = bytes;
            subscribers.forEach(s -> s.pending.add(bytes));
        }
        subscribers.forEach(Subscriber::schedule);
    }

    public int size() {
        return subscribers.size();
    }

    private void enqueueToAll(byte[] bytes) {
        synchronized (this) {
            subscribers.forEach(s -> s.pending.add(bytes));
        }
        subscribers.forEach(Subscriber::schedule);
    }

    /** An SSE event as it goes on the wire: multi-line data becomes several data lines. */
    static byte[] format(String event, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 64).append("event: ").append(event).append('\n');
        for (String line : data.split("\r?\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One stream and what is still to be written to it; at most one writer drains it at a time. */
    private final class Subscriber {
        final SseClient client;
        final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        final Runnable onClose;

        Subscriber(SseClient client, Runnable onClose) {
            this.client = client;
            this.onClose = onClose;
        }

        void schedule() {
            if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    draining.set(false);
                }
            }
        }

        private void drop() {
            subscribers.remove(this);
            pending.clear();
            if (closed.compareAndSet(false, true)) {
                onClose.run();
            }
        }

        private void drain() {
            try {
                OutputStream out = client.ctx().res().getOutputStream();
                byte[] next;
                boolean wrote = false;
                while ((next = pending.poll()) != null) {
                    out.write(next);
                    wrote = true;
                }
                if (wrote) {
                    out.flush();
                }
            } catch (IOException | RuntimeException gone) {
                // The screen went away and Jetty finishes the response itself. Never SseClient.close() here: on a
                // response Jetty has already recycled, Javalin 7.2 loops forever logging the failure.
                drop();
                return;
            } finally {
                draining.set(false);
            }
            schedule();   // something may have arrived after the last poll
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        writers.shutdownNow();
        subscribers.clear();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
