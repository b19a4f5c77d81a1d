package se.kuvert.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Slide;
import se.kuvert.web.Json;
import se.kuvert.web.Views;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The preflight, {@code /admin/shows/{id}/preflight}: a page that renders every step of every slide off screen
 * in frames of the big screen's sizes (the preview route's {@code ?frame}), measures each with measure.js, lists
 * what it found with where to fix it, and posts the result back here, where it is kept with the show's content
 * hash. The admin's guard (login, CSRF) covers both routes.
 */
public final class PreflightController {
    static final String PATH = "/admin/shows/{id}/preflight";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final ShowRepository shows;
    private final Preflights preflights;
    private final Views views;
    private final Clock clock;
    private final Runnable stored;
    private final java.util.function.Predicate<String> rehearsing;

    /**
     * {@code stored}: told after every stored result (the phone's warning depends on it); {@code rehearsing}: whether a
     * show (by id) runs as a rehearsal now, when its frames show the stand-ins and a result would not be the show's.
     */
    public PreflightController(ShowRepository shows, Preflights preflights, Views views, Clock clock, Runnable stored,
                               java.util.function.Predicate<String> rehearsing) {
        this.rehearsing = rehearsing;
        this.shows = shows;
        this.preflights = preflights;
        this.views = views;
        this.clock = clock;
        this.stored = stored;
    }

    public void routes(RoutesConfig routes) {
        routes.get(PATH, this::page);
        routes.post(PATH, this::store);
    }

    /** One step to measure, with its name for the staff and the editor's place to fix it. */
    public record Job(int slide, int step, int steps, String kind, String label, String fix) {
    }

    public record Page(String csrf, Show show, String contentHash, int renders, List<Job> jobs, List<Preflights.Size> sizes,
                       Preflights.Status status) {
    }

    private void page(Context ctx) {
        Show show = show(ctx);
        if (show == null) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.html(views.render("admin/preflight.jte", new Page(AdminController.csrf(ctx), show, Preflights.hash(show),
                Preflights.renders(show), jobs(show), Preflights.SIZES, preflights.status(show))));
    }

    /** What a stored report came to: passed when nothing was found, the problems found, the renders measured. */
    record Stored(boolean passed, int problems, int renders) {
    }

    private void store(Context ctx) {
        Show show = show(ctx);
        if (show == null) {
            return;
        }
        if (rehearsing.test(show.id())) {
            ctx.status(HttpStatus.CONFLICT).json(new Json.Problem("A rehearsal of this show is running, so the preflight "
                    + "measured its stand-ins; nothing was kept. Run it again once the real show or another one is loaded."));
            return;
        }
        Preflights.Report report;
        try {
            report = JSON.readValue(ctx.body(), Preflights.Report.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new Json.Problem("The preflight report is not the expected JSON: "
                    + e.getOriginalMessage()));
            return;
        }
        try {
            Preflights.Result result = preflights.store(show, report, clock.instant());
            stored.run();
            ctx.json(new Stored(result.passed(), result.findings().size(), result.renders()));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new Json.Problem(e.getMessage()));
        }
    }

    private Show show(Context ctx) {
        Show show = shows.find(ctx.pathParam("id")).orElse(null);
        if (show == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(new Json.Problem("There is no show '" + ctx.pathParam("id") + "'."));
        }
        return show;
    }

    static List<Job> jobs(Show show) {
        RunOfShow run = RunOfShow.of(show);
        String edit = "/admin/shows/" + show.id();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            Slide slide = run.slide(i);
            String label = (i + 1) + ". " + slide.kind() + (slide.award() == null ? "" : " · " + slide.award().name());
            String fix = slide.award() != null ? edit + "#award-" + slide.award().id()
                    : slide instanceof Slide.Partners ? edit + "#look" : slide instanceof Slide.Title ? edit : edit + "#run";
            for (int step = 0; step < slide.steps(); step++) {
                jobs.add(new Job(i, step, slide.steps(), slide.kind(), label, fix));
            }
        }
        return jobs;
    }
}
