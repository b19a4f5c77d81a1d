package se.kuvert.presenter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Role;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Texts;
import se.kuvert.live.Director;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;
import se.kuvert.screens.HealthView;
import se.kuvert.screens.Screens;
import se.kuvert.web.Ahead;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** The phone remote: PIN login, the page, and its live panel over SSE. Commands go through the control API. */
public final class PresenterController implements AutoCloseable {
    public static final String PAGE = "/presenter";
    public static final String LOGIN = "/presenter/login";
    public static final String LOGOUT = "/presenter/logout";
    public static final String PAIR = "/presenter/pair";
    public static final String EVENTS = "/events/presenter";
    public static final String EVENT = "panel";
    public static final String HEALTH_EVENTS = "/events/health";
    public static final String HEALTH_EVENT = "health";

    private final Director director;
    private final Views views;
    private final Auth auth;
    private final ShowRepository shows;
    private final Screens screens;
    private final SseHub hub;
    private final SseHub healthHub;
    private final Predicate<Show> passedPreflight;
    private final Supplier<String> lockedBy;
    /** The panels of the likely next changes, rendered ahead (see {@link Ahead}). */
    private final Ahead<Panel, byte[]> ahead;

    /** A panel and everything its render reads. */
    private record Panel(Snapshot snapshot, java.util.List<ShowRepository.Summary> shows, String lockedBy) {
        /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Panel p && java.util.Objects.equals(snapshot, p.snapshot)
                    && java.util.Objects.equals(shows, p.shows) && java.util.Objects.equals(lockedBy, p.lockedBy);
        }
    }

    /**
     * {@code passedPreflight}: whether a show as it is now has passed the admin's preflight (the phone warns if not);
     * {@code lockedBy}: who holds the operator console's lock, or null (the phone's Next then says so and is off).
     */
    public PresenterController(Director director, Views views, Auth auth, ShowRepository shows, Screens screens,
                               Predicate<Show> passedPreflight, Supplier<String> lockedBy, long heartbeatMillis) {
        this.lockedBy = lockedBy;
        this.passedPreflight = passedPreflight;
        this.director = director;
        this.views = views;
        this.auth = auth;
        this.shows = shows;
        this.screens = screens;
        this.hub = new SseHub(EVENT, panel(director.snapshot()), heartbeatMillis);
        this.healthHub = new SseHub(HEALTH_EVENT, health(director.snapshot()), heartbeatMillis);
        this.ahead = new Ahead<>(p -> hub.event(panel(p.snapshot(), p.shows(), p.lockedBy())));
        screens.onChange(() -> healthHub.publishLazilyIfChanged(() -> health(director.snapshot())));
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.post(LOGIN, this::login);
        // Scanning only opens this page; the code is used by the tap on its button, so a link preview cannot spend it.
        routes.get(PAIR, ctx -> {
            ctx.header("Cache-Control", "no-store");
            String token = ctx.queryParam("token");
            if (auth.pairing().valid(token)) {
                ctx.html(views.render("presenter/pair.jte", new PairPage(token, null, texts())));
            } else {
                ctx.status(HttpStatus.FORBIDDEN).html(views.render("presenter/pair.jte", new PairPage(null, texts().get("ui.pairFailed"), texts())));
            }
        });
        routes.post(PAIR, ctx -> {
            Auth.Login result = auth.pair(ctx, ctx.formParam("token"));
            if (result instanceof Auth.Login.Ok) {
                ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
            } else if (result instanceof Auth.Login.Wait wait) {
                long seconds = wait.refuse(ctx);
                ctx.html(views.render("presenter/pair.jte", new PairPage(null, texts().format("ui.tooManyCodes", seconds), texts())));
            } else {
                ctx.status(HttpStatus.FORBIDDEN).html(views.render("presenter/pair.jte", new PairPage(null, texts().get("ui.pairFailed"), texts())));
            }
        });
        routes.post(LOGOUT, ctx -> {
            auth.logout(ctx);
            ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
        });
        for (String events : new String[] {EVENTS, HEALTH_EVENTS}) {
            routes.before(events, ctx -> {
                if (auth.controller(ctx).isEmpty()) {
                    throw new UnauthorizedResponse("log in as presenter first");
                }
            });
        }
        routes.sse(EVENTS, hub::connect);
        routes.sse(HEALTH_EVENTS, healthHub::connect);
    }

    /** Called by the Director after every change. */
    public synchronized void changed(Snapshot snapshot) {
        hub.publishEventLazily(() -> ahead.event(new Panel(snapshot, shows.list(), lockedBy.get())));
        healthHub.publishLazilyIfChanged(() -> health(snapshot));
    }

    /** Called by the Director with its likely next changes: renders them ahead while a phone listens. */
    public void renderAhead(java.util.List<Snapshot> likely) {
        if (hub.size() > 0) {
            java.util.List<ShowRepository.Summary> list = shows.list();
            String locked = lockedBy.get();
            ahead.prepare(likely.stream().map(s -> new Panel(s, list, locked)).toList());
        }
    }

    /** The operator console took or handed back the lock. Synchronized with {@link #changed}, so no older panel wins. */
    public synchronized void lockChanged() {
        Snapshot snapshot = director.snapshot();
        hub.publishEventLazily(() -> ahead.event(new Panel(snapshot, shows.list(), lockedBy.get())));
    }

    private String health(Snapshot snapshot) {
        return views.render("presenter/health.jte", strip(snapshot));
    }

    private Strip strip(Snapshot snapshot) {
        LiveState s = snapshot.state();
        boolean beforeTheShow = s.startedAt() == null || (s.slide() == 0 && s.step() == 0);
        boolean unchecked = snapshot.show() != null && beforeTheShow && !passedPreflight.test(snapshot.show());
        return new Strip(HealthView.of(screens.reports(), snapshot), Texts.of(snapshot.show()), unchecked);
    }

    /** A preflight was stored: the warning before the show may come or go. */
    public void preflightChanged() {
        healthHub.publishLazilyIfChanged(() -> health(director.snapshot()));
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (auth.controller(ctx).isEmpty()) {
            ctx.html(views.render("presenter/login.jte", new LoginPage(null, texts())));
            return;
        }
        Snapshot snapshot = director.snapshot();
        ctx.html(views.render("presenter/page.jte", new Page(view(snapshot), strip(snapshot), lockedBy.get())));
    }

    private void login(Context ctx) {
        Auth.Login result = auth.login(ctx, Role.PRESENTER, ctx.formParam("pin"));
        if (result instanceof Auth.Login.Ok) {
            ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
        } else if (result instanceof Auth.Login.Wait wait) {
            long seconds = wait.refuse(ctx);
            ctx.html(views.render("presenter/login.jte", new LoginPage(texts().format("ui.tooManyPins", seconds), texts())));
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("presenter/login.jte", new LoginPage(texts().get("ui.wrongPin"), texts())));
        }
    }

    private PresenterView view(Snapshot snapshot) {
        return PresenterView.of(snapshot, shows.list());
    }

    private String panel(Snapshot snapshot) {
        return panel(snapshot, shows.list(), lockedBy.get());
    }

    private String panel(Snapshot snapshot, java.util.List<ShowRepository.Summary> list, String lockedBy) {
        return views.render("presenter/panel.jte", java.util.Map.of("view", PresenterView.of(snapshot, list),
                "lockedBy", java.util.Objects.toString(lockedBy, "")));
    }

    /**
     * For {@link se.kuvert.live.Warmup}: the phone's panel for a snapshot, rendered and dropped; the show list is read
     * once, here, so the warm-up does not wait on the database a command uses.
     */
    public se.kuvert.live.Warmup.Render warmup() {
        java.util.List<ShowRepository.Summary> list = shows.list();
        return new se.kuvert.live.Warmup.Render("presenter", s -> SseHub.format(EVENT, panel(s, list, lockedBy.get())).length);
    }

    public int subscribers() {
        return hub.size();
    }

    @Override
    public void close() {
        hub.close();
        healthHub.close();
    }

    /** The words of the live show's language, for the pages before login. */
    private Texts texts() {
        return Texts.of(director.snapshot().show());
    }

    public record LoginPage(String error, Texts texts) {
    }

    /** {@code lockedBy}: who holds the operator console's lock, or null. */
    public record Page(PresenterView view, Strip health, String lockedBy) {
    }

    /** The health strip: every screen's dot and the warning before a reveal, in the live show's words. */
    public record Strip(HealthView health, Texts texts, boolean preflightMissing) {
    }

    public record PairPage(String token, String error, Texts texts) {
    }
}
