package se.kuvert.web;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code POST}s Kuvert answers from Jetty's own request, in front of the servlet stack and Javalin: the control
 * API's commands. Everything else goes on to Javalin. On a processor coming back from idle,
 * the servlet context, its filters and Javalin's pipeline took 0.13 ms of a command's way to its first stream
 * (BENCHMARKS.md, "The sixth round"); a command needs none of them: it is a header, maybe a cookie, a few bytes of
 * JSON and a JSON answer.
 */
public final class Direct extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(Direct.class);
    private static final byte[] FAILED = "Something went wrong on the server; the show goes on.".getBytes(StandardCharsets.UTF_8);

    /** What a route is given of its request. */
    public interface Call {
        /** The header {@code name}, or null. */
        String header(String name);

        /** The value of the cookie {@code name}, or null. */
        String cookie(String name);

        /**
         * The body, read now; {@link TooLarge} past {@link Server#MAX_REQUEST_BYTES}, however it is sent, and then
         * the rest of it is read and thrown away (up to {@link #DRAIN_UP_TO}), so that the client, still sending, gets
         * to read the answer instead of a reset connection.
         */
        byte[] body();
    }

    /** A route's answer: its status and its JSON (a refused body and a failed route answer plain text instead). */
    public record Answer(int status, byte[] json) {
    }

    public interface Route {
        Answer handle(Call call);
    }

    /** The body is larger than a request may be: nothing of it was used. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("The request is larger than " + Server.MAX_REQUEST_BYTES + " bytes; nothing was stored.");
        }
    }

    /** How much of a refused body is read and thrown away so that its client reads the answer. */
    static final long DRAIN_UP_TO = 8L * Server.MAX_REQUEST_BYTES;
    private final Map<String, Route> posts;

    /** {@code posts}: the route of each path taken here, for {@code POST} only. */
    public Direct(Map<String, Route> posts) {
        this.posts = Map.copyOf(posts);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Route route = "POST".equals(request.getMethod()) ? posts.get(path(request)) : null;
        if (route == null) {
            return super.handle(request, response, callback);
        }
        if (Stopwatch.ON) {
            Stopwatch.begin(request.getBeginNanoTime());
            Stopwatch.mark("handlers reached");
        }
        byte[] body;
        String type;
        try {
            Answer answer = route.handle(new JettyCall(request));
            response.setStatus(answer.status());
            body = answer.json();
            type = "application/json";
        } catch (TooLarge e) {
            response.setStatus(413);
            body = e.getMessage().getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
        } catch (RuntimeException e) {
            LOG.error("POST {} failed", request.getHttpURI().getPath(), e);
            response.setStatus(500);
            body = FAILED;
            type = "text/plain";
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (Stopwatch.ON) {
            Stopwatch.mark("answer ready");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Reads what is left of a refused body, up to {@link #DRAIN_UP_TO}; a larger rest is left, and Jetty closes the connection. */
    private static void drain(Request request) {
        try {
            Content.Source.asInputStream(request).skipNBytes(DRAIN_UP_TO);
        } catch (java.io.EOFException allRead) {
            // the whole body is read
        } catch (IOException e) {
            LOG.debug("could not read the rest of a refused request", e);
        }
    }

    /** The decoded path, without a trailing slash (Javalin takes {@code /api/control/} for {@code /api/control}). */
    private static String path(Request request) {
        String path = Request.getPathInContext(request);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private record JettyCall(Request request) implements Call {
        @Override
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        @Override
        public String cookie(String name) {
            for (HttpCookie cookie : Request.getCookies(request)) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
            return null;
        }

        /** The refusal of a body too large, after reading what is left of it. */
        private TooLarge refused() {
            drain(request);
            return new TooLarge();
        }

        /**
         * A command's few bytes nearly always come with its headers, in one chunk that holds the whole length: taken
         * as they are, which saves a command some 17 µs of reading through a stream (BENCHMARKS.md, "The body taken
         * from its chunk"). A body in several chunks is read on as a stream, after the first.
         */
        @Override
        public byte[] body() {
            long length = request.getLength();
            if (length > Server.MAX_REQUEST_BYTES) {
                throw refused();
            }
            try {
                Content.Chunk first = request.read();
                if (Content.Chunk.isFailure(first)) {
                    throw new IOException(first.getFailure());
                }
                byte[] head = new byte[0];
                boolean whole = false;
                if (first != null) {
                    ByteBuffer in = first.getByteBuffer();
                    head = new byte[in.remaining()];
                    in.get(head);
                    whole = first.isLast() || head.length == length;
                    first.release();
                }
                byte[] bytes = whole ? head : rest(head);
                if (bytes.length > Server.MAX_REQUEST_BYTES) {
                    throw refused();
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("the request's body could not be read", e);
            }
        }

        /** {@code head} and the rest of the body, read as a stream, up to one byte past the limit. */
        private byte[] rest(byte[] head) throws IOException {
            // Not closed: closing fails what is left of the request, and a refused one should still get its answer.
            InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
                    Content.Source.asInputStream(request));
            return in.readNBytes(Server.MAX_REQUEST_BYTES + 1);
        }
    }
}
