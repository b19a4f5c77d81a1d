package se.kuvert.admin;

import se.kuvert.config.Settings;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFileException;
import se.kuvert.content.ShowRepository;
import se.kuvert.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar kuvert.jar import FILE} and {@code export SHOW [FILE]}: the admin's import and export, from a shell. */
public final class ShowCommands {
    private ShowCommands() {
    }

    /** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
    public static int run(Settings settings, String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !(args[0].equals("import") || args[0].equals("export"))) {
            err.println("usage: java -jar kuvert.jar import FILE.zip|FILE.yaml|FILE.csv|FILE.xlsx");
            err.println("       java -jar kuvert.jar export SHOW-ID [FILE.zip]");
            return 2;
        }
        ShowRepository shows = new ShowRepository(new Database(settings.dataDir()));
        try {
            if (args[0].equals("import")) {
                Path file = Path.of(args[1]);
                Show show = ShowArchive.importArchive(file.getFileName().toString(), Files.readAllBytes(file), settings.mediaDir());
                if (shows.find(show.id()).isPresent()) {
                    err.println("A show with the id '" + show.id() + "' exists already; nothing was imported.");
                    return 1;
                }
                shows.save(show, file.toString());
                out.println("Imported " + show.id() + " (" + show.title() + ")");
            } else {
                Show show = shows.find(args[1]).orElse(null);
                if (show == null) {
                    err.println("There is no show '" + args[1] + "'. The shows are: "
                            + String.join(", ", shows.list().stream().map(ShowRepository.Summary::id).toList()));
                    return 1;
                }
                Path target = Path.of(args.length > 2 ? args[2] : show.id() + ".zip");
                Files.write(target, ShowArchive.export(show, settings.mediaDir()));
                out.println("Exported " + show.id() + " to " + target);
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
