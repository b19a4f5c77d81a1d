package se.kuvert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many display subscribers on one thread: non-blocking sockets reading {@code /events/display}, decoding the
 * chunked stream and noting, per subscriber, when each state version ({@code data-version="N"}) arrived.
 * One selector thread keeps the client cheap enough that thousands of streams measure the server, not the client.
 */
final class SseSwarm implements AutoCloseable {
    private static final byte[] MARK = "data-version=\"".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Map<Long, Arrivals> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger firstEvents = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;
    final long openedAt;

    /** When each subscriber saw one version, and how many have. */
    static final class Arrivals {
        final long[] at;
        final AtomicInteger count = new AtomicInteger();

        Arrivals(int n) {
            at = new long[n];
        }
    }

    SseSwarm(InetSocketAddress server, int n) throws IOException {
        selector = Selector.open();
        String request = "GET /events/display HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        openedAt = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Subscriber s = new Subscriber(i, channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            subscribers.add(s);
            channel.connect(server);
            channel.register(selector, SelectionKey.OP_CONNECT, s);
        }
        loop = new Thread(this::run, "sse-swarm");
        loop.setDaemon(true);
        loop.start();
    }

    int size() {
        return subscribers.size();
    }

    /** Starts recording arrivals of {@code version}; call before the command that makes it. */
    Arrivals expect(long version) {
        Arrivals a = new Arrivals(subscribers.size());
        arrivals.put(version, a);
        return a;
    }

    /** Waits until every subscriber has seen {@code a}'s version; false on timeout. */
    static boolean await(Arrivals a, int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (a.count.get() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    /** Waits until every subscriber got its first event; returns each one's delay from opening, in ms. */
    double[] awaitFirstEvents(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (firstEvents.get() < subscribers.size() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        double[] out = new double[subscribers.size()];
        for (Subscriber s : subscribers) {
            out[s.id] = s.firstEventAt == 0 ? Double.POSITIVE_INFINITY : (s.firstEventAt - openedAt) / 1e6;
        }
        return out;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Subscriber s = (Subscriber) key.attachment();
                    try {
                        if (key.isConnectable() && s.channel.finishConnect()) {
                            s.channel.write(s.request);
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int read = s.channel.read(buffer);
                            if (read < 0) {
                                key.cancel();
                                s.channel.close();
                                continue;
                            }
                            long now = System.nanoTime();
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                s.accept(buffer.get(), now);
                            }
                        }
                    } catch (IOException e) {
                        key.cancel();
                        s.channel.close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stream: skips the HTTP head, undoes chunked framing, and spots {@code data-version="N"}. */
    private final class Subscriber {
        final int id;
        final SocketChannel channel;
        final ByteBuffer request;
        long firstEventAt;
        private int headEnd;          // matched bytes of \r\n\r\n
        private boolean inBody;
        private boolean chunked;
        private final StringBuilder head = new StringBuilder();
        private long chunkLeft = -1;  // -1: reading a chunk size line
        private long size;
        private int crlf;
        private int matched;          // matched bytes of MARK
        private long version = -1;    // digits being read, -1 when not inside a version

        Subscriber(int id, SocketChannel channel, ByteBuffer request) {
            this.id = id;
            this.channel = channel;
            this.request = request;
        }

        void accept(byte b, long now) {
            if (!inBody) {
                head.append((char) b);
                headEnd = (b == (headEnd % 2 == 0 ? '\r' : '\n')) ? headEnd + 1 : (b == '\r' ? 1 : 0);
                inBody = headEnd == 4;
                chunked = inBody && head.toString().toLowerCase().contains("transfer-encoding: chunked");
                return;
            }
            if (!chunked) {
                body(b, now);
                return;
            }
            if (chunkLeft < 0) {
                if (b == '\n') {
                    chunkLeft = size;
                    size = 0;
                    crlf = 0;
                } else if (b != '\r' && Character.digit(b, 16) >= 0) {
                    size = size * 16 + Character.digit(b, 16);
                }
                return;
            }
            if (chunkLeft == 0) {
                if (++crlf == 2) {
                    chunkLeft = -1;
                }
                return;
            }
            chunkLeft--;
            body(b, now);
        }

        private void body(byte b, long now) {
            if (version >= 0) {
                if (b >= '0' && b <= '9') {
                    version = version * 10 + (b - '0');
                    return;
                }
                seen(version, now);
                version = -1;
            }
            if (b == MARK[matched]) {
                if (++matched == MARK.length) {
                    matched = 0;
                    version = 0;
                }
            } else {
                matched = b == MARK[0] ? 1 : 0;
            }
        }

        private void seen(long v, long now) {
            if (firstEventAt == 0) {
                firstEventAt = now;
                firstEvents.incrementAndGet();
            }
            Arrivals a = arrivals.get(v);
            if (a != null && a.at[id] == 0) {
                a.at[id] = now;
                a.count.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Subscriber s : subscribers) {
            s.channel.close();
        }
        selector.close();
    }
}
