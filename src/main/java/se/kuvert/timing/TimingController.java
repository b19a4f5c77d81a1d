package se.kuvert.timing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.kuvert.auth.Auth;
import se.kuvert.web.Json;
import se.kuvert.web.Views;

import java.util.List;
import java.util.Optional;

/**
 * The timing report: {@code GET /api/rehearsal} (JSON; {@code ?run=ID} for one run, {@code ?format=csv} or
 * {@code /api/rehearsal.csv} for CSV) for the admin or the API token, and the admin's Timing page
 * ({@code /admin/timing}, guarded by the admin's login like every {@code /admin} route).
 */
public final class TimingController {
    public static final String API = "/api/rehearsal";
    public static final String CSV = "/api/rehearsal.csv";
    public static final String PAGE = "/admin/timing";
    private static final String TOKEN = "api-token";

    private final Timing timing;
    private final Auth auth;
    private final Views views;

    public TimingController(Timing timing, Auth auth, Views views) {
        this.timing = timing;
        this.auth = auth;
        this.views = views;
    }

    public void routes(RoutesConfig routes) {
        routes.get(API, ctx -> api(ctx, "csv".equals(ctx.queryParam("format"))));
        routes.get(CSV, ctx -> api(ctx, true));
        routes.get(PAGE, this::page);
    }

    /** The answer with every run, newest first. */
    record Runs(List<RunReport> runs) {
    }

    private void api(Context ctx, boolean csv) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.isAdmin(ctx) && !auth.controller(ctx).filter(TOKEN::equals).isPresent()) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(new Json.Problem("log in to the admin or send Authorization: Bearer <token>"));
            return;
        }
        String runParam = ctx.queryParam("run");
        List<RunReport> reports;
        if (runParam == null) {
            reports = timing.reports();
        } else {
            Optional<RunReport> one = run(runParam);
            if (one.isEmpty()) {
                ctx.status(HttpStatus.NOT_FOUND).json(new Json.Problem("there is no run '" + runParam + "'"));
                return;
            }
            reports = List.of(one.get());
        }
        if (csv) {
            ctx.header("Content-Disposition", "attachment; filename=\"kuvert-timing"
                    + (runParam == null ? "" : "-run-" + reports.get(0).id()) + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(TimingCsv.of(reports));
        } else if (runParam == null) {
            ctx.json(new Runs(reports));
        } else {
            ctx.json(reports.get(0));
        }
    }

    private Optional<RunReport> run(String id) {
        try {
            return timing.report(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        List<TimingPage.RunView> runs = timing.reports().stream().map(TimingPage.RunView::of).toList();
        String a = ctx.queryParam("a");
        String b = ctx.queryParam("b");
        TimingPage.Comparison comparison = null;
        String error = null;
        if (a != null || b != null) {
            Optional<TimingPage.RunView> first = find(runs, a);
            Optional<TimingPage.RunView> second = find(runs, b);
            if (first.isEmpty() || second.isEmpty()) {
                error = "Choose two runs to compare.";
                ctx.status(HttpStatus.BAD_REQUEST);
            } else {
                comparison = TimingPage.Comparison.of(first.get(), second.get());
            }
        }
        ctx.html(views.render("timing/page.jte", TimingPage.of(runs, comparison, error)));
    }

    private static Optional<TimingPage.RunView> find(List<TimingPage.RunView> runs, String id) {
        return runs.stream().filter(r -> String.valueOf(r.report().id()).equals(id)).findFirst();
    }
}
