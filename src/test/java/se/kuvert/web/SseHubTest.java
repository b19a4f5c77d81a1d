package se.kuvert.web;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseHubTest {
    private SseHub hub;
    private Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new SseHub("stage", "payload 0", 60_000);
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.sse("/events", hub::connect);
            // A stream opened as Javalin's SSE handler opens one, but on a connection that stays open after it:
            // a response Jetty must frame in chunks.
            c.routes.get("/framed", ctx -> {
                ctx.res().setContentType("text/event-stream");
                ctx.res().flushBuffer();
                ctx.async(config -> config.timeout = 0, () -> hub.connect(new SseClient(ctx)));
            });
        }).start(0);
    }

    @AfterEach
    void stop() {
        hub.close();
        server.stop();
    }

    private String url() {
        return "http://localhost:" + server.port() + "/events";
    }

    /** Waits until the hub has exactly {@code n} subscribers (one that hung up is forgotten once Jetty notices). */
    private void awaitSubscribers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (hub.size() != n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, hub.size());
    }

    @Test
    void everyLineOfAPayloadIsADataLineWhateverItsLineBreaks() {
        assertEquals("event: stage\ndata: <div>\ndata:   a\ndata: b\ndata: \n\n",
                new String(SseHub.format("stage", "<div>\r\n  a\nb\n"), StandardCharsets.UTF_8));
        assertEquals("event: state\ndata: {\"version\":3}\n\n",
                new String(SseHub.format("state", "{\"version\":3}"), StandardCharsets.UTF_8));
        assertEquals("event: x\ndata: \n\n", new String(SseHub.format("x", ""), StandardCharsets.UTF_8));
        assertEquals("event: x\ndata: \ndata: \n\n", new String(SseHub.format("x", "\r\n"), StandardCharsets.UTF_8));
        assertEquals("event: x\ndata: a\rb\n\n", new String(SseHub.format("x", "a\rb"), StandardCharsets.UTF_8));
    }

    @Test
    void an_event_cut_for_a_gap_is_the_event_of_the_whole_once_filled() {
        byte[] open = hub.event("<p data-at=\"-1\">Åre</p>\n{\"åre\":@@,\"b\":\" \"}");
        SseHub.Cut cut = SseHub.Cut.around(open, "@@");
        assertEquals(new String(hub.event("<p data-at=\"-1\">Åre</p>\n{\"åre\":1733081400000,\"b\":\" \"}"), StandardCharsets.UTF_8),
                new String(cut.with("1733081400000"), StandardCharsets.UTF_8), "a gap in the second of two data lines");
        assertEquals(null, SseHub.Cut.around(hub.event("{\"a\":@@,\"b\":@@}"), "@@"),
                "a mark that is there twice (the content has it too) is not cut");
        assertEquals(null, SseHub.Cut.around(hub.event("{\"a\":1}"), "@@"), "nor one that is not there");
        byte[] whole = hub.event("{\"a\":1}");
        assertEquals(whole, SseHub.Cut.whole(whole).with("1733081400000"), "an event with no gap is sent as it is");
    }

    @Test
    void every_hub_shares_the_same_few_writer_threads() throws Exception {
        List<SseHub> more = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                more.add(new SseHub("more" + i, "payload", 10));
            }
            try (SseRecorder sse = new SseRecorder(http, url(), null)) {
                sse.next();
                for (SseHub h : more) {
                    h.publish("payload 1");
                }
                hub.publish("payload 1");
                assertEquals("payload 1", sse.next().data());
            }
            long threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sse-")).count();
            assertTrue(threads <= SseHub.WRITER_THREADS + 1, threads + " SSE threads for six hubs");
        } finally {
            more.forEach(SseHub::close);
        }
    }

    @Test
    void a_lazy_payload_is_rendered_only_for_a_subscriber_and_only_the_newest() throws Exception {
        java.util.concurrent.atomic.AtomicInteger renders = new java.util.concurrent.atomic.AtomicInteger();
        hub.publishLazily(() -> "lazy " + renders.incrementAndGet());
        hub.publishLazily(() -> "lazy " + renders.incrementAndGet());
        assertEquals(0, renders.get(), "nobody listens, nothing is rendered");
        try (SseRecorder sse = new SseRecorder(http, url(), null)) {
            assertEquals("lazy 1", sse.next().data(), "the newest payload, rendered once on connect");
            awaitSubscribers(1);
            hub.publishLazily(() -> "eager");
            assertEquals("eager", sse.next().data(), "with a subscriber it is sent at once");
        }
        assertEquals(1, renders.get());
    }

    @Test
    void a_lazy_payload_sent_only_if_changed_is_not_rendered_without_subscribers_nor_sent_twice() throws Exception {
        java.util.concurrent.atomic.AtomicInteger renders = new java.util.concurrent.atomic.AtomicInteger();
        hub.publishLazilyIfChanged(() -> "health " + renders.incrementAndGet());
        assertEquals(0, renders.get(), "nobody listens, nothing is rendered");
        try (SseRecorder sse = new SseRecorder(http, url(), null)) {
            assertEquals("health 1", sse.next().data());
            awaitSubscribers(1);
            hub.publishLazilyIfChanged(() -> "health 1");
            hub.publishLazilyIfChanged(() -> "health 2");
            assertEquals("health 2", sse.next().data(), "the unchanged payload was not sent again");
        }
    }

    @Test
    void a_subscriber_gets_the_latest_payload_first_then_every_later_one_in_order() throws Exception {
        hub.publish("payload 1");
        hub.publish("payload 2");
        try (SseRecorder sse = new SseRecorder(http, url(), null)) {
            assertEquals("payload 2", sse.next().data());
            for (int i = 3; i < 50; i++) {
                hub.publish("payload " + i + "\nsecond line");
            }
            for (int i = 3; i < 50; i++) {
                assertEquals("payload " + i + "\nsecond line", sse.next().data());
            }
        }
    }

    @Test
    void large_events_arrive_whole_and_in_order_between_small_ones() throws Exception {
        String large = "x".repeat(100 * 1024 + 17);   // past Jetty's own buffer of a response (32 kB)
        try (SseRecorder sse = new SseRecorder(http, url(), null)) {
            assertEquals("payload 0", sse.next().data());
            for (int i = 1; i < 20; i++) {
                hub.publish(i % 2 == 0 ? "small " + i : large + i);
            }
            for (int i = 1; i < 20; i++) {
                assertEquals(i % 2 == 0 ? "small " + i : large + i, sse.next().data());
            }
        }
    }

    /** A raw stream of {@code path}: its head, then the body as it comes on the wire. */
    private static final class Wire implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final String head;

        Wire(int port, String path) throws IOException {
            socket.setReceiveBufferSize(4096);   // the server's writes soon wait for this reader
            socket.connect(new InetSocketAddress("localhost", port));
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            in = socket.getInputStream();
            StringBuilder h = new StringBuilder();
            while (!h.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertTrue(b >= 0, "the stream closed in its head: " + h);
                h.append((char) b);
            }
            head = h.toString().toLowerCase(Locale.ROOT);
        }

        /** The next {@code n} bytes of the body. */
        String body(int n) throws IOException {
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void a_stream_that_ends_with_its_connection_carries_exactly_its_events_after_the_head() throws Exception {
        try (Wire wire = new Wire(server.port(), "/events")) {
            assertTrue(wire.head.contains("connection: close") && !wire.head.contains("transfer-encoding"), wire.head);
            assertEquals("retry: 1000\n\n" + event("payload 0"), wire.body(bytes("retry: 1000\n\n" + event("payload 0"))));
            awaitSubscribers(1);
            for (int i = 1; i <= 2; i++) {
                // 4.5 MB at once is more than the connection takes (its buffers take up to 4 MB): the rest of an event
                // goes when it can, before what follows it
                StringBuilder expected = new StringBuilder();
                for (int j = 0; j < 3; j++) {
                    String large = "é".repeat(768 * 1024) + i + j;
                    hub.publish(large);
                    expected.append(event(large));
                }
                hub.publish("payload " + i + "\nsecond line");
                expected.append(event("payload " + i + "\nsecond line"));
                assertEquals(expected.toString(), wire.body(bytes(expected.toString())), "round " + i);
            }
        }
    }

    @Test
    void a_heartbeat_goes_only_to_a_stream_that_was_sent_nothing_for_half_a_beat() throws Exception {
        // The hub beats every minute: this test beats it by hand, at moments of its own.
        long halfABeat = Duration.ofSeconds(30).toNanos();
        try (Wire wire = new Wire(server.port(), "/events")) {
            assertEquals("retry: 1000\n\n" + event("payload 0"), wire.body(bytes("retry: 1000\n\n" + event("payload 0"))));
            awaitSubscribers(1);
            hub.publish("payload 1");
            hub.beat(System.nanoTime() + halfABeat - 1_000_000_000L);   // a changing show: no heartbeat between
            hub.publish("payload 2");
            String changes = event("payload 1") + event("payload 2");
            assertEquals(changes, wire.body(bytes(changes)));
            hub.beat(System.nanoTime() + halfABeat);   // half a beat after the last change, it beats again
            hub.publish("payload 3");
            assertEquals(": hb\n\n" + event("payload 3"), wire.body(bytes(": hb\n\n" + event("payload 3"))));
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void a_stream_jetty_frames_in_chunks_gets_every_event_whole_and_in_order() throws Exception {
        try (Wire wire = new Wire(server.port(), "/framed")) {
            assertTrue(wire.head.contains("transfer-encoding: chunked"), "this test needs a framed response: " + wire.head);
        }
        awaitSubscribers(0);   // the stream that only showed the head is gone before the one under test comes
        String large = "x".repeat(100 * 1024 + 17);
        try (SseRecorder sse = new SseRecorder(http, "http://localhost:" + server.port() + "/framed", null)) {
            assertEquals("payload 0", sse.next().data());
            awaitSubscribers(1);
            for (int i = 1; i < 20; i++) {
                hub.publish(i % 2 == 0 ? "small " + i : large + i);
            }
            for (int i = 1; i < 20; i++) {
                assertEquals(i % 2 == 0 ? "small " + i : large + i, sse.next().data());
            }
        }
    }

    private static String event(String payload) {
        return new String(SseHub.format("stage", payload), StandardCharsets.UTF_8);
    }

    @Test
    void screens_that_hang_up_while_their_writes_wait_are_forgotten_and_give_back_their_sockets() throws Exception {
        long before = DroppedStreamsTest.descriptors();
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wires.add(new Wire(server.port(), "/events"));
        }
        awaitSubscribers(20);
        String large = "x".repeat(3 * 1024 * 1024);   // more than each connection takes: every write waits for its reader
        hub.publish(large);
        for (Wire wire : wires) {
            wire.socket.setSoLinger(true, 0);   // hang up with a reset, as a phone that drops off the Wi-Fi
            wire.close();
        }
        hub.publish("after");
        TestApp.await("every hung-up subscriber to be forgotten (" + hub.size() + " left)", 20, () -> hub.size() == 0);
        TestApp.await("the sockets of the hung-up subscribers to be given back (" + before + " descriptors before, "
                + DroppedStreamsTest.descriptors() + " now)", 20, () -> DroppedStreamsTest.descriptors() <= before + 2);
    }

    @Test
    void a_subscriber_that_stops_reading_does_not_hold_back_the_others_and_is_dropped_when_far_behind() throws Exception {
        String big = "x".repeat(16 * 1024);
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("localhost", server.port()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitSubscribers(1);
            try (SseRecorder reader = new SseRecorder(http, url(), null)) {
                reader.next();
                awaitSubscribers(2);
                // 32 MB in bursts of 1.6 MB: far more than the stuck socket's buffers can take, so its writes wait
                for (int i = 1; i <= 2000; i += 100) {
                    for (int j = i; j < i + 100; j++) {
                        hub.publish(j + " " + big);
                    }
                    for (int j = i; j < i + 100; j++) {
                        String data = reader.next(Duration.ofSeconds(20)).data();
                        assertEquals(String.valueOf(j), data.substring(0, data.indexOf(' ')));
                    }
                }
                assertEquals(1, hub.size(), "the stuck subscriber, " + SseHub.MAX_BACKLOG + " bytes behind, is dropped");
                stuck.setSoTimeout(20_000);
                InputStream in = stuck.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                while (in.read(buffer) >= 0) {
                    // what it had been sent, then the end of the stream: the server hung up
                }
            }
        }
    }
}
