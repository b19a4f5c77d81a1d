package se.kuvert.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import io.javalin.http.util.AsyncExecutor;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The Javalin set-up every feature shares: static assets, webjars, media, error pages, the accept queue. */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** Many displays may (re)connect at once, e.g. after a Wi-Fi blip; Jetty's default queue would stall them. */
    private static final int ACCEPT_QUEUE = 2048;
    /** A little over the largest medium (200 MB), so the media store's own check says why a file is refused. */
    private static final int MAX_UPLOAD_MB = 210;
    /** The largest request body Javalin or {@link Direct} reads (a command's is some 30 bytes; an upload goes by its own limit). */
    public static final int MAX_REQUEST_BYTES = 1_000_000;
    private static final int STREAM_OPENERS = 4;
    /**
     * Jetty's request threads. Streams hold no thread (their writes are non-blocking), so a few serve thousands of
     * screens; Javalin's default pool grows to 250 under a burst and shrinks only slowly (280 threads after the
     * fan-out rounds). This many keeps the whole process under 64 threads with 10 000 subscribers.
     */
    private static final int REQUEST_THREADS = 24;

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private Server() {
    }

    /**
     * The server: {@code direct} are the {@code POST} routes answered in front of Javalin (see {@link Direct}),
     * {@code features} add Javalin's.
     */
    public static Javalin create(Path mediaDir, Map<String, Direct.Route> direct, Consumer<JavalinConfig> features) {
        // Jetty sizes its pools' padding from this; unset, it asks the JVM through JMX, which loads some 560 classes
        // (0.1-0.6 s of start-up) to learn whether references are compressed. They are below a 32 GB heap: 64-byte
        // cache lines hold 16 of them. Set before Jetty's first thread pool is made; a -D on the command line wins.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
        try {
            Files.createDirectories(mediaDir.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create media folder " + mediaDir, e);
        }
        AtomicReference<Javalin> app = new AtomicReference<>();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Javalin opens every SSE stream on its async executor, by default a pool without bound: a thousand
            // screens reconnecting at once made hundreds of threads. Opening a stream never blocks, so a few do.
            ThreadPoolExecutor opening = new ThreadPoolExecutor(STREAM_OPENERS, STREAM_OPENERS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), SseHub.daemons("stream-open"));
            opening.allowCoreThreadTimeOut(true);
            config.concurrency.executor = kotlin.LazyKt.lazyOf(new AsyncExecutor(opening));
            QueuedThreadPool requests = new QueuedThreadPool(REQUEST_THREADS, 4, 30_000);
            requests.setName("jetty");
            config.jetty.threadPool = requests;
            // Javalin wraps everything in Jetty's statistics handler, which fires events on every request and on
            // every write to every stream, for counts Kuvert never reads. In its place goes Direct, and Javalin puts
            // its servlet context inside.
            config.jetty.modifyServer(server -> server.setHandler(new Direct(direct)));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MB, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(220, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
            config.events.serverStarting(() -> {
                for (Connector connector : app.get().jettyServer().server().getConnectors()) {
                    if (connector instanceof ServerConnector server) {
                        server.setAcceptQueueSize(ACCEPT_QUEUE);
                    }
                }
            });
            Stopwatch.routes(config.routes);
            config.routes.get("/", ctx -> ctx.redirect("/display", HttpStatus.FOUND));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (e.getCause() instanceof BadMessageException bad) {
                    // Jetty refuses a multipart body over its limits before any handler sees the file.
                    boolean tooLarge = ctx.contentLength() > MAX_UPLOAD_MB * 1024L * 1024;
                    drain(ctx);
                    ctx.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
                            .result(tooLarge ? "The file is larger than " + MAX_UPLOAD_MB + " MB; nothing was stored."
                                    : "The request could not be read (" + bad.getReason() + "); nothing was stored.");
                    return;
                }
                try {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("Something went wrong on the server; the show goes on.");
                } catch (RuntimeException recycled) {
                    // The request is already over (Jetty recycled it): if this handler threw, Javalin would call it again forever.
                    LOG.error("a request that had already ended failed", e);
                }
            });
            features.accept(config);
        });
        app.set(javalin);
        return javalin;
    }

    /**
     * Reads what is left of a refused upload (up to the multipart limit), so the client gets to read the answer
     * instead of a reset connection; a larger rest is left and the connection closed.
     */
    private static void drain(io.javalin.http.Context ctx) {
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = 20L * 1024 * 1024;
            for (int n; left > 0 && (n = in.read(buffer)) > 0; ) {
                left -= n;
            }
        } catch (java.io.IOException | IllegalStateException e) {
            LOG.debug("could not read the rest of a refused upload", e);
        }
    }
}
