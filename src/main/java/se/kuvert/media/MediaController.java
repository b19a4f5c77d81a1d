package se.kuvert.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Serves {@code media/}: byte ranges (a video can be sought into), ETags, and caching for good for uploads, whose
 * names come from their content. A path that climbs out of the media folder is a 404, like any missing file.
 */
public final class MediaController {
    public static final String PREFIX = "/media/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"));

    private final Path mediaDir;

    public MediaController(Path mediaDir) {
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
    }

    public void routes(RoutesConfig routes) {
        routes.get(PREFIX + "<path>", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        String relative = ctx.pathParam("path");
        Path file = mediaDir.resolve(relative).normalize();
        // Dot names are unfinished uploads and imports (".upload-…", ".import-…"), never media.
        boolean hidden = Arrays.stream(relative.split("/")).anyMatch(part -> part.startsWith("."));
        if (!file.startsWith(mediaDir) || hidden || !Files.isRegularFile(file) || relative.contains("\\")) {
            ctx.status(HttpStatus.NOT_FOUND).result("No such medium.");
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        // Opened on its own, a medium is a sandboxed document that runs no script (an SVG could carry one).
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'");
        ctx.header("Cache-Control", relative.startsWith("uploads/") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.writeSeekableStream(Files.newInputStream(file), TYPES.getOrDefault(extension, "application/octet-stream"), Files.size(file));
    }
}
