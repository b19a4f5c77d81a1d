package se.kuvert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SSE client: reads an event stream on a background thread and hands over whole events. A screen's stream
 * token (its first event) is kept aside for {@link #token()}, as screen.js does, and not handed over.
 */
public final class SseRecorder implements AutoCloseable {
    public record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> all = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<String> token = new CompletableFuture<>();

    public SseRecorder(HttpClient http, String url, String cookie) {
        this(http, url, cookie == null ? java.util.Map.of() : java.util.Map.of("Cookie", cookie));
    }

    /** A stream opened with {@code Authorization: Bearer token}, as tools open it. */
    public static SseRecorder withToken(HttpClient http, String url, String token) {
        return new SseRecorder(http, url, java.util.Map.of("Authorization", "Bearer " + token));
    }

    private SseRecorder(HttpClient http, String url, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (name.equals(se.kuvert.screens.Screens.TOKEN_EVENT)) {
                        token.complete(data.toString());
                    } else if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        });
    }

    /** The next event, waiting up to {@code timeout}; fails when none comes. */
    public Event next(Duration timeout) {
        try {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no SSE event within " + timeout);
            }
            all.add(e);
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    public Event next() {
        return next(Duration.ofSeconds(5));
    }

    /** The token a screen's stream sent first, waiting up to 5 s for it. */
    public String token() throws Exception {
        return token.get(5, TimeUnit.SECONDS);
    }

    public int status() throws Exception {
        return response.get(5, TimeUnit.SECONDS).statusCode();
    }

    /** Every event taken so far. */
    public List<Event> taken() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
