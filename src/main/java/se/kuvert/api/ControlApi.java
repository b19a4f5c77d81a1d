package se.kuvert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.web.Direct;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Sessions;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Texts;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.sound.SoundDesk;
import se.kuvert.operator.ControlLock;
import se.kuvert.web.Json;

import java.util.Optional;
import java.util.function.IntSupplier;

/** The stable control API of DESIGN.md: {@code GET /api/state}, {@code POST /api/control}, {@code GET /health}. */
public final class ControlApi {
    public static final String STATE = "/api/state";
    public static final String CONTROL = "/api/control";
    public static final String HEALTH = "/health";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Director director;
    private final Auth auth;
    private final ShowRepository shows;
    private final IntSupplier displays;
    private final SoundDesk sound;
    private final ControlLock lock;

    /**
     * {@code displays} counts the big screens connected right now, for {@code /health}; {@code sound} takes the
     * sound and mute commands; {@code lock} is the operator console's lock on everyone else's commands.
     */
    public ControlApi(Director director, Auth auth, ShowRepository shows, IntSupplier displays, SoundDesk sound, ControlLock lock) {
        this.sound = sound;
        this.lock = lock;
        this.director = director;
        this.auth = auth;
        this.shows = shows;
        this.displays = displays;
    }

    /** The state and health; the commands ({@link #command}) are answered in front of Javalin, see {@link Direct}. */
    public void routes(RoutesConfig routes) {
        routes.get(STATE, ctx -> ctx.json(locked(director.snapshot())));
        routes.get(HEALTH, this::health);
    }

    /** {@code POST /api/control}: one command, from a session or the API token. */
    public Direct.Answer command(Direct.Call call) {
        String cookie = call.cookie(Auth.COOKIE);
        Optional<String> who = auth.controller(call.header("Authorization"), cookie);
        if (who.isEmpty()) {
            return answer(401, new Json.Problem("log in as presenter or send Authorization: Bearer <token>"));
        }
        String contentType = call.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return answer(400, new Json.Problem("send the command as JSON (Content-Type: application/json)"));
        }
        ControlRequest request;
        Optional<ControlRequest.Sound> cue;
        try {
            JsonNode body = readJson(call.body());
            cue = ControlRequest.sound(body);
            request = cue.isPresent() ? null : ControlRequest.parse(body);
        } catch (ControlRequest.BadCommand e) {
            return answer(400, error(e.getMessage(), director.snapshot()));
        } catch (Direct.TooLarge e) {
            return answer(413, error(e.getMessage(), director.snapshot()));
        }
        // The API token is a tool, whatever session cookie came along; anyone else is their session.
        Sessions.Session session = who.get().equals(Auth.API_TOKEN) ? null : auth.sessions().find(cookie).orElse(null);
        Texts texts = Texts.of(director.snapshot().show());
        if (request != null && request.command() == null) {
            return lock(session, who.get(), request.lock(), texts);
        }
        Optional<String> locked = lock.refusal(session, texts);
        if (locked.isPresent()) {
            director.note(who.get(), request != null ? request.command().action()
                    : cue.get() instanceof ControlRequest.Sound.Mute ? "mute" : "sound", "refused");
            return answer(423, error(locked.get(), director.snapshot()));
        }
        if (cue.isPresent()) {
            return answer(200, cue.get() instanceof ControlRequest.Sound.Mute mute ? sound.mute(mute.on()) : sound.stop());
        }
        Director.Outcome outcome = director.apply(request.command(), request.ifVersion(), lock.actor(session, who.get(), texts));
        if (outcome instanceof Director.Outcome.Stale stale) {
            return answer(409, error("the show has moved on since version " + request.ifVersion(), stale.snapshot()));
        } else if (outcome instanceof Director.Outcome.Refused refused) {
            return answer(400, error(refused.message(), refused.snapshot()));
        }
        return answer(200, State.of(outcome.snapshot()));
    }

    /**
     * For {@link se.kuvert.live.Warmup}: a command's own work in this class for a snapshot, without applying it: its
     * body read and parsed, where Next would go, and the answer written as JSON (dropped).
     */
    public se.kuvert.live.Warmup.Render warmup() {
        return new se.kuvert.live.Warmup.Render("control", s -> {
            JsonNode body = readJson(("{\"action\":\"next\",\"ifVersion\":" + s.state().version() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (ControlRequest.sound(body).isEmpty()) {
                ControlRequest.parse(body);
            }
            s.nextPlace();
            try {
                return JSON.writeValueAsString(State.of(s)).length();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the state cannot be written as JSON", e);
            }
        });
    }

    /** {@code lock}: takes or hands back the console's lock; answers the state with {@code lockedBy}. */
    private Direct.Answer lock(Sessions.Session session, String who, ControlRequest.Lock request, Texts texts) {
        String holding = lock.actor(session, who, texts);
        ControlLock.Outcome outcome = lock.request(session, request.on(), request.name(), texts);
        if (outcome instanceof ControlLock.Outcome.Done done) {
            // Logged as the console that took control, or the one that handed it back.
            director.note(done.holder().isPresent() ? lock.actor(session, who, texts) : holding,
                    done.holder().isPresent() ? "lock on" : "lock off", "done");   // not "applied": no move (timing reads those)
        } else {
            director.note(who, request.on() == null ? "lock" : request.on() ? "lock on" : "lock off", "refused");
        }
        if (outcome instanceof ControlLock.Outcome.Refused refused) {
            // A tool cannot hold the lock (400); a session is refused because another console has control (423).
            return answer(session == null ? 400 : 423, error(refused.message(), director.snapshot()));
        }
        return answer(200, locked(director.snapshot()));
    }

    private static Direct.Answer answer(int status, Object json) {
        try {
            return new Direct.Answer(status, JSON.writeValueAsBytes(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written as JSON", e);
        }
    }

    private Locked locked(Snapshot snapshot) {
        return new Locked(State.of(snapshot), lock.label(Texts.of(snapshot.show())));
    }

    /** The state with who holds the operator console's lock ({@code lockedBy}, null when nobody does). */
    record Locked(@com.fasterxml.jackson.annotation.JsonUnwrapped State state, String lockedBy) {
    }

    /** {@code GET /health}: "ok" with the shows and the big screens connected, or only why not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, Integer shows, Integer displays) {
    }

    private void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        int count = shows.list().size();
        if (count == 0) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new Health("no shows loaded", null, null));
        } else {
            ctx.json(new Health("ok", count, displays.getAsInt()));
        }
    }

    private static JsonNode readJson(byte[] body) {
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
