package se.kuvert;

import io.javalin.Javalin;
import se.kuvert.admin.AdminController;
import se.kuvert.admin.PreflightController;
import se.kuvert.admin.Preflights;
import se.kuvert.admin.RoomController;
import se.kuvert.admin.ShowCommands;
import se.kuvert.api.ControlApi;
import se.kuvert.api.StateStream;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Credentials;
import se.kuvert.auth.LoginGuard;
import se.kuvert.auth.Pairing;
import se.kuvert.auth.Sessions;
import se.kuvert.config.Settings;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Texts;
import se.kuvert.db.Database;
import se.kuvert.display.DisplayController;
import se.kuvert.display.Preload;
import se.kuvert.live.Command;
import se.kuvert.live.Director;
import se.kuvert.live.Snapshot;
import se.kuvert.live.Warmup;
import se.kuvert.media.MediaController;
import se.kuvert.media.MediaStore;
import se.kuvert.kiosk.KioskController;
import se.kuvert.operator.ControlLock;
import se.kuvert.operator.OperatorController;
import se.kuvert.presenter.PresenterController;
import se.kuvert.stage.StageController;
import se.kuvert.timing.Timing;
import se.kuvert.timing.TimingController;
import se.kuvert.screens.Screens;
import se.kuvert.screens.ScreensController;
import se.kuvert.sound.AudioOutput;
import se.kuvert.sound.SoundDesk;
import se.kuvert.web.LocalAddress;
import se.kuvert.web.Qr;
import se.kuvert.web.Server;
import se.kuvert.web.Stopwatch;
import se.kuvert.web.Views;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The composition root: reads the settings, builds everything with plain constructors, starts the server. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /**
     * The weak secrets already warned of in this process: one start is one process, but the tests start hundreds of
     * servers with the same test secrets, and three lines each buried what a failing CI run printed before it.
     */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    static final long HEARTBEAT_MILLIS = 5_000;
    /** Renders of each kind the warm-up makes after start, and the most time it takes (see {@link Warmup}). */
    static final int WARMUP_RENDERS = 200;
    static final java.time.Duration WARMUP_BUDGET = java.time.Duration.ofSeconds(5);

    private final Javalin javalin;
    private final Director director;
    private final Credentials credentials;
    private final ShowRepository shows;
    private final List<AutoCloseable> streams;
    private final Screens screens;
    private final ScheduledExecutorService sweeper;
    private final Database db;
    private final Warmup warmup;
    private final Timing timing;

    private App(Javalin javalin, Director director, Credentials credentials, ShowRepository shows,
                List<AutoCloseable> streams, Screens screens, ScheduledExecutorService sweeper, Database db, Warmup warmup,
                Timing timing) {
        this.db = db;
        this.timing = timing;
        this.warmup = warmup;
        this.screens = screens;
        this.sweeper = sweeper;
        this.javalin = javalin;
        this.director = director;
        this.credentials = credentials;
        this.shows = shows;
        this.streams = streams;
    }

    public static void main(String[] args) {
        Settings settings = Settings.load(Path.of("config", "kuvert.yaml"), System.getenv());
        if (args.length > 0) {
            System.exit(ShowCommands.run(settings, args, System.out, System.err));
        }
        App app = create(settings);
        if (Boolean.getBoolean("kuvert.exitAfterStart")) {
            // The build's one start (pom.xml, class-data-archive): up, the warm-up and a night's first requests, then
            // down, so the JVM records the classes they loaded.
            app.warmup().run();
            for (String problem : ArchiveRun.firstRequests(app.port(), app.credentials.apiToken())) {
                LOG.warn("The class data archive's run: {}", problem);
            }
            app.close();
            System.exit(0);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kuvert-shutdown"));
        app.printWelcome();
        app.warmup().start();
    }

    /** Builds and starts Kuvert; port 0 in the settings picks a free port (see {@link #port()}). */
    public static App create(Settings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** As {@link #create(Settings)}, with every time (the show's, the timing report's, the screens') from {@code clock}. */
    public static App create(Settings settings, Clock clock) {
        Database db = new Database(settings.dataDir());
        ShowRepository shows = new ShowRepository(db);
        for (String error : shows.importOnFirstStart(settings.slidesDir())) {
            LOG.warn("Show file refused: {}", error);
        }
        Director director = new Director(db, shows, clock);
        if (director.snapshot().show() == null && settings.startShow() != null) {
            director.apply(new Command.Load(settings.startShow()), null, "start-up");
        }
        Credentials credentials = Credentials.resolve(settings);
        for (String weakness : credentials.weaknesses()) {
            if (WARNED.add(weakness)) {
                LOG.warn("Weak secret (config/kuvert.yaml or its KUVERT_ environment variable): {}", weakness);
            }
        }
        Auth auth = new Auth(credentials, new Sessions(db), new LoginGuard(clock), new Pairing(clock));
        Views views = new Views();
        AudioOutput audio = new AudioOutput(settings.audio());
        Screens screens = new Screens(clock, audio);
        expect(screens, director.snapshot());
        SoundDesk sound = new SoundDesk();
        DisplayController display = new DisplayController(director, views, screens, HEARTBEAT_MILLIS, sound, audio);
        sound.onCue(display::cue);
        Preflights preflights = new Preflights(db);
        ControlLock lock = new ControlLock(auth.sessions()::isActive);
        Supplier<String> lockedBy = () -> lock.label(Texts.of(director.snapshot().show()));
        PresenterController presenter = new PresenterController(director, views, auth, shows, screens, preflights::passed,
                lockedBy, HEARTBEAT_MILLIS);
        OperatorController operator = new OperatorController(director, views, auth, lock, HEARTBEAT_MILLIS);
        lock.onChange(presenter::lockChanged);
        lock.onChange(operator::lockChanged);
        StageController stage = new StageController(director, views, auth, screens, HEARTBEAT_MILLIS);
        KioskController kiosk = new KioskController(director, views, screens, HEARTBEAT_MILLIS);
        ControlApi api = new ControlApi(director, auth, shows, display::subscribers, sound, lock);
        StateStream tools = new StateStream(director, auth, shows, screens, lockedBy, HEARTBEAT_MILLIS);
        lock.onChange(tools::lockChanged);
        AdminController admin = new AdminController(auth, shows, director, new MediaStore(settings.mediaDir()), views,
                settings.mediaDir(), settings.slidesDir(), preflights);
        PreflightController preflight = new PreflightController(shows, preflights, views, clock, presenter::preflightChanged,
                director::rehearsing);
        director.onChange(Stopwatch.told("display", display::changed));
        director.onChange(Stopwatch.told("presenter", presenter::changed));
        director.onChange(Stopwatch.told("stage", stage::changed));
        director.onChange(Stopwatch.told("kiosk", kiosk::changed));
        director.onChange(Stopwatch.told("tools", tools::changed));
        // After the streams: a new version turns no screen's health at once (a screen is behind only after a while),
        // so the streams need not wait for the screens to be measured against it; a new show's media may, and its
        // health follows in a moment.
        director.onChange(Stopwatch.told("screens", s -> expect(screens, s)));
        Timing timing = new Timing(db, director, clock);
        director.onStored(Stopwatch.told("timing", timing::changed));
        director.onStored(Stopwatch.told("operator", operator::changed));
        director.onLikely(display::renderAhead);
        director.onLikely(presenter::renderAhead);
        director.onLikely(stage::renderAhead);
        director.onLikelySoon(tools::renderAhead);
        Javalin javalin = Server.create(settings.mediaDir(), Map.of(ControlApi.CONTROL, api::command), config -> {
            display.routes(config.routes);
            presenter.routes(config.routes);
            stage.routes(config.routes);
            kiosk.routes(config.routes);
            operator.routes(config.routes);
            api.routes(config.routes);
            tools.routes(config.routes);
            new ScreensController(screens, auth).routes(config.routes);
            new RoomController(auth, director, screens, views).routes(config.routes);
            admin.routes(config.routes);
            preflight.routes(config.routes);
            new TimingController(timing, auth, views).routes(config.routes);
            new MediaController(settings.mediaDir()).routes(config.routes);
        });
        javalin.start(settings.port());
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screens-sweep");
            t.setDaemon(true);
            return t;
        });
        // A screen that stopped beating turns red within a second of its time running out.
        sweeper.scheduleAtFixedRate(screens::sweep, 1, 1, TimeUnit.SECONDS);
        // What the first command of the night renders, compiled before it comes (a tool's first byte: BENCHMARKS.md).
        Warmup warmup = new Warmup(director::snapshot, List.of(api.warmup(), display.warmup(), presenter.warmup(),
                stage.warmup(), tools.warmup()), WARMUP_RENDERS, WARMUP_BUDGET);
        return new App(javalin, director, credentials, shows, List.of(display, presenter, stage, kiosk, tools, operator), screens,
                sweeper, db, warmup, timing);
    }

    /** What every screen must have loaded for the show now live: its media, and on the audio output its sounds. */
    private static void expect(Screens screens, Snapshot snapshot) {
        int sounds = Preload.sounds(snapshot.show()).size();
        screens.expect(snapshot.state().version(), Preload.of(snapshot.show()).size() - sounds, sounds);
    }

    public int port() {
        return javalin.port();
    }

    public Director director() {
        return director;
    }

    public ShowRepository shows() {
        return shows;
    }

    public Screens screens() {
        return screens;
    }

    /** The warm-up {@link #main} starts once the server is up (tests start none unless they ask). */
    public Warmup warmup() {
        return warmup;
    }

    private void printWelcome() {
        String base = "http://" + LocalAddress.guess() + ":" + port();
        System.out.println();
        System.out.println("Kuvert is running.");
        System.out.println("  Big screen:  " + base + "/display");
        System.out.println("  Presenter:   " + base + "/presenter   PIN " + credentials.presenterPin()
                + (credentials.pinGenerated() ? " (generated; set presenterPin in config/kuvert.yaml to choose one)" : ""));
        System.out.println("  Stage:       " + base + "/stage?key=" + credentials.stageKey());
        System.out.println("  Kiosk:       " + base + "/kiosk");
        System.out.println("  Admin:       " + base + "/admin       password " + credentials.adminPassword()
                + "   (Room: screens, QR pairing, phones)");
        System.out.println("  Control API: " + base + "/api/control   Authorization: Bearer " + credentials.apiToken());
        System.out.println();
        System.out.println("  Scan to open the presenter remote (then enter the PIN):");
        System.out.print(Qr.text(base + "/presenter"));
        System.out.println();
    }

    @Override
    public void close() {
        // Streams first: closing an SSE client after Jetty has stopped never returns.
        sweeper.shutdownNow();
        for (AutoCloseable stream : streams) {
            try {
                stream.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", stream, e);
            }
        }
        javalin.stop();
        timing.close();   // its last rows, before the database closes
        director.close();
        db.close();
    }
}
