package se.kuvert.stage;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import se.kuvert.auth.Auth;
import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.Texts;
import se.kuvert.content.Theme;
import se.kuvert.display.DisplayController;
import se.kuvert.live.Director;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.presenter.PresenterView;
import se.kuvert.screens.Screens;
import se.kuvert.web.Ahead;
import se.kuvert.web.Build;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

import java.time.Instant;
import java.util.List;

/**
 * The confidence monitor for the person on stage: {@code /stage}, for a presenter session or with
 * {@code ?key=} the stage key. Its stream sends the monitor once per change, like the big screen's.
 */
public final class StageController implements AutoCloseable {
    public static final String PAGE = "/stage";
    public static final String EVENTS = "/events/stage";
    public static final String EVENT = "monitor";
    public static final String KIND = "stage";

    private final Director director;
    private final Views views;
    private final Auth auth;
    private final Screens screens;
    private final SseHub hub;
    private volatile Segment segment = Segment.NONE;
    /** The monitors of the likely next changes, rendered ahead (see {@link Ahead}). */
    private final Ahead<Monitor, SseHub.Cut> ahead;

    /** A monitor and everything its render reads. */
    private record Monitor(Snapshot snapshot, Segment segment) {
        /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Monitor m && java.util.Objects.equals(snapshot, m.snapshot)
                    && java.util.Objects.equals(segment, m.segment);
        }

        /** The key of its monitor rendered ahead: all of it but the segment's start, which that render leaves open. */
        Monitor openStart() {
            return new Monitor(snapshot, segment.openStart());
        }
    }

    public StageController(Director director, Views views, Auth auth, Screens screens, long heartbeatMillis) {
        this.director = director;
        this.views = views;
        this.auth = auth;
        this.screens = screens;
        track(director.snapshot(), director.since());
        this.hub = new SseHub(EVENT, render(director.snapshot()), heartbeatMillis);
        this.ahead = new Ahead<>(this::render);
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.before(EVENTS, ctx -> {
            if (!auth.mayWatchStage(ctx)) {
                throw new UnauthorizedResponse("log in as presenter, or open the stage monitor with ?key=");
            }
        });
        screens.route(routes, EVENTS, KIND, hub);
    }

    /** Called by the Director after every change, with the moment it was made. */
    public synchronized void changed(Snapshot snapshot, Instant at) {
        track(snapshot, at);
        Monitor monitor = new Monitor(snapshot, segment);
        hub.publishEventLazily(() -> event(monitor));
    }

    /**
     * The event of {@code monitor}: rendered ahead with the segment's start left open, and the start written in (a
     * change that starts a segment starts it at its own moment, which no render ahead knows); or rendered now.
     */
    private byte[] event(Monitor monitor) {
        SseHub.Cut open = ahead.kept(monitor.openStart());
        return open != null ? open.with(monitor.segment().startWritten())
                : hub.event(render(monitor.snapshot(), monitor.segment()));
    }

    /** The event of a {@link Monitor#openStart} key, cut where the start goes; null when it cannot be cut there. */
    private SseHub.Cut render(Monitor open) {
        return open.segment().cutAtStart(hub.event(render(open.snapshot(), open.segment())));
    }

    /** Called by the Director with its likely next changes: renders them ahead while a stage monitor listens. */
    public void renderAhead(List<Snapshot> likely) {
        if (hub.size() > 0) {
            Segment from = segment;
            ahead.prepare(likely.stream().map(s -> new Monitor(s, from.next(s, Segment.OPEN_START)).openStart()).toList());
        }
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.mayWatchStage(ctx)) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("stage/locked.jte", PAGE));
            return;
        }
        String screen = Screens.nameOf(ctx, KIND);
        boolean control = auth.controller(ctx).isPresent();
        String key = ctx.queryParam("key");
        String events = EVENTS + "?screen=" + screen + (key == null || control ? "" : "&key=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        Snapshot snapshot = director.snapshot();
        String monitor;
        synchronized (this) {
            monitor = render(snapshot);
        }
        ctx.html(views.render("stage/page.jte", new Page(monitor, events, screen, Build.id(), snapshot.state().version(), control,
                snapshot.show())));
    }

    /** {@code show}: the live show (or null), whose media the page loads up front as the big screen does. */
    public record Page(String monitorHtml, String events, String screen, String build, long version, boolean control,
                       Show show) {
        public Texts texts() {
            return Texts.of(show);
        }
    }

    private void track(Snapshot snapshot, Instant at) {
        segment = segment.next(snapshot, at);
    }

    private String render(Snapshot snapshot) {
        return render(snapshot, segment);
    }

    /** For {@link se.kuvert.live.Warmup}: the stage monitor for a snapshot, rendered and dropped (its own segment). */
    public se.kuvert.live.Warmup.Render warmup() {
        return new se.kuvert.live.Warmup.Render("stage",
                s -> SseHub.format(EVENT, render(s, Segment.NONE.next(s, Instant.EPOCH))).length);
    }

    private String render(Snapshot snapshot, Segment segment) {
        PresenterView view = PresenterView.of(snapshot, List.of());
        String now = DisplayController.stage(views, PublicSnapshot.of(snapshot));
        PublicSnapshot upcoming = snapshot.nextSlide() == null ? null : PublicSnapshot.at(snapshot, snapshot.nextPlace());
        boolean sealed = upcoming != null && StageMonitor.withheld(upcoming);
        String next = upcoming == null || sealed ? null : DisplayController.stage(views, upcoming);
        Award award = snapshot.slide() == null ? null : snapshot.slide().award();
        Integer minutes = award == null ? null : award.minutes();
        return views.render("stage/monitor.jte", new StageMonitor(view, now, next, sealed, award == null ? null : award.name(),
                minutes, minutes == null ? null : segment.since().toEpochMilli(),
                snapshot.show() == null ? Theme.DEFAULT : snapshot.show().theme()));
    }

    @Override
    public void close() {
        hub.close();
    }
}
