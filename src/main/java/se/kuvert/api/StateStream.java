package se.kuvert.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.UnauthorizedResponse;
import se.kuvert.auth.Auth;
import se.kuvert.content.ShowRepository;
import se.kuvert.live.Director;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.screens.Screens;
import se.kuvert.web.Ahead;
import se.kuvert.web.SseHub;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /events/state}: the live state for tools (Companion), as JSON, first on connect and then on every change
 * of the show or of a screen's health. For a presenter session or the API token.
 */
public final class StateStream implements AutoCloseable {
    public static final String EVENTS = "/events/state";
    public static final String EVENT = "state";

    private final Auth auth;
    private final ShowRepository shows;
    private final Screens screens;
    private final SseHub hub;
    private Segment segment = Segment.NONE;
    /** The last snapshot the Director told: a screen's change is sent with it, so the stream never goes back a version. */
    private Snapshot told;
    private final Supplier<String> lockedBy;
    /** The events of the likely next changes, rendered ahead (see {@link Ahead}). */
    private final Ahead<Tools, SseHub.Cut> ahead;

    /** Everything a tools' event is made of, read when it is published; rendered later, maybe on another thread. */
    private record Tools(Snapshot snapshot, Segment segment, List<ToolState.Screen> screens,
                         List<ShowRepository.Summary> shows, String lockedBy) {
        /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Tools t && java.util.Objects.equals(snapshot, t.snapshot)
                    && java.util.Objects.equals(segment, t.segment) && java.util.Objects.equals(screens, t.screens)
                    && java.util.Objects.equals(shows, t.shows) && java.util.Objects.equals(lockedBy, t.lockedBy);
        }

        ToolState state() {
            return ToolState.of(snapshot, segment, screens, shows, lockedBy);
        }

        /** The key of its event rendered ahead: all of it but the segment's start, which that event leaves open. */
        Tools openStart() {
            return new Tools(snapshot, segment.openStart(), screens, shows, lockedBy);
        }
    }

    /** {@code lockedBy}: who holds the operator console's lock, or null. */
    public StateStream(Director director, Auth auth, ShowRepository shows, Screens screens, Supplier<String> lockedBy,
                       long heartbeatMillis) {
        this.lockedBy = lockedBy;
        this.auth = auth;
        this.shows = shows;
        this.screens = screens;
        told = director.snapshot();
        segment = segment.next(told, director.since());
        this.hub = new SseHub(EVENT, tools(told, segment).state().json(), heartbeatMillis);
        this.ahead = new Ahead<>(this::render);
        screens.onChange(this::screensChanged);
    }

    public void routes(RoutesConfig routes) {
        routes.before(EVENTS, ctx -> {
            if (auth.controller(ctx).isEmpty()) {
                throw new UnauthorizedResponse("log in as presenter or send Authorization: Bearer <token>");
            }
        });
        routes.sse(EVENTS, hub::connect);
    }

    /** Called by the Director after every change, with the moment it was made. */
    public synchronized void changed(Snapshot snapshot, Instant at) {
        told = snapshot;
        segment = segment.next(snapshot, at);
        Segment now = segment;
        hub.publishEventLazilyIfChanged(() -> event(tools(snapshot, now)));
    }

    /** Called by the Director with its likely next changes: renders them ahead while a tool listens. */
    public void renderAhead(java.util.List<Snapshot> likely) {
        if (hub.size() > 0) {
            Segment from = segment();
            ahead.prepare(likely.stream().map(s -> tools(s, from.next(s, Segment.OPEN_START)).openStart()).toList());
        }
    }

    /**
     * The event of {@code tools}: rendered ahead with the segment's start left open, and the start written in (a
     * change that starts a segment, Next onto an award's first slide, starts it at its own moment, which no render
     * ahead knows); or rendered now.
     */
    private byte[] event(Tools tools) {
        SseHub.Cut open = ahead.kept(tools.openStart());
        return open != null ? open.with(tools.segment().startWritten()) : hub.event(tools.state().json());
    }

    /** The event of an {@link Tools#openStart} key, cut where the start goes; null when it cannot be cut there. */
    private SseHub.Cut render(Tools open) {
        return open.segment().cutAtStart(hub.event(open.state().json()));
    }

    private synchronized Segment segment() {
        return segment;
    }

    private synchronized void screensChanged() {
        Snapshot snapshot = told;
        Segment now = segment;
        hub.publishEventLazilyIfChanged(() -> event(tools(snapshot, now)));
    }

    /** The operator console took or handed back the lock. */
    public void lockChanged() {
        screensChanged();
    }

    /** Made when someone listens (maybe later, on another thread): takes what it shows, reads no field. */
    private Tools tools(Snapshot snapshot, Segment segment) {
        return new Tools(snapshot, segment, ToolState.screens(screens.reports()), shows.list(), lockedBy.get());
    }

    /**
     * For {@link se.kuvert.live.Warmup}: the tools' state for a snapshot, rendered and dropped; the screens and the
     * show list are read once, here, so the warm-up does not wait on the locks a command uses.
     */
    public se.kuvert.live.Warmup.Render warmup() {
        var reports = ToolState.screens(screens.reports());
        var list = shows.list();
        return new se.kuvert.live.Warmup.Render("tools", s -> SseHub.format(EVENT,
                ToolState.of(s, Segment.NONE.next(s, Instant.EPOCH), reports, list, lockedBy.get()).json()).length);
    }

    @Override
    public void close() {
        hub.close();
    }
}
