package se.kuvert.presenter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Role;
import se.kuvert.content.ShowRepository;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

/** The phone remote: PIN login, the page, and its live panel over SSE. Commands go through the control API. */
public final class PresenterController implements AutoCloseable {
    public static final String PAGE = "/presenter";
    public static final String LOGIN = "/presenter/login";
    public static final String LOGOUT = "/presenter/logout";
    public static final String EVENTS = "/events/presenter";
    public static final String EVENT = "panel";

    private final Director director;
    private final Views views;
    private final Auth auth;
    private final ShowRepository shows;
    private final SseHub hub;

    public PresenterController(Director director, Views views, Auth auth, ShowRepository shows, long heartbeatMillis) {
        this.director = director;
        this.views = views;
        this.auth = auth;
        this.shows = shows;
        this.hub = new SseHub(EVENT, panel(director.snapshot()), heartbeatMillis);
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.post(LOGIN, this::login);
        routes.post(LOGOUT, ctx -> {
            auth.logout(ctx);
            ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
        });
        routes.before(EVENTS, ctx -> {
            if (auth.controller(ctx).isEmpty()) {
                throw new UnauthorizedResponse("log in as presenter first");
            }
        });
        routes.sse(EVENTS, hub::connect);
    }

    /** Called by the Director after every change. */
    public void changed(Snapshot snapshot) {
        hub.publish(panel(snapshot));
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (auth.controller(ctx).isEmpty()) {
            ctx.html(views.render("presenter/login.jte", new LoginPage(null)));
            return;
        }
        ctx.html(views.render("presenter/page.jte", view(director.snapshot())));
    }

    private void login(Context ctx) {
        Auth.Login result = auth.login(ctx, Role.PRESENTER, ctx.formParam("pin"));
        if (result instanceof Auth.Login.Ok) {
            ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
        } else if (result instanceof Auth.Login.Wait wait) {
            long seconds = Math.max(1, wait.duration().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .html(views.render("presenter/login.jte", new LoginPage("Too many wrong PINs. Try again in " + seconds + " s.")));
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("presenter/login.jte", new LoginPage("Wrong PIN. Try again.")));
        }
    }

    private PresenterView view(Snapshot snapshot) {
        return PresenterView.of(snapshot, shows.list());
    }

    private String panel(Snapshot snapshot) {
        return views.render("presenter/panel.jte", view(snapshot));
    }

    public int subscribers() {
        return hub.size();
    }

    @Override
    public void close() {
        hub.close();
    }

    public record LoginPage(String error) {
    }
}
