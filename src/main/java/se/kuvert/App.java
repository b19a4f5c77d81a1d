package se.kuvert;

import io.javalin.Javalin;
import se.kuvert.admin.AdminController;
import se.kuvert.admin.ShowCommands;
import se.kuvert.api.ControlApi;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Credentials;
import se.kuvert.auth.LoginGuard;
import se.kuvert.auth.Sessions;
import se.kuvert.config.Settings;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;
import se.kuvert.display.DisplayController;
import se.kuvert.live.Command;
import se.kuvert.live.Director;
import se.kuvert.media.MediaController;
import se.kuvert.media.MediaStore;
import se.kuvert.presenter.PresenterController;
import se.kuvert.web.Server;
import se.kuvert.web.Views;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/** The composition root: reads the settings, builds everything with plain constructors, starts the server. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    static final long HEARTBEAT_MILLIS = 5_000;

    private final Javalin javalin;
    private final Director director;
    private final Credentials credentials;
    private final ShowRepository shows;
    private final DisplayController display;
    private final PresenterController presenter;

    private App(Javalin javalin, Director director, Credentials credentials, ShowRepository shows,
                DisplayController display, PresenterController presenter) {
        this.javalin = javalin;
        this.director = director;
        this.credentials = credentials;
        this.shows = shows;
        this.display = display;
        this.presenter = presenter;
    }

    public static void main(String[] args) {
        Settings settings = Settings.load(Path.of("config", "kuvert.yaml"), System.getenv());
        if (args.length > 0) {
            System.exit(ShowCommands.run(settings, args, System.out, System.err));
        }
        App app = create(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kuvert-shutdown"));
        app.printWelcome();
    }

    /** Builds and starts Kuvert; port 0 in the settings picks a free port (see {@link #port()}). */
    public static App create(Settings settings) {
        Clock clock = Clock.systemUTC();
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
        Auth auth = new Auth(credentials, new Sessions(db), new LoginGuard(clock));
        Views views = new Views();
        DisplayController display = new DisplayController(director, views, HEARTBEAT_MILLIS);
        PresenterController presenter = new PresenterController(director, views, auth, shows, HEARTBEAT_MILLIS);
        ControlApi api = new ControlApi(director, auth, shows, display::subscribers);
        AdminController admin = new AdminController(auth, shows, director, new MediaStore(settings.mediaDir()), views,
                settings.mediaDir(), settings.slidesDir());
        director.onChange(display::changed);
        director.onChange(presenter::changed);
        Javalin javalin = Server.create(settings.mediaDir(), config -> {
            display.routes(config.routes);
            presenter.routes(config.routes);
            api.routes(config.routes);
            admin.routes(config.routes);
            new MediaController(settings.mediaDir()).routes(config.routes);
        });
        javalin.start(settings.port());
        return new App(javalin, director, credentials, shows, display, presenter);
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

    private void printWelcome() {
        String base = "http://" + LocalAddress.guess() + ":" + port();
        System.out.println();
        System.out.println("Kuvert is running.");
        System.out.println("  Big screen:  " + base + "/display");
        System.out.println("  Presenter:   " + base + "/presenter   PIN " + credentials.presenterPin()
                + (credentials.pinGenerated() ? " (generated; set presenterPin in config/kuvert.yaml to choose one)" : ""));
        System.out.println("  Admin:       " + base + "/admin       password " + credentials.adminPassword());
        System.out.println("  Control API: " + base + "/api/control   Authorization: Bearer " + credentials.apiToken());
        System.out.println();
    }

    @Override
    public void close() {
        // Streams first: closing an SSE client after Jetty has stopped never returns.
        display.close();
        presenter.close();
        javalin.stop();
    }
}
