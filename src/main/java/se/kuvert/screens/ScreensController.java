package se.kuvert.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.auth.Auth;
import se.kuvert.web.Json;

import java.io.IOException;
import java.util.List;

/**
 * The screens' side of the readiness report: heartbeats ({@code POST /screens/heartbeat}), goodbyes when a page
 * closes ({@code POST /screens/bye}), each with the token of the screen's open stream, and the list for the crew's
 * tools ({@code GET /api/screens}).
 */
public final class ScreensController {
    public static final String HEARTBEAT = "/screens/heartbeat";
    public static final String BYE = "/screens/bye";
    public static final String LIST = "/api/screens";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Screens screens;
    private final Auth auth;

    public ScreensController(Screens screens, Auth auth) {
        this.screens = screens;
        this.auth = auth;
    }

    public void routes(RoutesConfig routes) {
        routes.post(HEARTBEAT, this::heartbeat);
        routes.post(BYE, this::bye);
        routes.get(LIST, this::list);
    }

    private void heartbeat(Context ctx) {
        try {
            JsonNode body = body(ctx);
            String kind = Screens.kind(text(body, "kind"));
            String name = Screens.name(text(body, "screen"), kind);
            long version = number(body, "version", true);
            int preloaded = (int) number(body, "preloaded", false);
            int media = (int) number(body, "media", false);
            Long rtt = body.hasNonNull("rtt") ? number(body, "rtt", false) : null;
            answer(ctx, screens.heartbeat(text(body, "token"), name, kind, version, preloaded, media, rtt));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new Json.Problem(e.getMessage()));
        }
    }

    private void bye(Context ctx) {
        try {
            JsonNode body = body(ctx);
            String kind = Screens.kind(text(body, "kind"));
            answer(ctx, screens.left(text(body, "token"), Screens.name(text(body, "screen"), kind), kind));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new Json.Problem(e.getMessage()));
        }
    }

    /** 204 for a report the screen's own stream vouches for; 403, having changed nothing, for any other. */
    private static void answer(Context ctx, boolean accepted) {
        if (accepted) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            ctx.status(HttpStatus.FORBIDDEN).json(new Json.Problem("'token' must be the one this screen's open stream sent as its first '"
                    + Screens.TOKEN_EVENT + "' event"));
        }
    }

    private void list(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (auth.controller(ctx).isEmpty() && !auth.isAdmin(ctx)) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(new Json.Problem("log in as presenter or send Authorization: Bearer <token>"));
            return;
        }
        ctx.json(new Listing(screens.reports().stream().map(Screen::of).toList()));
    }

    /** The answer of {@link #LIST}: every screen the room has seen. */
    record Listing(List<Screen> screens) {
    }

    /** One screen as {@link #LIST} shows it ({@code lastSeen} as an ISO instant). */
    record Screen(String screen, String kind, String health, boolean connected, String lastSeen, Long roundTripMillis,
                  long version, int preloaded, int media, String problem) {
        static Screen of(Screens.Report r) {
            return new Screen(r.name(), r.kind(), r.healthName(), r.connected(),
                    r.lastSeen() == null ? null : r.lastSeen().toString(), r.roundTripMillis(), r.version(), r.preloaded(),
                    r.media(), r.problem());
        }
    }

    /** Heartbeats come as JSON, or as text from {@code navigator.sendBeacon}; either way a JSON object. */
    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be text");
        }
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long number(JsonNode body, String field, boolean allowMinusOne) {
        JsonNode v = body.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() < (allowMinusOne ? -1 : 0) || v.asLong() > 1_000_000_000L) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return v.asLong();
    }
}
