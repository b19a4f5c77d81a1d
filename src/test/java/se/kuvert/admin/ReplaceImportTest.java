package se.kuvert.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.TestShows;
import se.kuvert.config.Settings;
import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.live.Snapshot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing a show whose id exists: refused unless asked to replace; the live show keeps its place and its reveals. */
class ReplaceImportTest {
    private static final String LONG = "Juryn vill lyfta fram ett arbete som har pågått i många år och som har engagerat "
            + "medarbetare i alla förvaltningar, politiker i alla partier och invånare i alla delar av kommunen, och som "
            + "visar att digital omställning är ett ledarskap och inte ett tekniskt projekt.";

    /** The gala with another prize and a long motivation paragraph, as staff edit an exported show file. */
    private static Show edited() {
        Show gala = TestShows.gala();
        Award a = gala.awards().get(0);
        Award award = new Award(a.id(), a.name(), a.about(), a.nominees(), a.winner(), a.citation(), a.recipients(),
                List.of(a.motivation().get(0), LONG), a.jury(), a.presenter(), "Ett diplom", a.minutes());
        return new Show(gala.id(), gala.title(), gala.subtitle(), gala.date(), gala.venue(), gala.language(), gala.theme(),
                List.of(award), gala.partners(), gala.closing(), gala.runOfShow(), gala.loop());
    }

    private static Settings settings(Path data, Path media) {
        return new Settings(0, TestApp.PIN, TestApp.TOKEN, "admin-secret", data, Path.of("slides"), media, null);
    }

    /** The live gala after the room has seen the winner, on the motivation's second paragraph. */
    private static void revealAndRead(TestApp t) {
        assertEquals(200, t.control("{\"action\":\"goto\",\"slide\":4}").statusCode());
        assertEquals(200, t.control("{\"action\":\"goto\",\"slide\":5,\"step\":1}").statusCode());
        assertEquals(Set.of("main"), t.app.director().snapshot().revealed());
    }

    @Test
    void the_yaml_export_keeps_long_lines_whole_and_reads_back_equal() {
        String yaml = ShowFile.write(edited());
        assertTrue(yaml.lines().anyMatch(line -> line.contains(LONG)), yaml);
        assertEquals(edited(), ShowFile.parse("gala.yaml", yaml));
    }

    @Test
    void the_admin_replaces_the_live_show_only_when_asked_keeping_its_place_and_what_the_room_has_seen(@TempDir Path data,
                                                                                                       @TempDir Path media) {
        try (TestApp t = TestApp.start(settings(data, media), "gala")) {
            revealAndRead(t);
            String cookie = t.adminCookie();
            String csrf = t.csrf(cookie);
            byte[] file = ShowFile.write(edited()).getBytes(StandardCharsets.UTF_8);
            var refused = t.upload("/admin/import", cookie, csrf, "gala.yaml", file);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("exists already"), refused.body());
            assertEquals(TestShows.gala(), t.app.shows().find("gala").orElseThrow(), "a refused import changes nothing");

            var replaced = t.upload("/admin/import", cookie, csrf, "gala.yaml", file, "replace", "yes");
            assertEquals(303, replaced.statusCode(), replaced.body());
            assertEquals(edited(), t.app.shows().find("gala").orElseThrow());
            Snapshot live = t.app.director().snapshot();
            assertEquals(5, live.state().slide());
            assertEquals(1, live.state().step());
            assertEquals(Set.of("main"), live.revealed());
            assertEquals("Ett diplom", live.show().awards().get(0).prize(), "the big screen has the new version at once");
        }
    }

    @Test
    void the_command_line_replaces_with_replace_and_exports_into_the_data_folder(@TempDir Path data, @TempDir Path media,
                                                                                 @TempDir Path out) throws Exception {
        Settings settings = settings(data, media);
        try (TestApp t = TestApp.start(settings, "gala")) {
            revealAndRead(t);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        assertEquals(0, ShowCommands.run(settings, new String[]{"export", "gala"}, o, e), stderr.toString());
        assertTrue(Files.exists(data.resolve("gala.zip")), "without a file the export goes into the data folder");
        assertTrue(stdout.toString().contains(data.resolve("gala.zip").toAbsolutePath().normalize().toString()), stdout.toString());

        Path file = out.resolve("gala.yaml");
        Files.writeString(file, ShowFile.write(edited()));
        assertEquals(1, ShowCommands.run(settings, new String[]{"import", file.toString()}, o, e));
        assertTrue(stderr.toString().contains("Add --replace"), stderr.toString());
        assertEquals(0, ShowCommands.run(settings, new String[]{"import", "--replace", file.toString()}, o, e), stderr.toString());
        assertTrue(stdout.toString().contains("Replaced gala"), stdout.toString());

        try (TestApp again = TestApp.restart(settings)) {
            assertEquals(edited(), again.app.shows().find("gala").orElseThrow());
            Snapshot live = again.app.director().snapshot();
            assertEquals(5, live.state().slide());
            assertEquals(1, live.state().step());
            assertEquals(Set.of("main"), live.revealed(), "what the room has seen stays seen");
            assertFalse(live.show().awards().get(0).motivation().isEmpty());
        }
    }
}
