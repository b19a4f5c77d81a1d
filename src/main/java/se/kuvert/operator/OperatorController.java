package se.kuvert.operator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Sessions;
import se.kuvert.content.Texts;
import se.kuvert.display.DisplayController;
import se.kuvert.live.Director;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

import java.time.Instant;

/**
 * The production technician's console, {@code /operator} (a presenter or admin session): program beside preview, the
 * rundown to cue from, undo, the lock on the phone, health, the control log and the clocks. Its stream sends the
 * console once per change, the same to every console; it is not a screen (it never counts in the readiness report).
 * Commands go through the control API, as the phone's do.
 */
public final class OperatorController implements AutoCloseable {
    public static final String PAGE = "/operator";
    public static final String EVENTS = "/events/operator";
    public static final String EVENT = "console";
    static final int LOG_LINES = 20;

    private final Director director;
    private final Views views;
    private final Auth auth;
    private final ControlLock lock;
    private final SseHub hub;
    private Segment segment = Segment.NONE;

    public OperatorController(Director director, Views views, Auth auth, ControlLock lock, long heartbeatMillis) {
        this.director = director;
        this.views = views;
        this.auth = auth;
        this.lock = lock;
        this.segment = segment.next(director.snapshot(), director.since());
        this.hub = new SseHub(EVENT, render(director.snapshot()), heartbeatMillis);
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.before(EVENTS, ctx -> {
            if (auth.controller(ctx).isEmpty()) {
                throw new UnauthorizedResponse("log in as presenter or admin first");
            }
        });
        routes.sse(EVENTS, hub::connect);
    }

    /** Called by the Director after every change, with the moment it was made. */
    public synchronized void changed(Snapshot snapshot, Instant at) {
        segment = segment.next(snapshot, at);
        hub.publishLazily(() -> render(snapshot));
    }

    /** The lock was taken or handed back. Synchronized with {@link #changed}, so no older console wins. */
    public synchronized void lockChanged() {
        Snapshot snapshot = director.snapshot();
        hub.publishLazily(() -> render(snapshot));
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Texts texts = Texts.of(director.snapshot().show());
        if (auth.controller(ctx).isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("operator/login.jte", texts));
            return;
        }
        String console;
        synchronized (this) {
            console = render(director.snapshot());
        }
        String session = auth.session(ctx).map(Sessions.Session::id).orElse("");
        ctx.html(views.render("operator/page.jte", new Page(console, session, auth.isAdmin(ctx), texts)));
    }

    /**
     * {@code session}: this console's session id, to tell whether the lock is its own (empty for a tool);
     * {@code admin}: an armed reveal shows the winner slide itself, from the admin's preview (a presenter's stays sealed).
     */
    public record Page(String consoleHtml, String session, boolean admin, Texts texts) {
    }

    private String render(Snapshot snapshot) {
        OperatorView view = OperatorView.of(snapshot, p -> DisplayController.stage(views, p), director.log(LOG_LINES),
                lock, segment);
        return views.render("operator/console.jte", view);
    }

    public int subscribers() {
        return hub.size();
    }

    @Override
    public void close() {
        hub.close();
    }
}
