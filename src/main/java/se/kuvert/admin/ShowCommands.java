package se.kuvert.admin;

import se.kuvert.config.Settings;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFileException;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar kuvert.jar import [--replace] FILE} and {@code export SHOW [FILE]}: the admin's import and export,
 * from a shell. An export without a file goes into the data folder, which git ignores.
 */
public final class ShowCommands {
    private ShowCommands() {
    }

    /** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
    public static int run(Settings settings, String[] args, PrintStream out, PrintStream err) {
        boolean replace = args.length > 0 && args[0].equals("import") && java.util.Arrays.asList(args).contains("--replace");
        args = java.util.Arrays.stream(args).filter(a -> !(replace && a.equals("--replace"))).toArray(String[]::new);
        if (args.length < 2 || !(args[0].equals("import") || args[0].equals("export"))) {
            err.println("usage: java -jar kuvert.jar import [--replace] FILE.zip|FILE.yaml|FILE.csv|FILE.xlsx");
            err.println("       java -jar kuvert.jar export SHOW-ID [FILE.zip]   (without FILE: into the data folder)");
            return 2;
        }
        // Closed when the command is done: its checkpointer would otherwise go on beside whatever runs next.
        try (Database db = new Database(settings.dataDir())) {
            ShowRepository shows = new ShowRepository(db);
            if (args[0].equals("import")) {
                Path file = Path.of(args[1]);
                try (InputStream in = Files.newInputStream(file);
                     ShowArchive.Staged staged = ShowArchive.stage(file.getFileName().toString(), in, settings.mediaDir())) {
                    Show show = staged.show();
                    boolean exists = shows.find(show.id()).isPresent();
                    if (exists && !replace) {
                        err.println("A show with the id '" + show.id() + "' exists already; nothing was imported. "
                                + "Add --replace to replace it.");
                        return 1;
                    }
                    staged.install(() -> shows.save(show, file.toString()));
                    out.println((exists ? "Replaced " : "Imported ") + show.id() + " (" + show.title() + ")"
                            + (exists ? "; a running server shows the new version when the show is loaded again or restarted" : ""));
                }
            } else {
                Show show = shows.find(args[1]).orElse(null);
                if (show == null) {
                    err.println("There is no show '" + args[1] + "'. The shows are: "
                            + String.join(", ", shows.list().stream().map(ShowRepository.Summary::id).toList()));
                    return 1;
                }
                Path target = args.length > 2 ? Path.of(args[2]) : settings.dataDir().resolve(show.id() + ".zip");
                try (OutputStream zip = Files.newOutputStream(target)) {
                    ShowArchive.export(show, settings.mediaDir(), zip);
                }
                out.println("Exported " + show.id() + " to " + target.toAbsolutePath().normalize());
            }
            return 0;
        } catch (ShowArchive.Refused | ShowFileException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read or write " + args[args.length - 1] + ": " + e.getMessage());
            return 1;
        }
    }
}
