package se.kuvert.content;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadsheetTest {
    private static final String BOM = "\uFEFF";

    /** As Excel with a Swedish locale saves "CSV UTF-8": a BOM, semicolons, CRLF, quotes around cells with line breaks. */
    private static final String EXCEL = BOM
            + "Pris;Nominerad;Text;Bild;Vinnare;Motivering;Minuter;Delas ut av\r\n"
            + "Årets kommun;Alby kommun;Nominerad för öppenhet;nominees/alby.jpg;;;6;Ministern\r\n"
            + "Årets kommun;Björkby kommun;Nominerad för mod;nominees/bjorkby.jpg;x;\"Björkby har gått före.\r\n\r\nPriset går till en kommun som vågar.\";;\r\n"
            + "Årets kommun;Cedby kommun;;;;;;\r\n"
            + ";;;;;;;\r\n"
            + "Årets förnyare;Dalby;\"Text med ; semikolon\";;ja;Dalby förnyar.;;\r\n";

    /** As LibreOffice Calc saves CSV by default: commas, LF, no BOM, English headers in any case. */
    private static final String LIBREOFFICE = "AWARD,Nominee,text,Image,Winner,About,Citation,Recipients,Prize\n"
            + "Årets kommun,Alby kommun,\"Öppen, modig\",nominees/alby.jpg,,Priset till årets kommun.,,,\n"
            + "Årets kommun,Björkby kommun,Modig,,TRUE,,för modigt ledarskap,Kommundirektören,En skulptur\n";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ShowFileException refused(String file, String text) {
        return assertThrows(ShowFileException.class, () -> Spreadsheet.read(file, utf8(text)));
    }

    @Test
    void a_csv_from_excel_with_swedish_headers_becomes_a_show_named_after_the_file() {
        Show show = Spreadsheet.read("Galan 2026.csv", utf8(EXCEL));
        assertEquals("galan-2026", show.id());
        assertEquals("Galan 2026", show.title());
        assertEquals(2, show.awards().size());
        Award main = show.awards().get(0);
        assertEquals("arets-kommun", main.id());
        assertEquals("Årets kommun", main.name());
        assertEquals(List.of("alby-kommun", "bjorkby-kommun", "cedby-kommun"), main.nominees().stream().map(Nominee::id).toList());
        assertEquals("bjorkby-kommun", main.winner());
        assertEquals("nominees/bjorkby.jpg", main.nominees().get(1).image());
        assertEquals("Nominerad för mod", main.nominees().get(1).text());
        assertNull(main.nominees().get(2).text());
        assertEquals(List.of("Björkby har gått före.", "Priset går till en kommun som vågar."), main.motivation());
        assertEquals(6, main.minutes());
        assertEquals("Ministern", main.presenter());
        Award second = show.awards().get(1);
        assertEquals("Text med ; semikolon", second.nominees().get(0).text());
        assertEquals("dalby", second.winner());
    }

    @Test
    void a_csv_from_libreoffice_with_commas_and_english_headers_reads_the_same_way() {
        Show show = Spreadsheet.read("gala.csv", utf8(LIBREOFFICE));
        Award award = show.awards().get(0);
        assertEquals("Öppen, modig", award.nominees().get(0).text());
        assertEquals("bjorkby-kommun", award.winner());
        assertEquals("Priset till årets kommun.", award.about());
        assertEquals("för modigt ledarskap", award.citation());
        assertEquals("Kommundirektören", award.recipients());
        assertEquals("En skulptur", award.prize());
        assertNull(award.minutes());
    }

    @Test
    void an_xlsx_with_numbers_and_a_ticked_box_reads_like_the_csv() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Nominerade");
            String[][] rows = {
                    {"Pris", "Nominerad", "Text", "Bild", "Vinnare", "Motivering"},
                    {"Årets kommun", "Alby kommun", "Öppen", "nominees/alby.jpg", null, null},
                    {"Årets kommun", "Björkby kommun", "Modig", null, null, "Första stycket.\n\nAndra stycket."},
            };
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.getRow(0).createCell(6).setCellValue("Minuter");
            sheet.getRow(1).createCell(4).setCellValue(false);
            sheet.getRow(2).createCell(4).setCellValue(true);
            sheet.getRow(1).createCell(6).setCellValue(8.0);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Show show = Spreadsheet.read("uploads/Galan.xlsx", xlsx);
        assertEquals("galan", show.id());
        Award award = show.awards().get(0);
        assertEquals("bjorkby-kommun", award.winner(), "an unticked box (FALSE) is no mark; a ticked one is");
        assertEquals(8, award.minutes());
        assertEquals(List.of("Första stycket.", "Andra stycket."), award.motivation());
        assertEquals("nominees/alby.jpg", award.nominees().get(0).image());
    }

    @Test
    void a_sheet_without_an_award_column_is_refused_naming_the_header_row() {
        ShowFileException e = refused("gala.csv", "nominee;text;winner\r\nAlby;;x\r\n");
        assertTrue(e.getMessage().startsWith("gala.csv row 1: no 'award' column"), e.getMessage());
    }

    @Test
    void two_winners_in_one_award_are_refused_naming_the_second_row_and_the_winner_column() {
        ShowFileException e = refused("gala.csv", "award;nominee;text;image;winner\r\nA;Alby;;;x\r\nA;Björkby;;;x\r\n");
        assertTrue(e.getMessage().startsWith("gala.csv row 3, column E (winner): award 'A' has a second winner; row 2"), e.getMessage());
    }

    @Test
    void an_award_with_no_winner_mark_is_refused_naming_its_first_row_and_the_winner_column() {
        ShowFileException e = refused("gala.csv", "award,nominee,winner\nA,Alby,x\nB,Björkby,\nB,Cedby,FALSE\n");
        assertTrue(e.getMessage().startsWith("gala.csv row 3, column C (winner): award 'B' has no winner"), e.getMessage());
    }

    @Test
    void an_image_outside_media_is_refused_naming_its_row_and_column() {
        ShowFileException e = refused("gala.csv", "award;nominee;text;image;winner\r\nA;Alby;;;x\r\nA;Björkby;;../../etc/passwd;\r\n");
        assertTrue(e.getMessage().startsWith("gala.csv row 3, column D (image): image must be a path inside media/"), e.getMessage());
    }

    @Test
    void other_mistakes_are_refused_with_file_row_and_column() {
        assertTrue(refused("g.csv", "award;nominee;winner;vinst typo\r\nA;B;x;1\r\n").getMessage()
                .startsWith("g.csv row 1, column D (vinst typo): unknown column 'vinst typo'"));
        assertTrue(refused("g.csv", "award;nominee;winner;minutes\r\nA;B;x;sex\r\n").getMessage()
                .startsWith("g.csv row 2, column D (minutes): minutes must be a whole number"));
        assertTrue(refused("g.csv", "award;nominee;winner\r\nA;;x\r\n").getMessage()
                .startsWith("g.csv row 2, column B (nominee): the nominee's name is missing"));
        assertTrue(refused("g.csv", "award;nominee;winner;prize\r\nA;B;x;Ett\r\nA;C;;Två\r\n").getMessage()
                .startsWith("g.csv row 3, column D (prize): award 'A' has another prize in row 2"));
        assertTrue(refused("g.csv", "award;nominee;winner\r\nA;B;x;stray\r\n").getMessage()
                .startsWith("g.csv row 2, column D: this column has no header"));
        byte[] latin1 = "award;nominee;winner\r\nÅrets;B;x\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(ShowFileException.class, () -> Spreadsheet.read("g.csv", latin1)).getMessage()
                .startsWith("g.csv row 1: the file is not UTF-8"));
        assertTrue(assertThrows(ShowFileException.class, () -> Spreadsheet.read("g.xlsx", utf8("award;nominee"))).getMessage()
                .startsWith("g.xlsx row 1: not an .xlsx workbook"));
    }

    @Test
    void the_example_in_the_docs_imports_as_the_demo_award() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "show-files.md"));
        int start = docs.indexOf("```csv\n") + "```csv\n".length();
        String csv = docs.substring(start, docs.indexOf("```", start));
        Award award = Spreadsheet.read("digitaliseringskommun-2021.csv", utf8(csv)).awards().get(0);
        Award demo = ShowFile.read(java.nio.file.Path.of("slides", "digitaliseringskommun-2021.yaml")).awards().get(0);
        assertEquals(demo.name(), award.name());
        assertEquals(demo.nominees().stream().map(Nominee::name).toList(), award.nominees().stream().map(Nominee::name).toList());
        assertEquals("sundsvalls-kommun", award.winner());
        assertEquals(demo.citation(), award.citation());
        assertEquals(demo.motivation().get(0), award.motivation().get(0));
        assertEquals(2, award.motivation().size());
    }
}
