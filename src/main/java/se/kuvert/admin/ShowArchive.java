package se.kuvert.admin;

import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.content.Spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A show as one zip: {@code <id>/<id>.yaml} and {@code <id>/media/...} with every medium it uses. Importing checks
 * everything before writing anything: entries outside the show's folder, a broken show file, or a medium that
 * would replace a different file already in {@code media/} refuse the whole archive.
 */
public final class ShowArchive {
    static final long MAX_ARCHIVE_BYTES = 1024L * 1024 * 1024;

    private ShowArchive() {
    }

    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public static byte[] export(Show show, Path mediaDir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
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
        return bytes.toByteArray();
    }

    /** Reads a zip (or a bare show file or spreadsheet) and, when every check passes, writes its media; returns the show to store. */
    public static Show importArchive(String name, byte[] content, Path mediaDir) {
        if (Spreadsheet.handles(name)) {
            return Spreadsheet.read(name, content);
        }
        if (!name.toLowerCase().endsWith(".zip")) {
            return ShowFile.parse(name, new String(content, StandardCharsets.UTF_8));
        }
        Map<String, byte[]> files = unzip(name, content);
        String folder = files.keySet().iterator().next().split("/")[0];
        Map.Entry<String, byte[]> yaml = files.entrySet().stream()
                .filter(e -> e.getKey().matches("[^/]+/[^/]+\\.ya?ml"))
                .findFirst().orElseThrow(() -> new Refused(name + " has no show file (" + folder + "/<id>.yaml)"));
        Show show = ShowFile.parse(name + "!" + yaml.getKey(), new String(yaml.getValue(), StandardCharsets.UTF_8));
        Map<Path, byte[]> toWrite = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().startsWith(folder + "/media/") && !e.getKey().endsWith("/")) {
                String path = e.getKey().substring((folder + "/media/").length());
                Path target = mediaDir.resolve(path).normalize();
                if (!target.startsWith(mediaDir.normalize())) {
                    throw new Refused(name + ": " + e.getKey() + " points outside media/");
                }
                try {
                    if (Files.exists(target) && !Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                        throw new Refused(name + ": media/" + path + " already exists with other content; nothing was imported");
                    }
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                toWrite.put(target, e.getValue());
            }
        }
        try {
            for (Map.Entry<Path, byte[]> e : toWrite.entrySet()) {
                Files.createDirectories(e.getKey().getParent());
                if (!Files.exists(e.getKey())) {
                    Files.write(e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return show;
    }

    private static Map<String, byte[]> unzip(String name, byte[] content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String folder = null;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                if (entryName.startsWith("/") || entryName.contains("\\") || entryName.contains(":")
                        || Arrays.asList(entryName.split("/")).contains("..")) {
                    throw new Refused(name + ": the entry '" + entryName + "' points outside the show's folder; nothing was imported");
                }
                String top = entryName.split("/")[0];
                if (folder == null) {
                    folder = top;
                } else if (!folder.equals(top) || !entryName.contains("/")) {
                    throw new Refused(name + ": every entry must be inside one folder (" + folder + "/), not '" + entryName + "'");
                }
                byte[] data = zip.readAllBytes();
                total += data.length;
                if (total > MAX_ARCHIVE_BYTES) {
                    throw new Refused(name + " unpacks to more than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB");
                }
                files.put(entryName, data);
            }
        } catch (IOException e) {
            throw new Refused(name + " is not a readable zip: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new Refused(name + " is empty or not a zip");
        }
        return files;
    }
}
