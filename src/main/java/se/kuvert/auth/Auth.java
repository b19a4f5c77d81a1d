package se.kuvert.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.util.Optional;

/**
 * Who is asking: a presenter by PIN session cookie, a tool by {@code Authorization: Bearer <token>}, an admin by
 * password session. Cookies are HttpOnly and SameSite=Strict; state-changing JSON calls also need a JSON body,
 * which a cross-site form cannot send.
 */
public final class Auth {
    public static final String COOKIE = "kuvert_session";
    /** The control log's name for a request with the API token. */
    public static final String API_TOKEN = "api-token";
    private static final int COOKIE_SECONDS = (int) Duration.ofDays(7).toSeconds();

    private final Credentials credentials;
    private final Sessions sessions;
    private final LoginGuard guard;
    private final Pairing pairing;

    public Auth(Credentials credentials, Sessions sessions, LoginGuard guard, Pairing pairing) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.guard = guard;
        this.pairing = pairing;
    }

    public Pairing pairing() {
        return pairing;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** A name for the control log when the request may control the show; empty otherwise. */
    public Optional<String> controller(Context ctx) {
        return controller(ctx.header("Authorization"), ctx.cookie(COOKIE));
    }

    /** As {@link #controller(Context)}, from the request's {@code Authorization} header and session cookie (either may be null). */
    public Optional<String> controller(String authorization, String sessionCookie) {
        Optional<String> who = controllerOf(authorization, sessionCookie);
        if (se.kuvert.web.Stopwatch.ON) {
            se.kuvert.web.Stopwatch.mark("authenticated");
        }
        return who;
    }

    private Optional<String> controllerOf(String header, String sessionCookie) {
        if (header != null && header.startsWith("Bearer ")) {
            return Credentials.same(header.substring(7).trim(), credentials.apiToken()) ? Optional.of(API_TOKEN) : Optional.empty();
        }
        return sessions.find(sessionCookie).map(s -> s.role().name().toLowerCase() + ":" + s.id().substring(0, 8));
    }

    public Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** True when the request may watch the stage monitor: a presenter (or tool), an admin, or {@code ?key=} the stage key. */
    public boolean mayWatchStage(Context ctx) {
        return controller(ctx).isPresent() || isAdmin(ctx) || Credentials.same(ctx.queryParam("key"), credentials.stageKey());
    }

    public boolean isAdmin(Context ctx) {
        return session(ctx).filter(s -> s.role() == Role.ADMIN).isPresent();
    }

    /** The outcome of a login attempt. */
    public sealed interface Login {
        record Ok() implements Login {
        }

        record Wrong() implements Login {
        }

        /** Too many wrong tries from this address or from everywhere; the attempt was not even checked. */
        record Wait(Duration duration) implements Login {
            /** Answers 429 with a Retry-After header; returns the whole seconds to wait (at least one) for the page. */
            public long refuse(Context ctx) {
                long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
                ctx.header("Retry-After", String.valueOf(seconds));
                ctx.status(HttpStatus.TOO_MANY_REQUESTS);
                return seconds;
            }
        }
    }

    /** Checks {@code secret} against the PIN (presenter) or password (admin) and sets the session cookie on success. */
    public Login login(Context ctx, Role role, String secret) {
        String address = ctx.ip();
        Duration wait = guard.waitFor(role, address);
        if (!wait.isZero()) {
            return new Login.Wait(wait);
        }
        String expected = role == Role.ADMIN ? credentials.adminPassword() : credentials.presenterPin();
        if (!Credentials.same(secret == null ? "" : secret.trim(), expected)) {
            guard.failed(role, address);
            return new Login.Wrong();
        }
        guard.succeeded(role, address);
        startSession(ctx, role, userAgentLabel(ctx));
        return new Login.Ok();
    }

    /**
     * Logs a phone in as presenter with a pairing code instead of the PIN; wrong codes count as wrong PINs. A code
     * the admin issued works even while PIN guessing has throttled the presenter's door: it is the way back in for
     * the real presenter during an attack, and its 128 random bits are not worth guessing.
     */
    public Login pair(Context ctx, String code) {
        String address = ctx.ip();
        if (!pairing.redeem(code)) {
            Duration wait = guard.waitFor(Role.PRESENTER, address);
            if (!wait.isZero()) {
                return new Login.Wait(wait);
            }
            guard.failed(Role.PRESENTER, address);
            return new Login.Wrong();
        }
        startSession(ctx, Role.PRESENTER, userAgentLabel(ctx) + ", paired by QR code");
        return new Login.Ok();
    }

    private void startSession(Context ctx, Role role, String label) {
        String token = sessions.create(role, label);
        Cookie cookie = new Cookie(COOKIE, token, "/", COOKIE_SECONDS, false, true, null, SameSite.STRICT);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        ctx.cookie(cookie);
    }

    public void logout(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            sessions.revokeToken(token);
        }
        ctx.removeCookie(COOKIE, "/");
    }

    private static String userAgentLabel(Context ctx) {
        String ua = ctx.header("User-Agent");
        String device = ua == null ? "unknown device" : ua.contains("iPhone") ? "iPhone" : ua.contains("Android") ? "Android"
                : ua.contains("Mac OS") ? "Mac" : ua.contains("Windows") ? "Windows" : ua.contains("Linux") ? "Linux" : "browser";
        return device + " from " + ctx.ip();
    }
}
