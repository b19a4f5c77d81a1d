package se.kuvert.display;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.screens.Screens;
import se.kuvert.sound.AudioOutput;
import se.kuvert.sound.SoundDesk;
import se.kuvert.web.Ahead;
import se.kuvert.web.Build;
import se.kuvert.web.SseHub;
import se.kuvert.web.Views;

/**
 * The big screen: the page, and the SSE stream that pushes the rendered stage once per change to every display.
 * In loop mode the stage is the attract loop instead of the live slide.
 */
public final class DisplayController implements AutoCloseable {
    public static final String PAGE = "/display";
    public static final String PRELOAD = "/display/preload";
    public static final String EVENTS = "/events/display";
    public static final String EVENT = "stage";
    public static final String KIND = "display";
    /** The audio output's mute, for tools and consoles: {@code {"muted": bool}}. */
    public static final String SOUND = "/display/sound";
    /** The SSE event that tells the audio output to stop or (un)mute. */
    public static final String SOUND_EVENT = "sound";

    private final Director director;
    private final Views views;
    private final Screens screens;
    private final SseHub hub;
    private final SoundDesk sound;
    private final AudioOutput audio;
    /** The events of the likely next changes, rendered ahead: the room's first byte waits for no render. */
    private final Ahead<Snapshot, byte[]> ahead;

    public DisplayController(Director director, Views views, Screens screens, long heartbeatMillis, SoundDesk sound,
                             AudioOutput audio) {
        this.sound = sound;
        this.audio = audio;
        this.director = director;
        this.views = views;
        this.screens = screens;
        this.hub = new SseHub(EVENT, payload(director.snapshot()), heartbeatMillis);
        this.ahead = new Ahead<>(snapshot -> hub.event(payload(snapshot)));
    }

    public void routes(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.get(PRELOAD, ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.json(Preload.of(director.snapshot().show()));
        });
        routes.get(SOUND, ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.json(new SoundDesk.Status(sound.muted()));
        });
        // A stream that opens while the output is muted, a reconnected one too, hears so before the stage (the page
        // takes a stage without it as "not muted"), so streams of an unmuted show carry nothing more than before.
        screens.route(routes, EVENTS, KIND, hub,
                () -> sound.muted() ? SseHub.format(SOUND_EVENT, json(new SoundDesk.Cue(false, true))) : new byte[0]);
    }

    /** Called by the sound desk on every stop and mute: the audio output acts on it, the other screens ignore it. */
    public void cue(SoundDesk.Cue cue) {
        hub.send(SOUND_EVENT, json(cue));
    }

    private static String json(SoundDesk.Cue cue) {
        return "{\"stop\":" + cue.stop() + ",\"muted\":" + cue.muted() + "}";
    }

    /** Called by the Director after every change: rendered once (or ahead), sent to every display. */
    public void changed(Snapshot snapshot) {
        hub.publishEventLazily(() -> ahead.event(snapshot));
    }

    /** Called by the Director with its likely next changes: renders them ahead while a display listens. */
    public void renderAhead(java.util.List<Snapshot> likely) {
        if (hub.size() > 0) {
            ahead.prepare(likely);
        }
    }

    private void page(Context ctx) {
        String screen = Screens.nameOf(ctx, KIND);
        PublicSnapshot snapshot = PublicSnapshot.of(director.snapshot());
        ctx.header("Cache-Control", "no-store");
        ctx.html(views.render("display/page.jte", new DisplayPage(StageViews.of(snapshot), stage(views, snapshot),
                screen, Build.id(), audio.test(screen), sound.muted())));
    }

    /** For {@link se.kuvert.live.Warmup}: what a change to a snapshot sends every display, rendered and dropped. */
    public se.kuvert.live.Warmup.Render warmup() {
        return new se.kuvert.live.Warmup.Render("display", s -> SseHub.format(EVENT, payload(s)).length);
    }

    /** What the stream sends: the build stamp (so an upgraded server makes the page reload) and the stage. */
    private String payload(Snapshot snapshot) {
        return "<div id=\"build\" hidden data-build=\"" + Build.id() + "\"></div>\n"
                + stage(views, PublicSnapshot.of(snapshot));
    }

    /** The stage markup for what the room may see: the live slide, or the attract loop in loop mode. */
    public static String stage(Views views, PublicSnapshot snapshot) {
        if (snapshot.state().loop() && snapshot.show() != null) {
            return views.render("display/loop.jte", AttractLoop.of(snapshot));
        }
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
