package se.kuvert.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.auth.Auth;
import se.kuvert.content.ShowRepository;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.sound.SoundDesk;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/** The stable control API of DESIGN.md: {@code GET /api/state}, {@code POST /api/control}, {@code GET /health}. */
public final class ControlApi {
    public static final String STATE = "/api/state";
    public static final String CONTROL = "/api/control";
    public static final String HEALTH = "/health";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Director director;
    private final Auth auth;
    private final ShowRepository shows;
    private final IntSupplier displays;
    private final SoundDesk sound;

    /**
     * {@code displays} counts the big screens connected right now, for {@code /health}; {@code sound} takes the
     * sound and mute commands.
     */
    public ControlApi(Director director, Auth auth, ShowRepository shows, IntSupplier displays, SoundDesk sound) {
        this.sound = sound;
        this.director = director;
        this.auth = auth;
        this.shows = shows;
        this.displays = displays;
    }

    public void routes(RoutesConfig routes) {
        routes.get(STATE, ctx -> ctx.json(State.of(director.snapshot())));
        routes.post(CONTROL, this::control);
        routes.get(HEALTH, this::health);
    }

    private void control(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<String> who = auth.controller(ctx);
        if (who.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "log in as presenter or send Authorization: Bearer <token>"));
            return;
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "send the command as JSON (Content-Type: application/json)"));
            return;
        }
        ControlRequest request;
        try {
            JsonNode body = readJson(ctx.body());
            Optional<ControlRequest.Sound> cue = ControlRequest.sound(body);
            if (cue.isPresent()) {
                ctx.json(cue.get() instanceof ControlRequest.Sound.Mute mute ? sound.mute(mute.on()) : sound.stop());
                return;
            }
            request = ControlRequest.parse(body);
        } catch (ControlRequest.BadCommand e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage(), director.snapshot()));
            return;
        }
        Director.Outcome outcome = director.apply(request.command(), request.ifVersion(), who.get());
        if (outcome instanceof Director.Outcome.Stale stale) {
            ctx.status(HttpStatus.CONFLICT).json(error("the show has moved on since version " + request.ifVersion(), stale.snapshot()));
        } else if (outcome instanceof Director.Outcome.Refused refused) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(refused.message(), refused.snapshot()));
        } else {
            ctx.json(State.of(outcome.snapshot()));
        }
    }

    private void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        int count = shows.list().size();
        if (count == 0) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "no shows loaded"));
        } else {
            ctx.json(Map.of("status", "ok", "shows", count, "displays", displays.getAsInt()));
        }
    }

    private static JsonNode readJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ControlRequest.BadCommand("the body must be a JSON object such as {\"action\": \"next\"}");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ControlRequest.BadCommand("the body is not valid JSON");
        }
    }

    private static State.Refusal error(String message, Snapshot snapshot) {
        return new State.Refusal(State.of(snapshot), message);
    }
}
