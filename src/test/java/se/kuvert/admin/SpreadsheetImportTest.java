package se.kuvert.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import se.kuvert.OpenDatabases;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.config.Settings;
import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nominees from a spreadsheet through the admin's import form, its template, and {@code java -jar kuvert.jar import}. */
class SpreadsheetImportTest {
    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private static final String CSV = "\uFEFFPris;Nominerad;Text;Bild;Vinnare;Motivering\r\n"
            + "Årets kommun;Alby kommun;Öppen;nominees/alby.jpg;;\r\n"
            + "Årets kommun;Björkby kommun;Modig;;x;\"Första stycket.\r\n\r\nAndra stycket.\"\r\n";

    @Test
    void the_admin_imports_a_csv_from_excel_and_refuses_a_bad_one_saying_where(@TempDir Path data, @TempDir Path media) {
        try (TestApp t = TestApp.start(new Settings(0, TestApp.PIN, TestApp.TOKEN, "admin-secret", data, Path.of("slides"), media, null), null)) {
            String cookie = t.adminCookie();
            String csrf = t.csrf(cookie);
            HttpResponse<String> ok = t.upload("/admin/import", cookie, csrf, "Galan 2026.csv", CSV.getBytes(StandardCharsets.UTF_8));
            assertEquals(303, ok.statusCode(), ok.body());
            Show show = t.app.shows().find("galan-2026").orElseThrow();
            assertEquals("Galan 2026", show.title());
            Award award = show.awards().get(0);
            assertEquals("bjorkby-kommun", award.winner());
            assertEquals(2, award.motivation().size());

            int before = t.app.shows().list().size();
            byte[] twoWinners = (CSV + "Årets kommun;Cedby;;;x;\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = t.upload("/admin/import", cookie, csrf, "Andra galan.csv", twoWinners);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("Andra galan.csv row 4, column E (Vinnare)"), refused.body());
            assertEquals(before, t.app.shows().list().size(), "a refused import stores nothing");
        }
    }

    @Test
    void the_template_the_admin_offers_downloads_for_staff_and_imports_as_it_is(@TempDir Path data, @TempDir Path media) throws Exception {
        try (TestApp t = TestApp.start(new Settings(0, TestApp.PIN, TestApp.TOKEN, "admin-secret", data, Path.of("slides"), media, null), null)) {
            HttpResponse<byte[]> anonymous = t.http.send(HttpRequest.newBuilder(URI.create(t.url(AdminController.NOMINEES_TEMPLATE))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(303, anonymous.statusCode(), "only staff get it");
            String cookie = t.adminCookie();
            assertTrue(t.get("/admin", cookie).body().contains("href=\"" + AdminController.NOMINEES_TEMPLATE + "\""));
            HttpResponse<byte[]> template = t.http.send(HttpRequest.newBuilder(URI.create(t.url(AdminController.NOMINEES_TEMPLATE)))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, template.statusCode());
            assertTrue(template.headers().firstValue("Content-Disposition").orElseThrow().contains("nominees.csv"));
            Show show = Spreadsheet.read("nominees.csv", template.body());
            Award award = show.awards().get(0);
            assertEquals(2, award.nominees().size());
            assertEquals(award.nominees().get(1).id(), award.winner());
            assertEquals(6, award.minutes());
            assertEquals(2, award.motivation().size());
        }
    }

    @Test
    void the_command_line_imports_an_xlsx(@TempDir Path data, @TempDir Path media, @TempDir Path out) throws Exception {
        Path file = out.resolve("Vårgalan.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            String[][] rows = {{"award", "nominee", "winner"}, {"Årets förnyare", "Dalby", "x"}, {"Årets förnyare", "Eby", ""}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            try (var stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
        Settings settings = new Settings(0, "1", "t", "a", data, Path.of("slides"), media, null);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        assertEquals(0, ShowCommands.run(settings, new String[]{"import", file.toString()}, new PrintStream(stdout), new PrintStream(stderr)),
                stderr.toString());
        assertTrue(stdout.toString().contains("Imported vargalan (Vårgalan)"), stdout.toString());
        Show show = new ShowRepository(databases.open(data)).find("vargalan").orElseThrow();
        assertEquals("dalby", show.awards().get(0).winner());
        Path bad = out.resolve("bad.csv");
        Files.writeString(bad, "nominee;winner\nDalby;x\n");
        assertEquals(1, ShowCommands.run(settings, new String[]{"import", bad.toString()}, new PrintStream(stdout), new PrintStream(stderr)));
        assertTrue(stderr.toString().contains("bad.csv row 1: no 'award' column"), stderr.toString());
        assertFalse(new ShowRepository(databases.open(data)).find("bad").isPresent());
    }
}
