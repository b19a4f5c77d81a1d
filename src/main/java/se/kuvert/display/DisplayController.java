package se.kuvert.display;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

/** The big screen: the page, and the SSE stream that pushes the rendered stage once per change to every display. */
public final class DisplayController implements AutoCloseable {
    public static final String PAGE = "/display";
    public static final String EVENTS = "/events/display";
    public static final String EVENT = "stage";

    private final Director director;
    private final Views views;
    private final SseHub hub;

    public DisplayController(Director director, Views views, long heartbeatMillis) {
        this.director = director;
        this.views = views;
        this.hub = new SseHub(EVENT, stage(director.snapshot()), heartbeatMillis);
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.sse(EVENTS, hub::connect);
    }

    /** Called by the Director after every change: rendered once, sent to every display. */
    public void changed(Snapshot snapshot) {
        hub.publish(stage(snapshot));
    }

    private void page(Context ctx) {
        Snapshot snapshot = director.snapshot();
        ctx.header("Cache-Control", "no-store");
        ctx.html(views.render("display/page.jte", new DisplayPage(StageViews.of(snapshot), Preload.of(snapshot.show()))));
    }

    private String stage(Snapshot snapshot) {
        return views.render("display/stage.jte", StageViews.of(snapshot));
    }

    public int subscribers() {
        return hub.size();
    }

    @Override
    public void close() {
        hub.close();
    }
}
