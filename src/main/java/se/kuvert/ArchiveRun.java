package se.kuvert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build's one start (pom.xml, class-data-archive) sends itself, so that the class data archive the README's
 * run command maps holds the classes of a night's first requests as well as those of the start. A start and these
 * requests loaded 326 classes from the jar with the archive of the start alone, 19 with this one (BENCHMARKS.md,
 * "The twenty-first session").
 */
final class ArchiveRun {
    private static final int TIMEOUT_MILLIS = 10_000;

    private ArchiveRun() {
    }

    /**
     * Sends what a night's first minute sends, one request a connection, and reads each answer to its end (a stream's to
     * its first event): the health check, the state, the big screen's page and stream, the presenter's page, and a
     * tool's {@code next} and {@code prev}, which leave the archive run's show where it was. Returns what went wrong,
     * a line a request; a request that fails only loses its classes from the archive.
     */
    static List<String> firstRequests(int port, String apiToken) {
        String json = "Content-Type: application/json\r\nAuthorization: Bearer " + apiToken + "\r\n";
        List<String> requests = List.of(
                get("/health", ""),
                get("/api/state", ""),
                get("/display", ""),
                get("/events/display?screen=archive-run", "Accept: text/event-stream\r\n"),
                get("/presenter", ""),
                post("/api/control", json, "{\"action\":\"next\"}"),
                post("/api/control", json, "{\"action\":\"prev\"}"));
        List<String> problems = new ArrayList<>();
        for (String request : requests) {
            String line = request.lines().findFirst().orElse("");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = read(socket.getInputStream());
                if (!answer.startsWith("HTTP/1.1 200")) {
                    problems.add(line + ": answered " + answer.lines().findFirst().orElse("nothing"));
                }
            } catch (IOException e) {
                problems.add(line + ": " + e);
            }
        }
        return problems;
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n";
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** The answer to its end, or a stream's up to its first event (a stream never ends by itself). */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (text.contains("text/event-stream") && text.contains("\ndata:")) {
                return text;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
