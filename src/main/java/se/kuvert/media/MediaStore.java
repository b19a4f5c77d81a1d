package se.kuvert.media;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploaded media: the type is read from the content, never the file name; the file is stored under a name
 * derived from its content in {@code media/uploads/}, so no client-supplied path is ever used. Refused uploads
 * leave nothing behind.
 */
public final class MediaStore {
    public static final long MAX_IMAGE_BYTES = 15L * 1024 * 1024;
    public static final long MAX_MEDIA_BYTES = 200L * 1024 * 1024;
    static final String FOLDER = "uploads";

    private final Path mediaDir;

    public MediaStore(Path mediaDir) {
        this.mediaDir = mediaDir;
    }

    /** What an upload is, from its first bytes. */
    public enum Kind {
        JPEG("jpg", "image"), PNG("png", "image"), WEBP("webp", "image"), MP4("mp4", "video"), WEBM("webm", "video"),
        MP3("mp3", "audio"), OGG("ogg", "audio"), WAV("wav", "audio");

        final String extension;
        public final String family;

        Kind(String extension, String family) {
            this.extension = extension;
            this.family = family;
        }
    }

    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public record Stored(String path, Kind kind, long bytes) {
    }

    /** Checks and stores an upload; {@code name} is only used in messages. */
    public Stored store(String name, byte[] content) {
        Kind kind = detect(name, content);
        long limit = kind.family.equals("image") ? MAX_IMAGE_BYTES : MAX_MEDIA_BYTES;
        if (content.length > limit) {
            throw new Refused(name + " is " + content.length / (1024 * 1024) + " MB; the limit for " + kind.family + " is "
                    + limit / (1024 * 1024) + " MB");
        }
        if (kind == Kind.JPEG || kind == Kind.PNG) {
            requireDecodable(name, content);
        }
        String file = sha256(content).substring(0, 20) + "." + kind.extension;
        Path target = mediaDir.resolve(FOLDER).resolve(file);
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Path temp = Files.createTempFile(target.getParent(), "upload", ".part");
                Files.write(temp, content);
                if (kind == Kind.JPEG || kind == Kind.PNG) {
                    Renditions.make(mediaDir, FOLDER + "/" + file, content);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name, e);
        }
        return new Stored(FOLDER + "/" + file, kind, content.length);
    }

    /** The uploaded files, newest first, as paths below media/. */
    public List<String> list() {
        Path dir = mediaDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("[0-9a-f]+\\.[a-z0-9]+"))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()))
                    .map(p -> FOLDER + "/" + p.getFileName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code path} names an existing file inside the media folder. */
    public boolean exists(String path) {
        if (path == null) {
            return false;
        }
        Path resolved = mediaDir.resolve(path).normalize();
        return resolved.startsWith(mediaDir.normalize()) && Files.isRegularFile(resolved);
    }

    static Kind detect(String name, byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return Kind.WEBP;
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E')) {
            return Kind.WAV;
        }
        if (starts(b, 4, 'f', 't', 'y', 'p')) {
            return Kind.MP4;
        }
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Kind.WEBM;
        }
        if (starts(b, 0, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return Kind.MP3;
        }
        if (starts(b, 0, 'O', 'g', 'g', 'S')) {
            return Kind.OGG;
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).toLowerCase();
        if (head.contains("<svg") || head.contains("<?xml")) {
            throw new Refused(name + " is an SVG; SVG can carry scripts, so Kuvert does not take it. Export it as PNG.");
        }
        throw new Refused(name + " is not a JPEG, PNG or WebP image, an MP4 or WebM video, or MP3, Ogg or WAV audio"
                + " (its content was checked, not its name)");
    }

    private static void requireDecodable(String name, byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null || image.getWidth() < 1) {
                throw new Refused(name + " looks like an image but cannot be read; it may be damaged");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused(name + " looks like an image but cannot be read; it may be damaged");
        }
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
