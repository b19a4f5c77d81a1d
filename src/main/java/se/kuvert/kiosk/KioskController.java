package se.kuvert.kiosk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.kuvert.content.Show;
import se.kuvert.display.AttractLoop;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.screens.Screens;
import se.kuvert.web.Build;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

/**
 * The touch kiosk in the foyer, {@code /kiosk}: the attract loop until someone touches it, then awards, nominees
 * and revealed winners to browse with large targets, and back to the loop after the show's idle time. Its stream
 * sends the kiosk's content on every change; the page swaps it in only when the content itself changed.
 */
public final class KioskController implements AutoCloseable {
    public static final String PAGE = "/kiosk";
    public static final String EVENTS = "/events/kiosk";
    public static final String EVENT = "kiosk";
    public static final String KIND = "kiosk";

    private final Director director;
    private final Views views;
    private final Screens screens;
    private final SseHub hub;
    /** The last rendered content and what it was rendered from: most changes of the live show do not change it. */
    private Show contentShow;
    private java.util.Set<String> contentRevealed;
    private String content;

    public KioskController(Director director, Views views, Screens screens, long heartbeatMillis) {
        this.director = director;
        this.views = views;
        this.screens = screens;
        this.hub = new SseHub(EVENT, payload(director.snapshot()), heartbeatMillis);
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        screens.route(routes, EVENTS, KIND, hub);
    }

    public void changed(Snapshot snapshot) {
        hub.publishLazily(() -> payload(snapshot));
    }

    private void page(Context ctx) {
        String screen = Screens.nameOf(ctx, KIND);
        Snapshot snapshot = director.snapshot();
        ctx.header("Cache-Control", "no-store");
        ctx.html(views.render("kiosk/page.jte", new Page(payload(snapshot), screen, Build.id(), snapshot.state().version(),
                snapshot.show(),
                snapshot.show() == null ? se.kuvert.content.Theme.DEFAULT : snapshot.show().theme(),
                snapshot.show() == null ? "sv" : snapshot.show().language())));
    }

    /** {@code show}: the live show (or null), whose media the page loads up front. */
    public record Page(String payload, String screen, String build, long version, se.kuvert.content.Show show,
                       se.kuvert.content.Theme theme, String language) {
    }

    /**
     * The browsable content and the loop, stamped with a hash of themselves (so the page can tell a real change
     * from a step of the live show) and with the live version and build (for the readiness report).
     */
    private synchronized String payload(Snapshot snapshot) {
        if (content == null || contentShow != snapshot.show() || !snapshot.revealed().equals(contentRevealed)) {
            PublicSnapshot seen = PublicSnapshot.of(snapshot);
            content = views.render("kiosk/content.jte", KioskView.of(seen))
                    + "<div id=\"k-loop\" class=\"k-loop\"><div class=\"stage\">"
                    + views.render("display/loop.jte", AttractLoop.of(seen)) + "</div></div>";
            contentShow = snapshot.show();
            contentRevealed = snapshot.revealed();
        }
        int idle = (snapshot.show() == null ? se.kuvert.content.LoopSettings.DEFAULT : snapshot.show().loop()).kioskIdleSeconds();
        return "<div id=\"kiosk-payload\" data-version=\"" + snapshot.state().version() + "\" data-show=\""
                + (snapshot.show() == null ? "" : snapshot.show().id()) + "\" data-content=\""
                + Integer.toHexString(content.hashCode()) + "\" data-build=\"" + Build.id() + "\" data-idle=\"" + idle
                + "\">\n" + content + "\n</div>";
    }

    @Override
    public void close() {
        hub.close();
    }
}
