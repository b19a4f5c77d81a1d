package se.kuvert.web;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.WriteListener;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The subscribers of one SSE stream. Each payload is formatted once and queued to every subscriber; each
 * subscriber's queue is written in order, by one writer at a time, with non-blocking writes: a screen that reads
 * slowly holds no thread, and one that falls more than {@link #MAX_BACKLOG} behind is dropped. A subscriber that
 * connects gets the latest payload first and then every later one, in order. Heartbeats find subscribers that went
 * away without closing: their next write fails, and a stream that ends, however that is noticed, completes its
 * response, which gives back its socket.
 */
public final class SseHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    /** Browsers wait about 3 s before reconnecting a dropped stream; the room should not wait that long. */
    private static final ByteBuffer RETRY = wire("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
    private static final ByteBuffer HEARTBEAT = wire(": hb\n\n".getBytes(StandardCharsets.UTF_8));
    /** A subscriber with more than this still to write has stopped reading (a stage is some 10-50 kB). */
    static final long MAX_BACKLOG = 4L * 1024 * 1024;
    /**
     * A change to a stream with this few subscribers (a ceremony's screens) is written by the thread that publishes
     * it, without waiting for a writer to wake: the writes never block, so it costs that thread one socket write per
     * subscriber. Larger streams go to the shared writers, so one publish never writes to thousands.
     */
    static final int WRITE_HERE_UP_TO = 8;

    /**
     * Every hub of the process shares these few threads, one per core: writes never block, so a writer only hands
     * buffers to Jetty, and the number of threads does not grow with the number of streams. Two on two cores wrote
     * to 10 000 subscribers sooner than four did (p99 in five alternating pairs: 272-333 against 286-423 ms).
     */
    static final int WRITER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(
            WRITER_THREADS, daemons("sse-writer"));
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(daemons("sse-heartbeat"));

    private final String event;
    private final long heartbeatNanos;
    private final ScheduledFuture<?> heartbeat;
    /** When something last went to every subscriber (a {@link System#nanoTime} reading). */
    private volatile long lastSent = System.nanoTime();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private ByteBuffer latest;
    /** An event published while nobody listened, rendered only when someone connects. */
    private Supplier<byte[]> pending;

    /** {@code event} is the SSE event name; {@code initial} the payload before the first publish. */
    public SseHub(String event, String initial, long heartbeatMillis) {
        this.event = event;
        this.latest = wire(format(event, initial));
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMillis);
        this.heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> beat(System.nanoTime()), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The heartbeat at {@code now} (a {@link System#nanoTime} reading): to every subscriber, unless the stream sent
     * them something in the last half beat. Those writes find a screen that went away as well as a heartbeat does,
     * and a heartbeat to thousands costs as much as a change: at 10 000 subscribers, the round a heartbeat fell in
     * was the slowest of its run in five of eight (BENCHMARKS.md, "The sixteenth session"). No subscriber goes longer
     * than a beat and a half without a write.
     */
    void beat(long now) {
        if (now - lastSent >= heartbeatNanos / 2) {
            enqueueToAll(HEARTBEAT);
        }
    }

    /** The Javalin SSE handler: keeps the stream open and sends the current payload before anything newer. */
    public void connect(SseClient client) {
        connect(client, null, () -> { });
    }

    /** As {@link #connect(SseClient)}; {@code onClose} runs once when this stream ends, however that is noticed. */
    public void connect(SseClient client, Runnable onClose) {
        connect(client, null, onClose);
    }

    /**
     * As {@link #connect(SseClient, Runnable)}, and {@code first} (an event of {@link #format}, or null) goes to this
     * stream alone, before the current payload: for what belongs to one stream, such as its token.
     */
    public void connect(SseClient client, byte[] first, Runnable onClose) {
        client.keepAlive();
        AsyncContext async = client.ctx().req().getAsyncContext();
        HttpOutput out;
        try {
            // Javalin serves on Jetty, whose output stream writes a buffer as it is (see Subscriber.drain).
            out = (HttpOutput) client.ctx().res().getOutputStream();
        } catch (IOException | RuntimeException gone) {
            onClose.run();
            client.close();
            return;
        }
        Subscriber subscriber = new Subscriber(client, out, endPoint(client), endsWithConnection(client), onClose);
        async.addListener(subscriber);
        // What was published while nobody listened is rendered now, outside the hub's lock (a render may read the
        // database or the screens' registry); if something newer came meanwhile, that is what the subscriber gets.
        while (true) {
            Supplier<byte[]> toRender;
            synchronized (this) {
                toRender = pending;
            }
            ByteBuffer rendered = toRender == null ? null : wire(toRender.get());
            synchronized (this) {
                if (pending != toRender) {
                    continue;
                }
                if (rendered != null) {
                    latest = rendered;
                    pending = null;
                }
                subscriber.add(RETRY);
                if (first != null) {
                    subscriber.add(wire(first));
                }
                subscriber.add(latest);
                subscribers.add(subscriber);
                break;
            }
        }
        if (closed) {
            subscriber.end();
            return;
        }
        // Jetty answers at once with onWritePossible, which writes what is queued; until then the stream is busy.
        subscriber.draining.set(true);
        out.setWriteListener(subscriber);
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
     * subscriber gets it rendered then. For every stream that may have no one listening: the stage monitor, the kiosk,
     * the presenter's panel, and the big screen itself while it is not yet (or no longer) connected.
     */
    public void publishLazily(Supplier<String> payload) {
        publishEventLazily(() -> event(payload.get()), false);
    }

    /**
     * As {@link #publishLazily}, and sends nothing when the payload is what was sent last: for the streams that are
     * told of more than the show's changes (the phone's health strip, the tools' state).
     */
    public void publishLazilyIfChanged(Supplier<String> payload) {
        publishEventLazily(() -> event(payload.get()), true);
    }

    /** As {@link #publishLazily}, with the payload already an {@link #event} (as an {@link Ahead} keeps it). */
    public void publishEventLazily(Supplier<byte[]> framed) {
        publishEventLazily(framed, false);
    }

    /** As {@link #publishLazilyIfChanged}, with the payload already an {@link #event}. */
    public void publishEventLazilyIfChanged(Supplier<byte[]> framed) {
        publishEventLazily(framed, true);
    }

    /** {@code payload} as this stream's event on the wire; the bytes must not be changed once published. */
    public byte[] event(String payload) {
        return format(event, payload);
    }

    /**
     * An event rendered before one of its values is known (the moment of the change that sends it), with a mark
     * written where that value goes: the bytes before the mark and after it; or, with no gap, the whole event in
     * {@code head}. {@link #with} writes the value in.
     */
    public record Cut(byte[] head, byte[] tail) {
        /** An event with no gap. */
        public static Cut whole(byte[] framed) {
            return new Cut(framed, null);
        }

        /**
         * {@code framed} cut around {@code mark}, or null unless the mark is in it exactly once (one that the content
         * also has, a nominee named so, must not be filled in).
         */
        public static Cut around(byte[] framed, String mark) {
            byte[] m = mark.getBytes(StandardCharsets.UTF_8);
            int at = indexOf(framed, m, 0);
            if (at < 0 || indexOf(framed, m, at + 1) >= 0) {
                return null;
            }
            return new Cut(java.util.Arrays.copyOf(framed, at), java.util.Arrays.copyOfRange(framed, at + m.length, framed.length));
        }

        /** The event with {@code x} in its gap (as UTF-8); with no gap, the event as it is. */
        public byte[] with(String x) {
            if (tail == null) {
                return head;
            }
            byte[] middle = x.getBytes(StandardCharsets.UTF_8);
            byte[] out = java.util.Arrays.copyOf(head, head.length + middle.length + tail.length);
            System.arraycopy(middle, 0, out, head.length, middle.length);
            System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
            return out;
        }

        private static int indexOf(byte[] in, byte[] what, int from) {
            for (int i = from; i <= in.length - what.length; i++) {
                if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private void publishEventLazily(Supplier<byte[]> framed, boolean onlyIfChanged) {
        synchronized (this) {
            if (subscribers.isEmpty()) {
                pending = framed;
                return;
            }
        }
        publish(framed.get(), onlyIfChanged);
    }

    private void publish(String payload, boolean onlyIfChanged) {
        publish(event(payload), onlyIfChanged);
    }

    private void publish(byte[] framed, boolean onlyIfChanged) {
        ByteBuffer bytes = wire(framed);
        synchronized (this) {
            pending = null;
            if (onlyIfChanged && bytes.equals(latest)) {
                return;
            }
            latest = bytes;
            subscribers.forEach(s -> s.add(bytes));
            lastSent = System.nanoTime();
        }
        if (Stopwatch.ON) {
            Stopwatch.published(event, bytes);
        }
        write();
    }

    /**
     * Starts writing to every subscriber that has something queued and nobody writing to it: here for a few, else
     * in one task per shared writer, each taking its share of them (one task per subscriber made a publish to 10 000
     * wait some 50 ms for the writers' queue).
     */
    private void write() {
        java.util.List<Subscriber> idle = new java.util.ArrayList<>();
        for (Subscriber s : subscribers) {
            if (s.claim()) {
                idle.add(s);
            }
        }
        if (idle.size() <= WRITE_HERE_UP_TO) {
            idle.forEach(Subscriber::drain);
            return;
        }
        int slices = Math.min(WRITER_THREADS, idle.size());
        for (int i = 0; i < slices; i++) {
            java.util.List<Subscriber> slice = idle.subList(i * idle.size() / slices, (i + 1) * idle.size() / slices);
            try {
                WRITERS.execute(() -> slice.forEach(Subscriber::drain));
            } catch (RejectedExecutionException shutDown) {
                slice.forEach(s -> s.draining.set(false));
            }
        }
    }

    public int size() {
        return subscribers.size();
    }

    /**
     * Sends a one-off {@code event} to every subscriber now, in order with the payloads; unlike a payload it is not
     * sent again to a stream that connects later (a "stop" is for the moment it is given).
     */
    public void send(String event, String data) {
        enqueueToAll(wire(format(event, data)));
    }

    private void enqueueToAll(ByteBuffer bytes) {
        synchronized (this) {
            subscribers.forEach(s -> s.add(bytes));
            lastSent = System.nanoTime();
        }
        write();
    }

    /**
     * {@code bytes} as every stream writes them: one buffer, which each stream writes from a view of its own (Jetty
     * only reads it). On the heap: a buffer outside it saves each socket write a copy of a few kB, but its memory is
     * given back only when the collector gets to the buffer, and the one a stream keeps as its latest lives on into the
     * old generation, which a quiet show rarely collects: they would pile up to the JVM's limit and then stop it for
     * a full collection.
     */
    static ByteBuffer wire(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }

    /** An SSE event as it goes on the wire: multi-line data becomes several data lines. */
    public static byte[] format(String event, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 64).append("event: ").append(event).append('\n');
        int start = 0;
        for (int end; (end = data.indexOf('\n', start)) >= 0; start = end + 1) {
            int cut = end > start && data.charAt(end - 1) == '\r' ? end - 1 : end;   // a CRLF is one line break too
            sb.append("data: ").append(data, start, cut).append('\n');
        }
        sb.append("data: ").append(data, start, data.length()).append('\n');
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One stream and what is still to be written to it. {@code draining} says who may write: a writer running
     * {@link #drain}, or Jetty's coming {@code onWritePossible} or {@link #resumed} after a write that did not complete
     * at once; never two.
     */
    private final class Subscriber implements WriteListener, AsyncListener {
        final SseClient client;
        final HttpOutput out;
        final Queue<ByteBuffer> pending = new ConcurrentLinkedQueue<>();
        final AtomicLong backlog = new AtomicLong();
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean ended = new AtomicBoolean();
        /** The response was completed (by us, or by Jetty itself): nothing may touch it any more. */
        final AtomicBoolean completed = new AtomicBoolean();
        /** The stream is over but its response is still to be completed, by whoever may write next. */
        volatile boolean finish;
        final EndPoint endPoint;
        /** The response ends with its connection, so what follows its head may go to the connection as it is. */
        final boolean endsWithConnection;
        /**
         * Where the events go once the response's head is out and nothing waits in Jetty, when it ends with its
         * connection: straight to the connection. The bytes on the wire are the same, but no write goes through Jetty's response,
         * channel and generator (at 10 000 subscribers, more than half the server's user time per change). Null
         * until then, and for a response Jetty must frame; only the holder of {@code draining} touches it.
         */
        EndPoint direct;
        /** How a write the connection did not take at once goes on: drain the rest once it is out; or the screen is gone. */
        final Callback resumed = Callback.from(this::drain, failure -> {
            finish = true;
            end();
        });
        final Runnable onClose;

        Subscriber(SseClient client, HttpOutput out, EndPoint endPoint, boolean endsWithConnection, Runnable onClose) {
            this.client = client;
            this.out = out;
            this.endPoint = endPoint;
            this.endsWithConnection = endsWithConnection && endPoint != null;
            this.onClose = onClose;
        }

        void add(ByteBuffer bytes) {
            if (ended.get()) {
                return;
            }
            pending.add(bytes);
            if (backlog.addAndGet(bytes.remaining()) > MAX_BACKLOG) {
                LOG.info("dropping an SSE stream that stopped reading ({} bytes behind)", backlog.get());
                finish = true;
                release();
                if (draining.compareAndSet(false, true)) {
                    execute();   // nothing is being written: the writer completes the response
                } else if (endPoint != null) {
                    endPoint.close();   // fails the write Jetty waits on, so the stream ends now, not at the idle timeout
                }
            }
        }

        /** True when there is something to write and this thread may now write it (then it must {@link #drain}). */
        boolean claim() {
            return (finish || !pending.isEmpty()) && draining.compareAndSet(false, true);
        }

        private void execute() {
            try {
                WRITERS.execute(this::drain);
            } catch (RejectedExecutionException shutDown) {
                draining.set(false);
            }
        }

        @Override
        public void onWritePossible() {
            drain();
        }

        /** Writes what is queued as long as Jetty takes it at once; runs only while holding {@code draining}. */
        void drain() {
            try {
                while (!finish) {
                    if (direct == null) {
                        if (!out.isReady()) {
                            return;   // Jetty calls onWritePossible when the write completes; we still hold draining
                        }
                        if (endsWithConnection && client.ctx().res().isCommitted()) {
                            direct = endPoint;   // the head and what went with it are out: the rest goes straight
                        }
                    }
                    ByteBuffer next = pending.poll();
                    if (next != null) {
                        backlog.addAndGet(-next.remaining());
                        boolean whole = write(next.duplicate());
                        if (Stopwatch.ON) {
                            Stopwatch.written(next);
                        }
                        if (!whole) {
                            return;   // resumed drains on when the rest is out; we still hold draining
                        }
                    } else {
                        draining.set(false);
                        if ((pending.isEmpty() && !finish) || !draining.compareAndSet(false, true)) {
                            return;   // idle; or someone queued something and started another writer
                        }
                    }
                }
                end();
            } catch (IOException | RuntimeException gone) {
                finish = true;
                if (direct != null) {
                    end();   // the screen went away, and Jetty never saw the write: completing the response is ours
                } else {
                    // The screen went away. Jetty tells onError, and the response is completed there: completing it
                    // here too would race with Jetty finishing it.
                    release();
                }
            }
        }

        /**
         * Writes {@code view}, through the response until its head is out and then {@link #direct}ly; false when the
         * connection did not take it all at once and the rest is under way ({@link #resumed} then drains on).
         */
        private boolean write(ByteBuffer view) throws IOException {
            if (direct == null) {
                // Straight from the buffer, past the response's own buffer: that one is never filled, so nothing
                // waits in it for a flush, and no stream holds one (4 kB each, 40 MB at 10 000).
                out.write(view);
                return true;
            }
            if (direct.flush(view)) {
                return true;
            }
            direct.write(resumed, view);
            return false;
        }

        /** Forgets this subscriber at once: its queue, its place in the hub, and tells the owner once. */
        private void release() {
            subscribers.remove(this);
            pending.clear();
            backlog.set(0);
            if (ended.compareAndSet(false, true)) {
                onClose.run();
            }
        }

        /**
         * Ends the stream: forgets it and completes its response, which lets Jetty close the socket. Never after
         * Jetty completed the response itself: on a recycled response, Javalin 7.2 loops forever logging.
         */
        void end() {
            release();
            finish = true;
            if (completed.compareAndSet(false, true)) {
                try {
                    client.close();   // completes keepAlive's future: Javalin finishes the request and completes async
                } catch (RuntimeException alreadyGone) {
                    LOG.debug("completing an ended SSE stream failed", alreadyGone);
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            end();   // a write failed (the screen went away): Jetty waits for us to complete the response
        }

        @Override
        public void onComplete(AsyncEvent e) {
            completed.set(true);
            release();
        }

        @Override
        public void onTimeout(AsyncEvent e) {
            end();
        }

        @Override
        public void onError(AsyncEvent e) {
            end();
        }

        @Override
        public void onStartAsync(AsyncEvent e) {
        }
    }

    /**
     * Sends no more heartbeats and forgets every subscriber. Their streams end when Jetty stops: completing them here
     * would race with Jetty recycling their responses.
     */
    @Override
    public void close() {
        closed = true;
        heartbeat.cancel(false);
        subscribers.forEach(Subscriber::release);
    }

    /**
     * True when the stream's response ends with its connection, unframed and unencoded (Javalin answers every SSE
     * stream with {@code Connection: close}): then the bytes after its head are exactly what is written, and may go
     * to the connection as they are. Over HTTP/2, or framed in chunks, they may not.
     */
    static boolean endsWithConnection(SseClient client) {
        String connection = client.ctx().res().getHeader("Connection");
        return client.ctx().req().getProtocol().startsWith("HTTP/1.")
                && connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")
                && client.ctx().res().getHeader("Content-Encoding") == null
                && client.ctx().res().getHeader("Transfer-Encoding") == null;
    }

    /** The connection under a stream, to hang up on a screen that stopped reading; null if Jetty does not say. */
    private static EndPoint endPoint(SseClient client) {
        try {
            return ServletContextRequest.getServletContextRequest(client.ctx().req()).getServletChannel().getEndPoint();
        } catch (RuntimeException notJetty) {
            return null;
        }
    }

    static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
