package se.kuvert;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.kuvert.db.Database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases a test opens, closed after it: each has a checkpointer thread, which would otherwise go on trying
 * the test's deleted folder every two seconds for the rest of the build. Register with {@code @RegisterExtension}.
 */
public final class OpenDatabases implements AfterEachCallback {
    private final List<Database> open = new ArrayList<>();

    public Database open(Path dataDir) {
        return open(dataDir, Database.CHECKPOINT_EVERY);
    }

    /** A database that checkpoints (and notices other connections' commits) every {@code checkpointEvery}. */
    public Database open(Path dataDir, java.time.Duration checkpointEvery) {
        Database db = new Database(dataDir, checkpointEvery);
        open.add(db);
        return db;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Database db : open) {
            db.close();
        }
        open.clear();
    }
}
