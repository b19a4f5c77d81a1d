package se.kuvert;

import se.kuvert.config.Settings;
import se.kuvert.live.Command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A real Kuvert on an ephemeral port with a temporary data folder and the test shows, plus a small HTTP client. */
public final class TestApp implements AutoCloseable {
    public static final String PIN = "2468";
    public static final String TOKEN = "test-token";

    public final App app;
    public final Settings settings;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApp(Settings settings) {
        this.settings = settings;
        this.app = App.create(settings);
    }

    /** A server with the demo shows of slides/ and the in-code test shows, with {@code showId} loaded. */
    public static TestApp start(Path dataDir, String showId) {
        return start(Settings.forTest(dataDir), showId);
    }

    public static TestApp start(Settings settings, String showId) {
        TestApp t = new TestApp(settings);
        t.app.shows().save(TestShows.gala(), "test");
        t.app.shows().save(TestShows.other(), "test");
        if (showId != null) {
            t.app.director().apply(new Command.Load(showId), null, "test");
        }
        return t;
    }

    /** A second server on the same data folder, as after a restart. */
    public static TestApp restart(Settings settings) {
        return new TestApp(settings);
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** POST /api/control with the API token. */
    public HttpResponse<String> control(String json) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/control")))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
