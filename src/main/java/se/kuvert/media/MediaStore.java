package se.kuvert.media;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
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
    /** An image is decoded whole to check and scale it; this keeps that decoding within a few hundred MB. */
    static final long MAX_IMAGE_PIXELS = 50_000_000;
    static final String FOLDER = "uploads";

    private final Path mediaDir;

    public MediaStore(Path mediaDir) {
        this.mediaDir = mediaDir;
    }

    /** What an upload is, from its content. */
    public enum Kind {
        JPEG("jpg", "image", "a JPEG image"), PNG("png", "image", "a PNG image"), WEBP("webp", "image", "a WebP image"),
        MP4("mp4", "video", "an MP4 video"), WEBM("webm", "video", "a WebM video"), MP3("mp3", "audio", "an MP3"),
        OGG("ogg", "audio", "an Ogg file"), WAV("wav", "audio", "a WAV file");

        public final String extension;
        public final String family;
        final String label;

        Kind(String extension, String family, String label) {
            this.extension = extension;
            this.family = family;
            this.label = label;
        }
    }

    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Refused for its size (HTTP 413). */
    public static final class TooLarge extends Refused {
        public TooLarge(String message) {
            super(message);
        }
    }

    public record Stored(String path, Kind kind, long bytes) {
    }

    /** Checks and stores an upload; {@code name} is only used in messages. */
    public Stored store(String name, byte[] content) {
        return store(name, new ByteArrayInputStream(content));
    }

    /**
     * Streams an upload into a temporary file beside its final place (counting and hashing as it comes), checks it,
     * and moves it into place in one step: a refused or interrupted upload leaves nothing behind.
     */
    public Stored store(String name, InputStream content) {
        Path dir = mediaDir.resolve(FOLDER);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".upload-", ".part");
            String hash = receive(name, content, temp, MAX_MEDIA_BYTES);
            Kind kind = inspect(name, temp);
            String file = hash.substring(0, 20) + "." + kind.extension;
            Path target = dir.resolve(file);
            // An existing file is kept only when it is whole: its name is its content's hash, so a different content is damage.
            if (!Files.exists(target) || Files.mismatch(target, temp) != -1) {
                if (kind == Kind.JPEG || kind == Kind.PNG) {
                    Renditions.make(mediaDir, FOLDER + "/" + file, temp);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Stored(FOLDER + "/" + file, kind, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Copies {@code in} to {@code target}, refusing it as soon as it passes {@code limit} bytes, so an oversized upload
     * or zip entry is never held whole; returns the SHA-256 of what was copied, in hex.
     */
    public static String receive(String name, InputStream in, Path target, long limit) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(name + " is larger than " + limit / (1024 * 1024) + " MB; nothing was stored");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What {@code file} is, from its content (never its name): its first bytes say which kind it claims to be, then
     * its structure must match that kind and its size the kind's limit. Refused with a message for staff otherwise.
     */
    public static Kind inspect(String name, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        Kind kind = detect(name, head);
        long limit = kind.family.equals("image") ? MAX_IMAGE_BYTES : MAX_MEDIA_BYTES;
        long size = Files.size(file);
        if (size > limit) {
            throw new TooLarge(name + " is " + size / (1024 * 1024) + " MB; the limit for " + kind.family + " is "
                    + limit / (1024 * 1024) + " MB");
        }
        if (kind == Kind.JPEG || kind == Kind.PNG) {
            requireDecodable(name, file);
        } else {
            try {
                MediaCheck.check(kind, file);
            } catch (MediaCheck.Malformed e) {
                throw new Refused(name + " starts like " + kind.label + " but is not one: " + e.getMessage()
                        + ". Nothing was stored.");
            }
        }
        return kind;
    }

    /** Deletes a temporary file; a leftover one is never served or listed, and blocks nothing. */
    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is never served or listed, and blocks nothing
            }
        }
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

    private static void requireDecodable(String name, Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused(name + " looks like an image but cannot be read; it may be damaged");
            }
            ImageReader reader = readers.next();
            reader.setInput(in);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_IMAGE_PIXELS) {
                throw new Refused(name + " is " + reader.getWidth(0) + "×" + reader.getHeight(0) + " pixels; the limit is "
                        + MAX_IMAGE_PIXELS / 1_000_000 + " megapixels");
            }
            BufferedImage image = reader.read(0);
            reader.dispose();
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
