package se.kuvert.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.db.Database;
import se.kuvert.web.Build;
import se.kuvert.web.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The preflight of each show: a staff member's browser renders every step of every slide at 720p, 1080p and 4K
 * with the big screen's own templates and CSS, measures each with measure.js and posts what it found. The result
 * is kept with the hash of the content (and build) it measured, so an edit or an upgrade makes it stale.
 */
public final class Preflights {
    /** The windows a big screen is measured in: 720p, full HD, 4K. */
    public static final List<Size> SIZES = List.of(new Size(1280, 720), new Size(1920, 1080), new Size(3840, 2160));
    /** What measure.js reports, 'moved' (a nominee shown moved between steps) and 'failed' (the step did not render). */
    static final Set<String> KINDS = Set.of("outside", "overflow", "clipped", "below-floor", "image-missing",
            "image-distorted", "moved", "failed");
    static final int MAX_FINDINGS = 5000;
    static final int MAX_TEXT = 400;
    private static final ObjectMapper JSON = Json.MAPPER;

    public record Size(int width, int height) {
    }

    /** One problem found: on which slide and step, at which size, what kind, on which element, what was measured. */
    public record Finding(int slide, int step, int width, int height, String kind, String element, String detail) {
    }

    /** What the browser posts: the content it measured, how many renders it measured, and what it found. */
    public record Report(String contentHash, int renders, List<Finding> findings) {
    }

    /** A stored preflight. */
    public record Result(String contentHash, int renders, List<Finding> findings, Instant checkedAt) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    /** A show's preflight as readiness and the phone tell it. */
    public sealed interface Status {
        record NotRun() implements Status {
        }

        /** Run, but on other content (or another build) than the show has now. */
        record Stale(Result last) implements Status {
        }

        record Failed(Result last) implements Status {
        }

        record Passed(Result last) implements Status {
        }
    }

    private final Database db;

    public Preflights(Database db) {
        this.db = db;
    }

    /** The hash of what a preflight measures: the show's content and the build that renders it. */
    public static String hash(Show show) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((JSON.writeValueAsString(show) + "\n" + Build.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many renders a complete preflight of the show measures: every step of every slide at every size. */
    public static int renders(Show show) {
        RunOfShow run = RunOfShow.of(show);
        int steps = 0;
        for (int i = 0; i < run.size(); i++) {
            steps += run.slide(i).steps();
        }
        return steps * SIZES.size();
    }

    /**
     * Checks a report against the show as it is now and stores it; throws {@link IllegalArgumentException} with
     * what is wrong (and stores nothing) when it does not describe a complete preflight of this content.
     */
    public Result store(Show show, Report report, Instant now) {
        if (report == null || report.findings() == null) {
            throw new IllegalArgumentException("The report has no findings list.");
        }
        if (!hash(show).equals(report.contentHash())) {
            throw new IllegalArgumentException("The show was edited (or Kuvert upgraded) while the preflight ran. Run it again.");
        }
        if (report.renders() != renders(show)) {
            throw new IllegalArgumentException("The preflight measured " + report.renders() + " renders of " + renders(show)
                    + "; it must measure every step at every size.");
        }
        if (report.findings().size() > MAX_FINDINGS) {
            throw new IllegalArgumentException("More than " + MAX_FINDINGS + " problems in one report.");
        }
        RunOfShow run = RunOfShow.of(show);
        for (Finding f : report.findings()) {
            if (f.slide() < 0 || f.slide() >= run.size() || f.step() < 0 || f.step() >= run.slide(f.slide()).steps()
                    || !SIZES.contains(new Size(f.width(), f.height())) || !KINDS.contains(f.kind())
                    || f.element() == null || f.element().length() > MAX_TEXT
                    || f.detail() == null || f.detail().length() > MAX_TEXT) {
                throw new IllegalArgumentException("A problem in the report names no step, size or kind of this show: " + f);
            }
        }
        Result result = new Result(report.contentHash(), report.renders(), List.copyOf(report.findings()), now);
        String document;
        try {
            document = JSON.writeValueAsString(result.findings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO preflight (show_id, content_hash, renders, problems, report, checked_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(show_id) DO UPDATE SET content_hash = excluded.content_hash, renders = excluded.renders,
                        problems = excluded.problems, report = excluded.report, checked_at = excluded.checked_at""")) {
                ps.setString(1, show.id());
                ps.setString(2, result.contentHash());
                ps.setInt(3, result.renders());
                ps.setInt(4, result.findings().size());
                ps.setString(5, document);
                ps.setString(6, now.toString());
                return ps.executeUpdate();
            }
        });
        return result;
    }

    public Optional<Result> find(String showId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content_hash, renders, report, checked_at FROM preflight WHERE show_id = ?")) {
                ps.setString(1, showId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Result>empty();
                    }
                    return Optional.of(new Result(rs.getString(1), rs.getInt(2), findings(rs.getString(3)), Instant.parse(rs.getString(4))));
                }
            }
        });
    }

    private static List<Finding> findings(String document) {
        try {
            return List.of(JSON.readValue(document, Finding[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored preflight report is not readable", e);
        }
    }

    public Status status(Show show) {
        Optional<Result> last = find(show.id());
        if (last.isEmpty()) {
            return new Status.NotRun();
        }
        if (!last.get().contentHash().equals(hash(show))) {
            return new Status.Stale(last.get());
        }
        return last.get().passed() ? new Status.Passed(last.get()) : new Status.Failed(last.get());
    }

    /** True when the show as it is now has passed preflight. */
    public boolean passed(Show show) {
        return show != null && status(show) instanceof Status.Passed;
    }
}
