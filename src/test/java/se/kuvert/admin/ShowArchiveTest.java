package se.kuvert.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import se.kuvert.OpenDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.config.Settings;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.content.ShowFileException;
import se.kuvert.content.ShowRepository;

import se.kuvert.media.Fixtures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowArchiveTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private static final Path MEDIA = Path.of("media");

    private static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static long files(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void export_then_import_gives_the_same_show_and_the_same_media(@TempDir Path elsewhere) throws Exception {
        Show show = ShowFile.read(Path.of("slides", "digitaliseringskommun-2017.yaml"));
        byte[] archive = ShowArchive.export(show, MEDIA);
        Show back = ShowArchive.importArchive("2017.zip", archive, elsewhere);
        assertEquals(show, back);
        for (String path : show.media()) {
            assertArrayEquals(Files.readAllBytes(MEDIA.resolve(path)), Files.readAllBytes(elsewhere.resolve(path)), path);
        }
    }

    @Test
    void entries_outside_the_shows_folder_are_refused_and_nothing_is_written(@TempDir Path media) throws Exception {
        String yaml = "title: X\nawards: []\n";
        for (byte[] evil : new byte[][]{
                zip("x/x.yaml", yaml, "x/media/../../../evil.txt", "pwned"),
                zip("x/x.yaml", yaml, "/etc/evil.txt", "pwned"),
                zip("x/x.yaml", yaml, "y/other.txt", "two folders")}) {
            assertThrows(ShowArchive.Refused.class, () -> ShowArchive.importArchive("evil.zip", evil, media));
        }
        assertEquals(0, files(media));
        assertFalse(Files.exists(media.resolve("../../evil.txt").normalize()));
    }

    @Test
    void a_broken_show_file_in_a_zip_names_the_file_and_line(@TempDir Path media) throws Exception {
        byte[] archive = zip("gala/gala.yaml", "title: Gala\nawards:\n  - id: a\n    name: A\n    winner: nobody\n",
                "gala/media/emblems/a.svg", "<svg/>");
        ShowFileException e = assertThrows(ShowFileException.class, () -> ShowArchive.importArchive("gala.zip", archive, media));
        assertTrue(e.getMessage().startsWith("gala.zip!gala/gala.yaml line 5:"), e.getMessage());
        assertEquals(0, files(media), "nothing is written for a refused archive");
    }

    @Test
    void a_medium_that_would_replace_a_different_file_refuses_the_import(@TempDir Path media) throws Exception {
        Files.createDirectories(media.resolve("emblems"));
        Files.writeString(media.resolve("emblems/a.svg"), "original");
        byte[] archive = zip("gala/gala.yaml", "title: Gala\nawards: []\n", "gala/media/emblems/a.svg", "replacement",
                "gala/media/emblems/b.svg", "new");
        assertThrows(ShowArchive.Refused.class, () -> ShowArchive.importArchive("gala.zip", archive, media));
        assertEquals("original", Files.readString(media.resolve("emblems/a.svg")));
        assertFalse(Files.exists(media.resolve("emblems/b.svg")));
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String contentName(byte[] content, String extension) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 20) + "." + extension;
    }

    @Test
    void what_an_import_killed_midway_left_behind_does_not_block_the_same_import(@TempDir Path media) throws Exception {
        byte[] wav = Fixtures.bytes("tone.wav");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>".getBytes(StandardCharsets.UTF_8);
        String upload = "uploads/" + contentName(wav, "wav");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("gala/gala.yaml", "title: Gala\nawards: []\n".getBytes(StandardCharsets.UTF_8));
        entries.put("gala/media/" + upload, wav);
        entries.put("gala/media/emblems/a.svg", svg);
        byte[] archive = zipBytes(entries);
        // An older Kuvert wrote media in place: a kill -9 left a file cut off, or one with a block never written.
        Files.createDirectories(media.resolve("uploads"));
        Files.createDirectories(media.resolve("emblems"));
        byte[] holed = wav.clone();
        Arrays.fill(holed, 100, 1000, (byte) 0);
        Files.write(media.resolve(upload), holed);
        Files.write(media.resolve("emblems/a.svg"), Arrays.copyOf(svg, 20));
        Path staging = Files.createDirectories(media.resolve(ShowArchive.STAGING + "killed"));
        Files.write(staging.resolve("entry-2"), Arrays.copyOf(wav, 300));

        Show show = ShowArchive.importArchive("gala.zip", archive, media);
        assertEquals("Gala", show.title());
        assertArrayEquals(wav, Files.readAllBytes(media.resolve(upload)));
        assertArrayEquals(svg, Files.readAllBytes(media.resolve("emblems/a.svg")));
        assertEquals(show, ShowArchive.importArchive("gala.zip", archive, media), "and again: the same import is idempotent");
    }

    @Test
    void an_import_killed_with_kill_9_while_it_writes_can_be_run_again(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path media = dir.resolve("media");
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("slides"));
        Files.writeString(dir.resolve("config/kuvert.yaml"), "dataDir: " + data + "\nmediaDir: " + media + "\nslidesDir: " + dir.resolve("slides") + "\n");
        Path archive = dir.resolve("gala.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("gala/gala.yaml"));
            zip.write("title: Gala\nawards: []\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("gala/media/films/long.bin"));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 190; i++) {
                Arrays.fill(block, (byte) i);
                zip.write(block);
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "se.kuvert.App", "import", archive.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            TestApp.await("the child to be writing the medium", 120, () -> !child.isAlive() || writing(media) > 20L * 1024 * 1024);
            assertTrue(child.isAlive(), "the import finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            child.waitFor();
        }
        assertFalse(Files.exists(media.resolve("films/long.bin")), "nothing half-written is in media/");

        Settings settings = Settings.load(dir.resolve("config/kuvert.yaml"), Map.of());
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        assertEquals(0, ShowCommands.run(settings, new String[]{"import", archive.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr)), stderr.toString());
        assertEquals(190L * 1024 * 1024, Files.size(media.resolve("films/long.bin")));
        assertTrue(new ShowRepository(databases.open(data)).find("gala").isPresent());
    }

    /** The size of the biggest file an import is unpacking into {@code media}'s staging folders. */
    private static long writing(Path media) {
        if (!Files.isDirectory(media)) {
            return 0;
        }
        try (var walk = Files.walk(media)) {
            return walk.filter(p -> p.toString().contains(ShowArchive.STAGING) && Files.isRegularFile(p))
                    .mapToLong(p -> p.toFile().length()).max().orElse(0);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a file vanished while walking; look again
        }
    }

    @Test
    void an_entry_that_declares_more_than_the_media_limit_is_refused_before_it_is_read(@TempDir Path media) throws Exception {
        byte[] name = "gala/media/film.bin".getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(30 + name.length + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0)
                .putInt(300 * 1024 * 1024).putInt(300 * 1024 * 1024).putShort((short) name.length).putShort((short) 0).put(name);
        ShowArchive.Refused e = assertThrows(ShowArchive.TooLarge.class,
                () -> ShowArchive.importArchive("film.zip", header.array(), media));
        assertTrue(e.getMessage().contains("film.bin unpacks to more than 200 MB"), e.getMessage());
        assertEquals(0, files(media));
    }

    @Test
    void a_medium_whose_content_is_not_what_its_name_says_refuses_the_import(@TempDir Path media) throws Exception {
        byte[] archive = zipBytes(Map.of("gala/gala.yaml", "title: Gala\nawards: []\n".getBytes(StandardCharsets.UTF_8),
                "gala/media/uploads/intro.mp4", "\0\0\0\u0018ftypmp42<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1)));
        ShowArchive.Refused e = assertThrows(ShowArchive.Refused.class, () -> ShowArchive.importArchive("gala.zip", archive, media));
        assertTrue(e.getMessage().contains("intro.mp4 starts like an MP4 video but is not one"), e.getMessage());
        assertEquals(0, files(media));
    }

    @Test
    void an_import_whose_show_cannot_be_saved_takes_its_media_back_out(@TempDir Path media) throws Exception {
        byte[] archive = zipBytes(Map.of("gala/gala.yaml", "title: Gala\nawards: []\n".getBytes(StandardCharsets.UTF_8),
                "gala/media/sounds/tone.wav", Fixtures.bytes("tone.wav")));
        try (ShowArchive.Staged staged = ShowArchive.stage("gala.zip", new ByteArrayInputStream(archive), media)) {
            assertThrows(IllegalStateException.class, () -> staged.install(() -> {
                throw new IllegalStateException("disk full");
            }));
        }
        assertEquals(0, files(media));
    }

    @Test
    void the_command_line_exports_and_imports_a_show(@TempDir Path data, @TempDir Path media, @TempDir Path out) throws Exception {
        Settings settings = new Settings(0, "1", "t", "a", data, Path.of("slides"), MEDIA, null);
        ShowRepository shows = new ShowRepository(databases.open(data));
        shows.importOnFirstStart(Path.of("slides"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Path zip = out.resolve("show.zip");
        assertEquals(0, ShowCommands.run(settings, new String[]{"export", "digitaliseringskommun-2021", zip.toString()},
                new PrintStream(stdout), new PrintStream(stderr)));
        assertEquals(1, ShowCommands.run(settings, new String[]{"import", zip.toString()}, new PrintStream(stdout), new PrintStream(stderr)),
                "the show exists already");
        assertTrue(stderr.toString().contains("exists already"));
        Path fresh = out.resolve("fresh");
        Settings other = new Settings(0, "1", "t", "a", fresh, Path.of("slides"), media, null);
        assertEquals(0, ShowCommands.run(other, new String[]{"import", zip.toString()}, new PrintStream(stdout), new PrintStream(stderr)));
        assertEquals(shows.find("digitaliseringskommun-2021").orElseThrow(),
                new ShowRepository(databases.open(fresh)).find("digitaliseringskommun-2021").orElseThrow());
        assertEquals(2, ShowCommands.run(settings, new String[]{"frobnicate"}, new PrintStream(stdout), new PrintStream(stderr)));
    }
}
