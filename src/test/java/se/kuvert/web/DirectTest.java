package se.kuvert.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Direct} on a bare Jetty server: what it takes, what it leaves to the handler inside, and how it answers. */
class DirectTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> inside = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private org.eclipse.jetty.server.Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new org.eclipse.jetty.server.Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        Direct direct = new Direct(Map.of(
                "/echo", call -> {
                    String body = new String(call.body(), StandardCharsets.UTF_8);
                    bodies.add(body);
                    return new Direct.Answer(201, ("{\"auth\":\"" + call.header("Authorization") + "\",\"cookie\":\""
                            + call.cookie("kuvert_session") + "\",\"length\":" + body.length() + "}").getBytes(StandardCharsets.UTF_8));
                },
                "/refuses", call -> {
                    try {
                        return new Direct.Answer(200, call.body());
                    } catch (Direct.TooLarge e) {
                        return new Direct.Answer(413, "{\"error\":\"too large\"}".getBytes(StandardCharsets.UTF_8));
                    }
                },
                "/fails", call -> {
                    throw new IllegalStateException("secret detail");
                }));
        direct.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                inside.add(request.getMethod() + " " + request.getHttpURI().getPath());
                response.setStatus(299);
                callback.succeeded();
                return true;
            }
        });
        server.setHandler(direct);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_post_to_its_path_is_answered_here_with_its_headers_and_cookie() throws Exception {
        HttpResponse<String> r = post("/echo", HttpRequest.BodyPublishers.ofString("{\"action\":\"next\"}"),
                "Authorization", "Bearer t0k3n", "Cookie", "other=1; kuvert_session=abc123");
        assertEquals(201, r.statusCode());
        assertEquals("{\"auth\":\"Bearer t0k3n\",\"cookie\":\"abc123\",\"length\":17}", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(inside.isEmpty(), "nothing reached the handler inside: " + inside);
        assertEquals(201, post("/echo/", HttpRequest.BodyPublishers.ofString("{}")).statusCode(), "a trailing slash is the same path");
        HttpResponse<String> none = post("/echo", HttpRequest.BodyPublishers.ofString(""));
        assertEquals("{\"auth\":\"null\",\"cookie\":\"null\",\"length\":0}", none.body(), "no header, no cookie, no body");
    }

    @Test
    void other_methods_and_paths_go_on_to_the_handler_inside() throws Exception {
        assertEquals(299, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(299, post("/elsewhere", HttpRequest.BodyPublishers.ofString("x")).statusCode());
        assertEquals(299, post("/echo/more", HttpRequest.BodyPublishers.ofString("x")).statusCode());
        assertEquals(List.of("GET /echo", "POST /elsewhere", "POST /echo/more"), inside);
        assertTrue(bodies.isEmpty());
    }

    @Test
    void a_body_is_read_with_or_without_its_length_up_to_the_limit() throws Exception {
        byte[] small = "{\"action\":\"next\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = post("/echo", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)));
        assertEquals(201, chunked.statusCode());
        assertTrue(chunked.body().endsWith("\"length\":17}"), chunked.body());
        byte[] full = "x".repeat(Server.MAX_REQUEST_BYTES).getBytes(StandardCharsets.UTF_8);
        assertEquals(201, post("/echo", HttpRequest.BodyPublishers.ofByteArray(full)).statusCode(), "exactly the limit is read");
        byte[] over = "x".repeat(Server.MAX_REQUEST_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post("/echo", HttpRequest.BodyPublishers.ofByteArray(over));
        assertEquals(413, refused.statusCode(), "one byte more is refused");
        assertTrue(refused.body().contains("nothing was stored"), refused.body());
        assertEquals(413, post("/echo", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).statusCode(),
                "and so it is without a length");
        assertEquals(2, bodies.size(), "only the bodies within the limit reached the route");
    }

    /**
     * A command's few bytes are taken from the chunk they came in; a body in many chunks (Jetty reads at most its input
     * buffer at a time) is the first chunk and the rest after it, in order, with or without a length.
     */
    @Test
    void a_body_is_read_whole_and_in_order_in_one_chunk_or_many() throws Exception {
        StringBuilder counted = new StringBuilder();
        for (int i = 0; counted.length() < 100_000; i++) {
            counted.append(i).append(',');
        }
        for (String sent : List.of("{\"action\":\"next\",\"name\":\"Åsa Öberg\"}", counted.toString())) {
            byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> withLength = post("/refuses", HttpRequest.BodyPublishers.ofByteArray(bytes));
            assertEquals(200, withLength.statusCode());
            assertBody(sent, withLength.body(), bytes.length + " bytes with a length");
            HttpResponse<String> without = post("/refuses", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
            assertBody(sent, without.body(), bytes.length + " bytes without a length");
        }
    }

    /** {@code got} is {@code sent}; when not, says where they part (not the whole of a long body). */
    private static void assertBody(String sent, String got, String what) {
        int at = 0;
        while (at < Math.min(sent.length(), got.length()) && sent.charAt(at) == got.charAt(at)) {
            at++;
        }
        assertTrue(sent.equals(got), "the body as sent, " + what + ": " + got.length() + " characters of " + sent.length()
                + ", the first difference at " + at);
    }

    /** A client still sending a refused body reads the route's own answer: the rest is read and dropped, not reset. */
    @Test
    void a_route_that_refuses_a_body_itself_gets_its_answer_to_the_client() throws Exception {
        byte[] big = "x".repeat(6 * Server.MAX_REQUEST_BYTES).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> withLength = post("/refuses", HttpRequest.BodyPublishers.ofByteArray(big));
            assertEquals(413, withLength.statusCode());
            assertEquals("{\"error\":\"too large\"}", withLength.body());
            assertEquals(413, post("/refuses", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                    .statusCode(), "and without a length");
        }
        assertTrue(big.length < Direct.DRAIN_UP_TO, "within what is read and dropped");
    }

    @Test
    void a_route_that_fails_answers_500_without_its_details() throws Exception {
        HttpResponse<String> r = post("/fails", HttpRequest.BodyPublishers.ofString("{}"));
        assertEquals(500, r.statusCode());
        assertEquals("Something went wrong on the server; the show goes on.", r.body());
        assertFalse(r.body().contains("secret"));
        assertEquals(201, post("/echo", HttpRequest.BodyPublishers.ofString("{}")).statusCode(), "and the server goes on");
    }
}
