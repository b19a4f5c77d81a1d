package se.kuvert.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import se.kuvert.auth.Auth;
import se.kuvert.auth.Role;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFileException;
import se.kuvert.content.ShowRepository;
import se.kuvert.display.StageView;
import se.kuvert.content.Texts;
import se.kuvert.live.Command;
import se.kuvert.live.Director;
import se.kuvert.live.Rehearsal;
import se.kuvert.media.MediaStore;
import se.kuvert.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The staff's page: log in with the admin password, then create and edit shows, upload media, set the sealed
 * winner, preview every slide and check readiness. Every change is a POST carrying the session's CSRF token.
 */
public final class AdminController {
    public static final String HOME = "/admin";
    /** A spreadsheet of nominees to fill in and import: the columns and two example rows. */
    public static final String NOMINEES_TEMPLATE = "/admin/import/nominees.csv";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Auth auth;
    private final ShowRepository shows;
    private final Director director;
    private final MediaStore media;
    private final Views views;
    private final java.nio.file.Path mediaDir;
    private final java.nio.file.Path slidesDir;
    private final Preflights preflights;

    public AdminController(Auth auth, ShowRepository shows, Director director, MediaStore media, Views views,
                           java.nio.file.Path mediaDir, java.nio.file.Path slidesDir, Preflights preflights) {
        this.preflights = preflights;
        this.mediaDir = mediaDir;
        this.slidesDir = slidesDir;
        this.auth = auth;
        this.shows = shows;
        this.director = director;
        this.media = media;
        this.views = views;
    }

    public void routes(RoutesConfig routes) {
        routes.before("/admin/*", this::guard);
        routes.get(HOME, this::home);
        routes.post("/admin/login", this::login);
        routes.post("/admin/logout", ctx -> {
            auth.logout(ctx);
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/shows", ctx -> {
            String title = required(ctx, "title");
            String id = ShowEdits.uniqueId(ShowEdits.slug(title), shows.list().stream().map(ShowRepository.Summary::id).toList());
            store(ShowEdits.create(id, title));
            ctx.redirect("/admin/shows/" + id, HttpStatus.SEE_OTHER);
        });
        routes.get("/admin/shows/{id}", ctx -> ctx.html(views.render("admin/show.jte", editPage(ctx, show(ctx), null))));
        routes.post("/admin/shows/{id}/duplicate", ctx -> {
            Show show = show(ctx);
            String id = ShowEdits.uniqueId(show.id() + "-kopia", shows.list().stream().map(ShowRepository.Summary::id).toList());
            store(ShowEdits.copy(show, id));
            ctx.redirect("/admin/shows/" + id, HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/shows/{id}/delete", ctx -> {
            Show show = show(ctx);
            if (show.id().equals(director.snapshot().state().showId())) {
                throw new Problem("“" + show.title() + "” is on the big screen; load another show before deleting it.");
            }
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw new Problem("Deleting needs a confirmation.");
            }
            shows.delete(show.id());
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/shows/{id}/live", ctx -> {
            director.apply(new Command.Load(show(ctx).id()), null, "admin");
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/shows/{id}/rehearse", ctx -> {
            director.apply(new Command.Load(show(ctx).id(), true), null, "admin");
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
        });
        edit(routes, "/admin/shows/{id}", ctx -> "Saved the show.", (ctx, s) -> ShowEdits.details(s, required(ctx, "title"), ctx.formParam("subtitle"),
                ctx.formParam("date"), ctx.formParam("venue"), language(ctx), ctx.formParam("closing")));
        edit(routes, "/admin/shows/{id}/look", ctx -> "Saved the look and the partners.", (ctx, s) -> ShowEdits.look(s,
                ctx.formParam("background"), ctx.formParam("text"), ctx.formParam("accent"), ctx.formParam("image"), ctx.formParam("partners")));
        edit(routes, "/admin/shows/{id}/awards", ctx -> "Added the award “" + ctx.formParam("name") + "”.", (ctx, s) -> ShowEdits.addAward(s, required(ctx, "name")));
        edit(routes, "/admin/shows/{id}/awards/{award}", ctx -> "Saved “" + ctx.formParam("name") + "”.", (ctx, s) -> ShowEdits.awardTexts(s, ctx.pathParam("award"),
                required(ctx, "name"), ctx.formParam("about"), ctx.formParam("motivation"), ctx.formParam("jury"),
                ctx.formParam("presenter"), ctx.formParam("prize")));
        edit(routes, "/admin/shows/{id}/awards/{award}/move", ctx -> "Moved the award.", (ctx, s) -> ShowEdits.moveAward(s, ctx.pathParam("award"), direction(ctx)));
        edit(routes, "/admin/shows/{id}/awards/{award}/delete", ctx -> "Removed the award.", (ctx, s) -> ShowEdits.removeAward(s, ctx.pathParam("award")));
        edit(routes, "/admin/shows/{id}/awards/{award}/winner", ctx -> "Set the winner of this award.", (ctx, s) -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw new Problem("Setting the winner needs the confirmation box ticked.");
            }
            return ShowEdits.winner(s, ctx.pathParam("award"), ctx.formParam("winner"), ctx.formParam("citation"), ctx.formParam("recipients"));
        });
        edit(routes, "/admin/shows/{id}/awards/{award}/nominees", ctx -> "Added “" + ctx.formParam("name") + "”.", (ctx, s) -> ShowEdits.addNominee(s, ctx.pathParam("award"),
                required(ctx, "name"), ctx.formParam("text"), ctx.formParam("image")));
        edit(routes, "/admin/shows/{id}/awards/{award}/nominees/{nominee}", ctx -> "Saved “" + ctx.formParam("name") + "”.", (ctx, s) -> ShowEdits.editNominee(s,
                ctx.pathParam("award"), ctx.pathParam("nominee"), required(ctx, "name"), ctx.formParam("text"), ctx.formParam("image"),
                ctx.formParam("video")));
        edit(routes, "/admin/shows/{id}/awards/{award}/nominees/{nominee}/move", ctx -> "Moved the nominee.", (ctx, s) -> ShowEdits.moveNominee(s,
                ctx.pathParam("award"), ctx.pathParam("nominee"), direction(ctx)));
        edit(routes, "/admin/shows/{id}/awards/{award}/nominees/{nominee}/delete", ctx -> "Removed the nominee.", (ctx, s) -> ShowEdits.removeNominee(s,
                ctx.pathParam("award"), ctx.pathParam("nominee")));
        edit(routes, "/admin/shows/{id}/run/customise", ctx -> "The run of show is now the show's own; change it below.",
                (ctx, s) -> ShowEdits.customiseRun(s));
        edit(routes, "/admin/shows/{id}/run/reset", ctx -> "The run of show follows the awards again.", (ctx, s) -> ShowEdits.resetRun(s));
        edit(routes, "/admin/shows/{id}/run/add", ctx -> "Added a " + ctx.formParam("kind") + " slide at the end.",
                (ctx, s) -> ShowEdits.addSlide(s, String.valueOf(ctx.formParam("kind")), ctx.formParam("title"), ctx.formParam("text"),
                        ctx.formParam("image"), ctx.formParam("video")));
        edit(routes, "/admin/shows/{id}/run/{index}/move", ctx -> "Moved slide " + ctx.pathParam("index") + ".",
                (ctx, s) -> ShowEdits.moveSlide(s, index(ctx), direction(ctx)));
        edit(routes, "/admin/shows/{id}/run/{index}/delete", ctx -> "Removed a slide.", (ctx, s) -> ShowEdits.removeSlide(s, index(ctx)));
        edit(routes, "/admin/shows/{id}/run/{index}/notes", ctx -> "Saved the notes of slide " + ctx.pathParam("index") + ".",
                (ctx, s) -> ShowEdits.slideNotes(s, index(ctx), ctx.formParam("notes")));
        routes.get("/admin/shows/{id}/awards/{award}/winner", ctx -> {
            var award = unsealable(show(ctx)).award(ctx.pathParam("award")).orElseThrow(() -> new Problem("no such award"));
            ctx.html(views.render("admin/winner.jte", new Unmasked(award.winningNominee().map(n -> n.name()).orElse(null))));
        });
        routes.post("/admin/media", this::upload);
        routes.get("/admin/shows/{id}/export", ctx -> {
            Show show = unsealable(show(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"" + show.id() + ".zip\"");
            ctx.contentType("application/zip");
            ShowArchive.export(show, mediaDir, ctx.outputStream());   // streamed: a show with big videos is not held in memory
        });
        routes.post("/admin/import", this::importShow);
        routes.get(NOMINEES_TEMPLATE, ctx -> {
            ctx.header("Content-Disposition", "attachment; filename=\"nominees.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(AdminController.class.getResourceAsStream("/admin/nominees.csv"));
        });
        routes.post("/admin/import-slides", ctx -> {
            var result = se.kuvert.content.ShowFile.loadAll(slidesDir);
            int added = 0;
            for (Show show : result.shows()) {
                if (shows.find(show.id()).isEmpty()) {
                    store(show);
                    added++;
                }
            }
            ctx.redirect(withDone(HOME, "Imported " + added + " new show(s) from slides/."
                    + (result.errors().isEmpty() ? "" : " Refused: " + String.join(" ", result.errors()))), HttpStatus.SEE_OTHER);
        });
        routes.get("/admin/shows/{id}/preview", this::preview);
        routes.exception(Problem.class, (e, ctx) -> {
            problem(ctx, e.getMessage());
            ctx.status(e.status);
        });
        routes.exception(ShowFileException.class, (e, ctx) -> problem(ctx, e.getMessage().replaceFirst("^[^:]*: ", "")));
    }

    /** A request that cannot be done as asked; the message is for staff. Nothing was stored. */
    static final class Problem extends RuntimeException {
        final HttpStatus status;

        Problem(String message) {
            this(message, HttpStatus.BAD_REQUEST);
        }

        Problem(String message, HttpStatus status) {
            super(message);
            this.status = status;
        }
    }

    private interface Edit {
        Show apply(Context ctx, Show show);
    }

    /**
     * A POST that turns the show into a new one, checked and stored in one transaction, then back to the editor,
     * which says what was done.
     */
    private void edit(RoutesConfig routes, String path, java.util.function.Function<Context, String> done, Edit edit) {
        routes.post(path, ctx -> {
            Show edited;
            try {
                edited = edit.apply(ctx, show(ctx));
            } catch (IllegalArgumentException e) {
                throw new Problem(e.getMessage());
            }
            store(edited);
            String anchor = ctx.pathParamMap().containsKey("award") && edited.award(ctx.pathParam("award")).isPresent()
                    ? "#award-" + ctx.pathParam("award") : ctx.path().contains("/run/") ? "#run" : "";
            ctx.redirect(withDone("/admin/shows/" + edited.id(), done.apply(ctx)) + anchor, HttpStatus.SEE_OTHER);
        });
    }

    private void store(Show show) {
        shows.save(show, "admin");
        director.showEdited(show.id());
    }

    private void guard(Context ctx) {
        if (ctx.path().equals("/admin/login")) {
            return;
        }
        if (!auth.isAdmin(ctx)) {
            if (ctx.method().name().equals("GET")) {
                ctx.redirect(HOME, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new io.javalin.http.UnauthorizedResponse("log in to the admin first");
        }
        if (!ctx.method().name().equals("GET")) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null && ctx.isMultipartFormData()) {
                sent = ctx.formParam(CSRF_FIELD);
            } else if (sent == null) {
                sent = ctx.formParam(CSRF_FIELD);
            }
            if (!MessageDigest.isEqual(csrf(ctx).getBytes(StandardCharsets.UTF_8), String.valueOf(sent).getBytes(StandardCharsets.UTF_8))) {
                throw new io.javalin.http.ForbiddenResponse("this form is out of date or did not come from the admin page; reload and try again");
            }
        }
    }

    /** {@code path} with the message the page shows as done ({@code ?done=}), after a change it redirects to. */
    static String withDone(String path, String message) {
        return path + "?done=" + java.net.URLEncoder.encode(message, StandardCharsets.UTF_8);
    }

    /** The CSRF token of the session: derived from its secret cookie, which other sites can neither read nor send. */
    static String csrf(Context ctx) {
        String cookie = ctx.cookie(Auth.COOKIE);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("csrf:" + cookie).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void home(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!auth.isAdmin(ctx)) {
            ctx.html(views.render("admin/login.jte", new LoginPage(null)));
            return;
        }
        ctx.html(views.render("admin/shows.jte", new ShowsPage(csrf(ctx), shows.list(), director.snapshot().state().showId(),
                director.snapshot().state().rehearsal(), media.list(), ctx.queryParam("uploaded"), ctx.queryParam("done"))));
    }

    private void login(Context ctx) {
        Auth.Login result = auth.login(ctx, Role.ADMIN, ctx.formParam("password"));
        if (result instanceof Auth.Login.Ok) {
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
        } else if (result instanceof Auth.Login.Wait wait) {
            long seconds = wait.refuse(ctx);
            ctx.html(views.render("admin/login.jte", new LoginPage("Too many wrong passwords. Try again in " + seconds + " s.")));
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("admin/login.jte", new LoginPage("Wrong password.")));
        }
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new Problem("Choose a file to upload.");
        }
        if (file.size() > MediaStore.MAX_MEDIA_BYTES) {
            throw new Problem(file.filename() + " is larger than " + MediaStore.MAX_MEDIA_BYTES / (1024 * 1024) + " MB.", HttpStatus.CONTENT_TOO_LARGE);
        }
        MediaStore.Stored stored;
        try (InputStream in = file.content()) {
            stored = media.store(file.filename(), in);
        } catch (MediaStore.Refused e) {
            throw new Problem(e.getMessage(), e instanceof MediaStore.TooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
        }
        String back = ctx.formParam("back");
        ctx.redirect((back != null && back.startsWith("/admin/shows/") ? back : HOME) + "?uploaded=" + stored.path(), HttpStatus.SEE_OTHER);
    }

    private void importShow(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new Problem("Choose a .zip exported from Kuvert, a show file (.yaml) or a spreadsheet of nominees (.csv, .xlsx).");
        }
        String name = java.nio.file.Path.of(file.filename().replace('\\', '/')).getFileName().toString();
        Show show;
        boolean exists;
        try (InputStream in = file.content(); ShowArchive.Staged staged = ShowArchive.stage(name, in, mediaDir)) {
            show = staged.show();
            exists = shows.find(show.id()).isPresent();
            if (exists && !"yes".equals(ctx.formParam("replace"))) {
                throw new Problem("A show with the id '" + show.id() + "' exists already; nothing was imported. To replace it, "
                        + "import the file again with “Replace the show with the same id” ticked.");
            }
            staged.install(() -> store(show));
        } catch (ShowArchive.Refused e) {
            throw new Problem(e.getMessage(), e instanceof ShowArchive.TooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
        } catch (ShowFileException e) {
            throw new Problem(e.getMessage());
        }
        ctx.redirect(withDone("/admin/shows/" + show.id(), (exists ? "Replaced “" : "Imported “") + show.title() + "”."),
                HttpStatus.SEE_OTHER);
    }

    private void preview(Context ctx) {
        Show stored = show(ctx);
        // In a rehearsal of this show the staff preview the stand-ins too: the real texts stay on the server.
        Show show = director.rehearsing(stored.id()) ? Rehearsal.standIn(stored) : stored;
        RunOfShow run = RunOfShow.of(show);
        int slide = clamp(ctx.queryParam("slide"), run.size());
        int step = clamp(ctx.queryParam("step"), run.slide(slide).steps());
        StageView stage = new StageView(show, run.slide(slide), slide, run.size(), step, false, false, 0, Texts.of(show.language()), false);
        // ?frame: the step alone in a window of its own, for the preflight to measure as the big screen shows it.
        String template = ctx.queryParam("frame") == null ? "admin/preview.jte" : "admin/previewframe.jte";
        ctx.html(views.render(template, new PreviewPage(show, run, stage)));
    }

    private void problem(Context ctx, String message) {
        ctx.status(HttpStatus.BAD_REQUEST);
        String id = ctx.pathParamMap().get("id");
        Show show = id == null ? null : shows.find(id).orElse(null);
        if (show != null && auth.isAdmin(ctx)) {
            ctx.html(views.render("admin/show.jte", editPage(ctx, show, message)));
        } else {
            ctx.html(views.render("admin/message.jte", new MessagePage(message)));
        }
    }

    private EditPage editPage(Context ctx, Show show, String message) {
        return new EditPage(csrf(ctx), show, RunOfShow.of(show), media.list(), message, message == null ? ctx.queryParam("done") : null, ctx.queryParam("uploaded"),
                Readiness.check(show, media::exists, preflights.status(show)), show.id().equals(director.snapshot().state().showId()),
                preflights.status(show), director.rehearsing(show.id()));
    }

    /** {@code show}, unless a rehearsal of it runs: then what would show its sealed texts is refused. */
    private Show unsealable(Show show) {
        if (director.rehearsing(show.id())) {
            throw new Problem("A rehearsal of “" + show.title() + "” is running, so its winners and motivations stay sealed, "
                    + "here too. Load the real show or another one first.", HttpStatus.CONFLICT);
        }
        return show;
    }

    private Show show(Context ctx) {
        return shows.find(ctx.pathParam("id")).orElseThrow(() -> new Problem("There is no show '" + ctx.pathParam("id") + "'."));
    }

    private static String required(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) {
            throw new Problem("“" + field + "” must not be empty.");
        }
        return value.strip();
    }

    private static String language(Context ctx) {
        String language = ctx.formParam("language");
        return "en".equals(language) ? "en" : "sv";
    }

    /** Slides are numbered from 1 in the admin, as staff count them. */
    private static int index(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("index")) - 1;
        } catch (NumberFormatException e) {
            throw new Problem("there is no slide '" + ctx.pathParam("index") + "'");
        }
    }

    private static int direction(Context ctx) {
        return "up".equals(ctx.formParam("dir")) ? -1 : 1;
    }

    private static int clamp(String raw, int size) {
        try {
            return Math.max(0, Math.min(size - 1, Integer.parseInt(raw)));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    /** An award's winner as staff unmask it on the show's page, or null when none is set. */
    public record Unmasked(String winner) {
    }

    public record LoginPage(String error) {
    }

    public record MessagePage(String message) {
    }

    /** {@code rehearsal}: the live show runs with stand-in winners (it can still be put on screen for real). */
    public record ShowsPage(String csrf, List<ShowRepository.Summary> shows, String liveShowId, boolean rehearsal,
                            List<String> media, String uploaded, String done) {
    }

    public record EditPage(String csrf, Show show, RunOfShow run, List<String> media, String message, String done, String uploaded,
                           List<Readiness.Problem> problems, boolean live, Preflights.Status preflight, boolean rehearsing) {
    }

    public record PreviewPage(Show show, RunOfShow run, StageView stage) {
    }
}
