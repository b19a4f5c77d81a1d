package se.kuvert.web;

import se.kuvert.GalaServerTest;
import org.junit.jupiter.api.Test;
import se.kuvert.TestApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams that end, end: a screen that drops its stream leaves no socket and no subscriber behind. */
class DroppedStreamsTest extends GalaServerTest {
    private static final int DROPS = 2000;
    /** Open file descriptors of this JVM, where the server runs. */
    static long descriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/self/fd", e);
        }
    }

    /** Opens a stream as a browser would, reads its first event and hangs up without a word, like a phone losing Wi-Fi. */
    private void dropOne(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", t.app.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status != null && status.contains(" 200 "), path + " answered " + status);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    return;
                }
            }
            throw new AssertionError(path + " closed before its first event");
        }
    }

    @Test
    void two_thousand_dropped_streams_give_back_their_sockets() throws Exception {
        dropOne("/events/display?screen=warm-up");   // loads what the first stream loads, so it is not counted as a leak
        TestApp.await("the warm-up stream to end", 30, () -> t.app.screens().reports().stream().noneMatch(r -> r.connected()));
        long before = descriptors();
        List<String> paths = List.of("/events/display?screen=main", "/events/kiosk", "/events/display");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> drops = new ArrayList<>();
            for (int i = 0; i < DROPS; i++) {
                String path = paths.get(i % paths.size());
                drops.add(clients.submit(() -> {
                    dropOne(path);
                    return null;
                }));
            }
            for (Future<?> drop : drops) {
                drop.get();
            }
        } finally {
            clients.shutdownNow();
        }
        TestApp.await("the descriptors of " + DROPS + " dropped streams to be given back (" + before + " before, "
                + descriptors() + " now)", 60, () -> descriptors() <= before + 20);
        TestApp.await("no display left subscribed", 10, () -> t.get("/health").body().contains("\"displays\":0"));
    }
}
