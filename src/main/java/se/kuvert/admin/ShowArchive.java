package se.kuvert.admin;

import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.content.Spreadsheet;

import se.kuvert.media.MediaStore;
import se.kuvert.media.Renditions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A show as one zip: {@code <id>/<id>.yaml} and {@code <id>/media/...} with every medium it uses. Importing checks
 * everything before writing anything: entries outside the show's folder, a broken show file, an entry over the size
 * limits, a medium whose content is not what its name says, or one that would replace a different file already in
 * {@code media/} refuse the whole archive. Media are moved into place only once everything passed.
 */
public final class ShowArchive {
    static final long MAX_ARCHIVE_BYTES = 1024L * 1024 * 1024;
    static final long MAX_SHOW_FILE_BYTES = 5L * 1024 * 1024;
    /** The prefix of the folders an import unpacks into; the media server never serves a path with a dot folder. */
    static final String STAGING = ".import-";

    private ShowArchive() {
    }

    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Refused for its size (HTTP 413). */
    public static final class TooLarge extends Refused {
        TooLarge(String message) {
            super(message);
        }
    }

    public static byte[] export(Show show, Path mediaDir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export(show, mediaDir, bytes);
        return bytes.toByteArray();
    }

    /** Writes the zip to {@code out} as it goes, so a show with large media is never held in memory. */
    public static void export(Show show, Path mediaDir, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String folder = show.id() + "/";
            zip.putNextEntry(new ZipEntry(folder + show.id() + ".yaml"));
            zip.write(ShowFile.write(show).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (String path : show.media()) {
                Path file = mediaDir.resolve(path).normalize();
                if (file.startsWith(mediaDir.normalize()) && Files.isRegularFile(file)) {
                    zip.putNextEntry(new ZipEntry(folder + "media/" + path));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a zip (or a bare show file or spreadsheet) and, when every check passes, writes its media; returns the show to store. */
    static Show importArchive(String name, byte[] content, Path mediaDir) {
        try (Staged staged = stage(name, new ByteArrayInputStream(content), mediaDir)) {
            staged.install(() -> {
            });
            return staged.show();
        }
    }

    /**
     * Reads a zip (or a bare show file or spreadsheet of nominees) as it streams in and checks everything: each entry is counted while it is
     * read and unpacked into a private staging folder inside {@code media/}, never held in memory. Nothing is in
     * {@code media/} until {@link Staged#install}; closing the result removes whatever was not installed.
     */
    public static Staged stage(String name, InputStream content, Path mediaDir) {
        if (!name.toLowerCase().endsWith(".zip")) {
            try {
                byte[] yaml = content.readNBytes((int) MAX_SHOW_FILE_BYTES + 1);
                if (yaml.length > MAX_SHOW_FILE_BYTES) {
                    throw new TooLarge(name + " is larger than " + MAX_SHOW_FILE_BYTES / (1024 * 1024) + " MB; a show file is text");
                }
                Show show = Spreadsheet.handles(name) ? Spreadsheet.read(name, yaml)
                        : ShowFile.parse(name, new String(yaml, StandardCharsets.UTF_8));
                return new Staged(show, List.of(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path media = mediaDir.toAbsolutePath().normalize();
        Path dir;
        try {
            Files.createDirectories(media);
            removeStaleStaging(media);
            dir = Files.createTempDirectory(media, STAGING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + name + " into " + media, e);
        }
        try {
            Staged staged = unpack(name, content, media, dir);
            dir = null;
            return staged;
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /** A show read from an archive with its media unpacked beside media/, ready to be moved into place. */
    public static final class Staged implements AutoCloseable {
        private final Show show;
        private final List<Medium> media;
        private final Path dir;

        private Staged(Show show, List<Medium> media, Path dir) {
            this.show = show;
            this.media = media;
            this.dir = dir;
        }

        public Show show() {
            return show;
        }

        /**
         * Moves each medium into place in one step (ATOMIC_MOVE), then runs {@code save}; when a move or the save fails,
         * the media this import added are removed again, so a retry starts from where it was.
         */
        public void install(Runnable save) {
            List<Path> added = new ArrayList<>();
            try {
                for (Medium m : media) {
                    if (Files.exists(m.target()) && Files.mismatch(m.target(), m.staged()) == -1) {
                        continue;
                    }
                    Files.createDirectories(m.target().getParent());
                    if (m.rendered()) {
                        Renditions.make(m.mediaDir(), m.path(), m.staged());
                    }
                    Files.move(m.staged(), m.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    added.add(m.target());
                }
                save.run();
            } catch (IOException | RuntimeException e) {
                added.forEach(MediaStore::deleteQuietly);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }

        @Override
        public void close() {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private record Medium(Path mediaDir, String path, Path target, Path staged) {
        boolean rendered() {
            return !Renditions.display(path).equals(path);
        }
    }

    private static Staged unpack(String name, InputStream content, Path media, Path dir) {
        String folder = null;
        String yamlName = null;
        byte[] yaml = null;
        Map<String, Path> staged = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(content)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                if (entryName.startsWith("/") || entryName.contains("\\") || entryName.contains(":")
                        || Arrays.stream(entryName.split("/")).anyMatch(part -> part.equals("..") || part.startsWith("."))) {
                    throw new Refused(name + ": the entry '" + entryName + "' points outside the show's folder; nothing was imported");
                }
                String top = entryName.split("/")[0];
                if (folder == null) {
                    folder = top;
                } else if (!folder.equals(top) || !entryName.contains("/")) {
                    throw new Refused(name + ": every entry must be inside one folder (" + folder + "/), not '" + entryName + "'");
                }
                count++;
                if (entry.getSize() > MediaStore.MAX_MEDIA_BYTES) {
                    throw new TooLarge(tooLarge(name, entryName));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Path file = dir.resolve("entry-" + count);
                String hash;
                try {
                    hash = MediaStore.receive(entryName, zip, file, Math.min(MediaStore.MAX_MEDIA_BYTES, MAX_ARCHIVE_BYTES - total));
                } catch (MediaStore.TooLarge e) {
                    throw new TooLarge(total + MediaStore.MAX_MEDIA_BYTES >= MAX_ARCHIVE_BYTES ? name + " unpacks to more than "
                            + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB; nothing was imported" : tooLarge(name, entryName));
                }
                total += Files.size(file);
                if (yaml == null && entryName.matches("[^/]+/[^/]+\\.ya?ml")) {
                    if (Files.size(file) > MAX_SHOW_FILE_BYTES) {
                        throw new TooLarge(name + ": " + entryName + " is larger than " + MAX_SHOW_FILE_BYTES / (1024 * 1024) + " MB");
                    }
                    yaml = Files.readAllBytes(file);
                    yamlName = entryName;
                } else if (entryName.startsWith(folder + "/media/")) {
                    staged.put(entryName.substring((folder + "/media/").length()), file);
                    hashes.put(entryName, hash);
                }
            }
        } catch (IOException e) {
            throw new Refused(name + " is not a readable zip: " + e.getMessage());
        }
        if (folder == null) {
            throw new Refused(name + " is empty or not a zip");
        }
        if (yaml == null) {
            throw new Refused(name + " has no show file (" + folder + "/<id>.yaml)");
        }
        Show show = ShowFile.parse(name + "!" + yamlName, new String(yaml, StandardCharsets.UTF_8));
        List<Medium> checked = new ArrayList<>();
        for (Map.Entry<String, Path> e : staged.entrySet()) {
            String path = e.getKey();
            Path target = media.resolve(path).normalize();
            if (!target.startsWith(media) || target.equals(media)) {
                throw new Refused(name + ": media/" + path + " points outside media/");
            }
            requireKindMatchesName(name, path, e.getValue());
            try {
                if (Files.exists(target) && !replaceable(target, e.getValue(), hashes.get(folder + "/media/" + path))) {
                    throw new Refused(name + ": media/" + path + " already exists with other content; nothing was imported");
                }
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            checked.add(new Medium(media, path, target, e.getValue()));
        }
        return new Staged(show, checked, dir);
    }

    private static String tooLarge(String name, String entry) {
        return name + ": " + entry + " unpacks to more than " + MediaStore.MAX_MEDIA_BYTES / (1024 * 1024)
                + " MB, the limit for one medium; nothing was imported";
    }

    /**
     * True when the file already at {@code target} may give way to {@code incoming}: it is the same, or it is what an
     * interrupted write leaves (a cut-off start of the incoming file, or a content-named upload whose content no
     * longer matches its name). Any other difference is someone else's file and refuses the import.
     */
    private static boolean replaceable(Path target, Path incoming, String incomingHash) throws IOException {
        long existing = Files.size(target);
        long mismatch = Files.mismatch(target, incoming);
        if (mismatch == -1 || (mismatch == existing && existing < Files.size(incoming))) {
            return true;
        }
        String file = target.getFileName().toString();
        return file.matches("[0-9a-f]{20}\\.[a-z0-9]+") && incomingHash.startsWith(file.substring(0, 20));
    }

    /** A medium named like a kind Kuvert plays must be that kind by its content, as an upload must. */
    private static void requireKindMatchesName(String name, String path, Path file) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        String expected = switch (extension) {
            case "jpeg" -> "jpg";
            case "m4v" -> "mp4";
            default -> extension;
        };
        if (Arrays.stream(MediaStore.Kind.values()).noneMatch(k -> k.extension.equals(expected))) {
            return;
        }
        try {
            MediaStore.Kind kind = MediaStore.inspect(path, file);
            if (!kind.extension.equals(expected)) {
                throw new Refused(name + ": media/" + path + " is named ." + extension + " but its content is ." + kind.extension
                        + "; nothing was imported");
            }
        } catch (MediaStore.TooLarge e) {
            throw new TooLarge(name + ": " + e.getMessage() + "; nothing was imported");
        } catch (MediaStore.Refused e) {
            throw new Refused(name + ": " + e.getMessage().replace("Nothing was stored.", "Nothing was imported."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Staging folders older than a day are what a killed import left; they block nothing, but take space. */
    private static void removeStaleStaging(Path media) throws IOException {
        Instant old = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> dirs = Files.list(media)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(STAGING)).toList()) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(old)) {
                    deleteTree(dir);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(MediaStore::deleteQuietly);
        } catch (IOException ignored) {
            // a leftover staging folder is never served and blocks nothing
        }
    }
}
