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
        this(settings, java.time.Clock.systemUTC());
    }

    private TestApp(Settings settings, java.time.Clock clock) {
        this.settings = settings;
        this.app = App.create(settings, clock);
    }

    /** As {@link #start(Path, String)}, with the server's time from {@code clock} (a {@link ManualClock} in tests). */
    public static TestApp start(Path dataDir, String showId, java.time.Clock clock) {
        return withTestShows(new TestApp(Settings.forTest(dataDir), clock), showId);
    }

    /** A server with the demo shows of slides/ and the in-code test shows, with {@code showId} loaded. */
    public static TestApp start(Path dataDir, String showId) {
        return start(Settings.forTest(dataDir), showId);
    }

    public static TestApp start(Settings settings, String showId) {
        return withTestShows(new TestApp(settings), showId);
    }

    private static TestApp withTestShows(TestApp t, String showId) {
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

    /** GET with a session cookie. */
    public HttpResponse<String> get(String path, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).GET().build());
    }

    /** POST a form, with a session cookie when {@code cookie} is not null; fields are name, value, name, value… */
    public HttpResponse<String> form(String path, String cookie, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return send(r.build());
    }

    /** POST JSON to {@code path}, with a session cookie when {@code cookie} is not null. */
    public HttpResponse<String> json(String path, String cookie, String json) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return send(r.build());
    }

    /**
     * POST a multipart form with the admin's CSRF token and one file, as the admin's upload and import forms send it;
     * {@code fields} are more form fields: name, value, name, value…
     */
    public HttpResponse<String> upload(String path, String cookie, String csrf, String filename, byte[] content, String... fields) {
        String boundary = "kuvert-upload-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        body.writeBytes((head + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The session cookie ({@code name=value}) a login or pairing answer sets. */
    public static String cookie(HttpResponse<String> response) {
        String c = response.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie set: " + response.body()));
        return c.substring(0, c.indexOf(';'));
    }

    public String adminCookie() {
        return cookie(form("/admin/login", null, "password", settings.adminPassword()));
    }

    public String presenterCookie() {
        return cookie(form("/presenter/login", null, "pin", PIN));
    }

    /** The admin's CSRF token for {@code cookie}, as the admin page carries it. */
    public String csrf(String cookie) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(get("/admin", cookie).body());
        if (!m.find()) {
            throw new AssertionError("the admin page carries no CSRF token");
        }
        return m.group(1);
    }

    /** Waits until {@code condition} holds, failing after {@code seconds}; for state that other threads settle. */
    public static void await(String what, int seconds, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);   // polling interval of a condition wait, not a fixed delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
