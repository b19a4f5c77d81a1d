package se.kuvert.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.kuvert.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shows in SQLite, each stored as one JSON document of the {@link Show} record. */
public final class ShowRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Database db;

    /** Counts this repository's writes to the shows, so the kept list (see {@link #list}) is never older than them. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    /** The last list read, with what it was read at; written under the database's lock, read without it. */
    private volatile Listing listing;

    private record Listing(long writes, long elsewhere, List<Summary> shows) {
    }

    public ShowRepository(Database db) {
        this.db = db;
    }

    /** Runs a write to the shows; the kept list is forgotten inside it and again once it is over (committed or not). */
    private <T> T writing(Database.Work<T> work) {
        try {
            return db.inTransaction(c -> {
                writes.incrementAndGet();
                return work.run(c);
            });
        } finally {
            writes.incrementAndGet();
        }
    }

    public void save(Show show, String source) {
        String document = toJson(show);
        writing(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO shows (id, title, source, document, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET title = excluded.title, source = excluded.source,
                        document = excluded.document, updated_at = excluded.updated_at""")) {
                ps.setString(1, show.id());
                ps.setString(2, show.title());
                ps.setString(3, source);
                ps.setString(4, document);
                ps.setString(5, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Show> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT document FROM shows WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.<Show>empty();
                }
            }
        });
    }

    public boolean delete(String id) {
        return writing(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM shows WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Id and title of every show, by title. Every change tells the tools this list, so it is kept, without asking the
     * database, until this repository writes a show or the database sees another connection's commit (an import from
     * the command line, noticed within {@link Database#CHECKPOINT_EVERY}). Asking SQLite whether anyone else wrote
     * cost a command 30-100 µs on its way to the first stream (BENCHMARKS.md, "The tenth round").
     */
    public List<Summary> list() {
        Listing kept = listing;
        if (kept != null && kept.writes() == writes.get() && kept.elsewhere() == db.commitsElsewhere()) {
            return kept.shows();
        }
        return db.read(c -> {
            // Inside a write the list may show what is not committed yet: read it, never keep it.
            boolean keep = c.getAutoCommit();
            long written = writes.get();
            long elsewhere = db.commitsElsewhere();
            List<Summary> out = new ArrayList<>();
            try (ResultSet rs = db.prepared(c, "SELECT id, title FROM shows ORDER BY title, id").executeQuery()) {
                while (rs.next()) {
                    out.add(new Summary(rs.getString(1), rs.getString(2)));
                }
            }
            List<Summary> shows = List.copyOf(out);
            if (keep) {
                listing = new Listing(written, elsewhere, shows);
            }
            return shows;
        });
    }

    /**
     * Imports the shows of {@code slidesDir} the first time a data folder is used; later starts leave the database
     * as staff left it. Returns one message per show file that was refused.
     */
    public List<String> importOnFirstStart(java.nio.file.Path slidesDir) {
        boolean done = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM app_meta WHERE key = 'slides_imported'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (done) {
            return List.of();
        }
        ShowFile.LoadResult result = ShowFile.loadAll(slidesDir);
        for (Show show : result.shows()) {
            save(show, slidesDir.resolve(show.id() + ".yaml").toString());
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO app_meta (key, value) VALUES ('slides_imported', ?)")) {
                ps.setString(1, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
        return result.errors();
    }

    public record Summary(String id, String title) {
    }

    static String toJson(Show show) {
        try {
            return JSON.writeValueAsString(show);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store show " + show.id(), e);
        }
    }

    static Show fromJson(String json) {
        try {
            return JSON.readValue(json, Show.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored show cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
