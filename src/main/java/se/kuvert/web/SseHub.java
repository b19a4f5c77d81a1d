package se.kuvert.web;

import io.javalin.http.sse.SseClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The subscribers of one SSE stream. Every write happens on one sender thread, in order: a client that connects
 * gets the latest payload first and then every later one; nobody misses a change or sees them out of order.
 * Heartbeats find clients that went away without closing.
 */
public final class SseHub implements AutoCloseable {
    private static final byte[] RETRY = "retry: 1000\n\n".getBytes(StandardCharsets.UTF_8);
    private final String event;
    private final ExecutorService sender;
    private final ScheduledExecutorService heartbeat;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private volatile String latest;

    /** {@code event} is the SSE event name; {@code initial} the payload before the first publish. */
    public SseHub(String event, String initial, long heartbeatMillis) {
        this.event = event;
        this.latest = initial;
        this.sender = Executors.newSingleThreadExecutor(r -> daemon(r, "sse-" + event));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-heartbeat-" + event));
        heartbeat.scheduleAtFixedRate(() -> sender.execute(this::beat), heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    /** The Javalin SSE handler: keeps the stream open and sends the current payload before anything newer. */
    public void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        sender.execute(() -> {
            askForQuickReconnect(client);
            send(client, latest);
            if (!client.terminated()) {
                clients.add(client);
            }
        });
    }

    /** Sends {@code payload} to every subscriber, after everything published before it. */
    public void publish(String payload) {
        sender.execute(() -> {
            latest = payload;
            for (SseClient client : clients) {
                send(client, payload);
            }
        });
    }

    public int size() {
        return clients.size();
    }

    private void send(SseClient client, String payload) {
        client.sendEvent(event, payload);
        if (client.terminated()) {
            clients.remove(client);
        }
    }

    /** Browsers wait about 3 s before reconnecting a dropped stream; the room should not wait that long. */
    private static void askForQuickReconnect(SseClient client) {
        try {
            var out = client.ctx().res().getOutputStream();
            out.write(RETRY);
            out.flush();
        } catch (IOException | RuntimeException e) {
            client.close();
        }
    }

    private void beat() {
        for (SseClient client : clients) {
            client.sendComment("hb");
            if (client.terminated()) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
