package se.kuvert.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server is killed with SIGKILL (kill -9) while commands stream in, again and again, and started anew on the
 * same data folder: every command it acknowledged is still there, and so is every change a screen was sent.
 */
class DurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "durability-token";
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern PORT = Pattern.compile("Big screen:\\s+http://[^:/]+:(\\d+)/display");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void kill_minus_nine_in_the_middle_of_commands_loses_no_acknowledged_command_nor_one_a_screen_had() throws Exception {
        JsonNode lastAcknowledged = null;
        long lastSeen = 0;
        int acknowledged = 0;
        for (int round = 0; round < 6; round++) {
            Process server = start();
            try {
                int port = portOf(server);
                JsonNode resumed = JSON.readTree(get(port, "/api/state"));
                if (lastAcknowledged == null) {
                    lastAcknowledged = control(port, "{\"action\":\"load\",\"show\":\"digitaliseringskommun-2021\"}");
                } else {
                    long version = resumed.get("version").asLong();
                    long acked = lastAcknowledged.get("version").asLong();
                    assertTrue(version >= acked, "round " + round + ": resumed at version " + version
                            + " but version " + acked + " was acknowledged");
                    assertTrue(version >= lastSeen, "round " + round + ": resumed at version " + version
                            + " but a screen had been sent version " + lastSeen);
                    if (version == acked) {
                        assertEquals(lastAcknowledged.get("blackout"), resumed.get("blackout"), "round " + round);
                        assertEquals(lastAcknowledged.get("slide"), resumed.get("slide"), "round " + round);
                    }
                    // A command applied but killed before its answer may be there too: continue from what is stored.
                    lastAcknowledged = resumed;
                }
                AtomicLong seen = new AtomicLong();
                watch(port, seen);
                AtomicReference<JsonNode> acked = new AtomicReference<>(lastAcknowledged);
                AtomicBoolean stop = new AtomicBoolean();
                int before = acknowledged;
                CompletableFuture<Integer> sender = CompletableFuture.supplyAsync(() -> {
                    int count = 0;
                    boolean on = !acked.get().get("blackout").asBoolean();
                    while (!stop.get()) {
                        try {
                            acked.set(control(port, "{\"action\":\"blackout\",\"on\":" + on + "}"));
                            count++;
                            on = !on;
                        } catch (Exception killed) {
                            break;
                        }
                    }
                    return count;
                });
                TestApp.await("commands are acknowledged", 20, () -> acked.get().get("version").asLong()
                        >= 30 + before);
                server.destroyForcibly();   // SIGKILL, mid-stream
                server.waitFor(10, TimeUnit.SECONDS);
                stop.set(true);
                acknowledged += sender.get(10, TimeUnit.SECONDS);
                lastAcknowledged = acked.get();
                lastSeen = seen.get();
            } finally {
                server.destroyForcibly();
            }
        }
        assertTrue(acknowledged > 150, "enough commands were acknowledged across the kills: " + acknowledged);
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "se.kuvert.App");
        builder.environment().put("KUVERT_PORT", "0");
        builder.environment().put("KUVERT_DATA_DIR", data.toString());
        builder.environment().put("KUVERT_API_TOKEN", TOKEN);
        builder.environment().put("KUVERT_PRESENTER_PIN", "975318");
        builder.environment().put("KUVERT_ADMIN_PASSWORD", "durability-admin");
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Reads the server's console until it prints its address; its output is drained after that. */
    private static int portOf(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the server ended before printing its address");
        });
        int p = port.get(60, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> {
            try {
                while (out.readLine() != null) {
                    // drained so the server never blocks on a full pipe
                }
            } catch (Exception ignored) {
                // the process was killed
            }
        });
        return p;
    }

    /** A tool's stream of the state (what the screens are sent too): {@code seen} is the newest version it got. */
    private void watch(int port, AtomicLong seen) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/events/state"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        CompletableFuture.runAsync(() -> {
            try {
                stream.body().forEach(line -> {
                    Matcher m = VERSION.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        seen.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                    }
                });
            } catch (RuntimeException killed) {
                // the server was killed
            }
        });
        TestApp.await("the stream has its first state", 10, () -> seen.get() > 0);
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode control(int port, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/control"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(json + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
