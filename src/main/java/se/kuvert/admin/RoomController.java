package se.kuvert.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Pairing;
import se.kuvert.auth.Role;
import se.kuvert.auth.Sessions;
import se.kuvert.live.Command;
import se.kuvert.live.Director;
import se.kuvert.presenter.PresenterController;
import se.kuvert.screens.Screens;
import se.kuvert.web.LocalAddress;
import se.kuvert.web.Qr;
import se.kuvert.web.Views;

import java.util.List;

/**
 * The admin's view of the room ({@code /admin/room}): every screen's readiness, loop or live on the big screen,
 * a QR code that pairs a phone as presenter, and the presenter phones with a way to shut one out. The admin's
 * login and CSRF guard ({@link AdminController}) cover every route here.
 */
public final class RoomController {
    public static final String PAGE = "/admin/room";

    private final Auth auth;
    private final Director director;
    private final Screens screens;
    private final Views views;

    public RoomController(Auth auth, Director director, Screens screens, Views views) {
        this.auth = auth;
        this.director = director;
        this.screens = screens;
        this.views = views;
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, ctx -> ctx.html(views.render("admin/room.jte", page(ctx, null, ctx.queryParam("done")))));
        routes.get(PAGE + "/screens", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.html(views.render("admin/screens.jte", new ScreensTable(screens.reports(), AdminController.csrf(ctx))));
        });
        routes.post(PAGE + "/loop", ctx -> {
            boolean on = "true".equals(ctx.formParam("on"));
            Director.Outcome outcome = director.apply(new Command.Loop(on), null, "admin");
            if (outcome instanceof Director.Outcome.Refused refused) {
                throw new AdminController.Problem("The big screen cannot switch: " + refused.message() + ".");
            }
            done(ctx, on ? "The big screen runs the attract loop." : "The big screen shows the live slide.");
        });
        routes.post(PAGE + "/pair", ctx -> {
            Pairing.Code code = auth.pairing().issue();
            String link = base(ctx) + PresenterController.PAIR + "?token=" + code.token();
            ctx.header("Cache-Control", "no-store");
            ctx.html(views.render("admin/room.jte", page(ctx, new PairingCode(link, Qr.svg(link), code.expires().toEpochMilli()), null)));
        });
        routes.post(PAGE + "/sessions/{id}/revoke", ctx -> {
            boolean revoked = auth.sessions().revoke(ctx.pathParam("id"));
            if (!revoked) {
                throw new AdminController.Problem("That phone is not logged in (any more).");
            }
            done(ctx, "That phone is logged out and can no longer control the show.");
        });
        routes.post(PAGE + "/screens/{name}/forget", ctx -> {
            screens.forget(ctx.pathParam("name"));
            done(ctx, "Forgot the screen “" + ctx.pathParam("name") + "”; it reappears if it connects again.");
        });
    }

    private static void done(Context ctx, String message) {
        ctx.redirect(AdminController.withDone(PAGE, message), HttpStatus.SEE_OTHER);
    }

    /** The address a phone can reach: the admin's own when it is not this machine's loopback, else the LAN address. */
    private static String base(Context ctx) {
        String host = ctx.host() == null ? "localhost" : ctx.host();
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        if (name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]")) {
            return "http://" + LocalAddress.guess() + ":" + ctx.port();
        }
        return "http://" + host;
    }

    private Page page(Context ctx, PairingCode code, String done) {
        ctx.header("Cache-Control", "no-store");
        List<Sessions.Session> phones = auth.sessions().active().stream().filter(s -> s.role() == Role.PRESENTER).toList();
        var state = director.snapshot().state();
        return new Page(AdminController.csrf(ctx), new ScreensTable(screens.reports(), AdminController.csrf(ctx)), phones,
                code, state.showId() != null, state.loop(), done);
    }

    public record Page(String csrf, ScreensTable screens, List<Sessions.Session> phones, PairingCode pairing,
                       boolean showLoaded, boolean loop, String done) {
    }

    public record ScreensTable(List<Screens.Report> reports, String csrf) {
    }

    public record PairingCode(String link, String svg, long expiresMillis) {
    }
}
