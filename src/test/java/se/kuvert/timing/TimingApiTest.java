package se.kuvert.timing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.GalaServerTest;
import se.kuvert.SealedWinnerTest;
import se.kuvert.TestApp;
import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/rehearsal} and the admin's Timing page over real HTTP. */
class TimingApiTest extends GalaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_report_needs_the_admin_or_the_api_token() {
        for (String path : List.of(TimingController.API, TimingController.CSV, TimingController.API + "?format=csv")) {
            assertEquals(401, t.get(path).statusCode(), path);
            assertEquals(401, t.get(path, t.presenterCookie()).statusCode(), path + " as presenter");
            assertEquals(401, withToken(path, "wrong-token").statusCode(), path + " with a wrong token");
            assertEquals(200, withToken(path, TestApp.TOKEN).statusCode(), path + " with the token");
            assertEquals(200, t.get(path, t.adminCookie()).statusCode(), path + " as admin");
        }
        var page = t.get(TimingController.PAGE);
        assertEquals(303, page.statusCode(), "the Timing page sends a stranger to the admin's login");
        assertEquals("/admin", page.headers().firstValue("Location").orElse(""));
    }

    @Test
    void the_csv_has_a_header_and_says_what_the_json_says() throws Exception {
        t.control("{\"action\":\"next\"}");
        t.control("{\"action\":\"next\"}");
        t.control("{\"action\":\"blackout\",\"on\":true}");
        t.control("{\"action\":\"load\",\"show\":\"gala\",\"rehearsal\":true}");
        t.control("{\"action\":\"goto\",\"slide\":4,\"step\":0}");
        t.control("{\"action\":\"goto\",\"slide\":9,\"step\":0}");
        t.control("{\"action\":\"load\",\"show\":\"other\"}");  // the runs before it end: their times stand still
        JsonNode runs = JSON.readTree(withToken(TimingController.API, TestApp.TOKEN).body()).get("runs");
        assertEquals(3, runs.size());
        HttpResponse<String> csv = withToken(TimingController.CSV, TestApp.TOKEN);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String ended = runs.get(2).get("id").asText();
        assertEquals(withToken(TimingController.CSV + "?run=" + ended, TestApp.TOKEN).body(),
                withToken(TimingController.API + "?format=csv&run=" + ended, TestApp.TOKEN).body());
        List<Map<String, String>> rows = parse(csv.body());

        int expectedRows = 0;
        for (JsonNode run : runs) {
            if (!run.get("running").asBoolean()) {
                String id = run.get("id").asText();
                List<Map<String, String>> own = rows.stream().filter(r -> r.get("run").equals(id)).toList();
                for (JsonNode slide : run.get("slides")) {
                    Map<String, String> row = own.stream().filter(r -> r.get("row").equals("slide")
                            && r.get("index").equals(slide.get("index").asText())).findFirst().orElseThrow();
                    assertEquals(slide.get("seconds").asDouble(), Double.parseDouble(row.get("actual_seconds")));
                    assertEquals(slide.get("coveredSeconds").asDouble(), Double.parseDouble(row.get("covered_seconds")));
                    assertEquals(slide.get("visits").asText(), row.get("visits"));
                    assertEquals(slide.get("label").asText(), row.get("name"));
                }
                for (JsonNode segment : run.get("segments")) {
                    Map<String, String> row = own.stream().filter(r -> r.get("row").equals("segment")
                            && r.get("award").equals(segment.get("award").asText())).findFirst().orElseThrow();
                    assertEquals(segment.get("actualSeconds").asDouble(), Double.parseDouble(row.get("actual_seconds")));
                    assertEquals(segment.get("name").asText(), row.get("name"));
                }
                Map<String, String> whole = own.stream().filter(r -> r.get("row").equals("run")).findFirst().orElseThrow();
                assertEquals(run.get("totals").get("durationSeconds").asDouble(), Double.parseDouble(whole.get("actual_seconds")));
                assertEquals(run.get("rehearsal").asText(), whole.get("rehearsal"));
                assertEquals(run.get("started").asText(), whole.get("started"));
                assertEquals(run.get("ended").asText(), whole.get("ended"));
            }
            expectedRows += run.get("slides").size() + run.get("segments").size() + 2;
        }
        assertEquals(expectedRows, rows.size());
        assertTrue(runs.get(1).get("rehearsal").asBoolean());
        assertFalse(runs.get(2).get("rehearsal").asBoolean());
        assertEquals(runs.get(1).get("started").asText(), runs.get(2).get("ended").asText());
    }

    @Test
    void one_run_by_its_id_and_a_clear_error_for_a_run_that_is_not_there() throws Exception {
        JsonNode runs = JSON.readTree(withToken(TimingController.API, TestApp.TOKEN).body()).get("runs");
        String id = runs.get(0).get("id").asText();
        JsonNode one = JSON.readTree(withToken(TimingController.API + "?run=" + id, TestApp.TOKEN).body());
        assertEquals("gala", one.get("show").asText());
        assertEquals("Testgalan", one.get("title").asText());
        assertTrue(one.get("running").asBoolean());
        HttpResponse<String> csv = withToken(TimingController.CSV + "?run=" + id, TestApp.TOKEN);
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("kuvert-timing-run-" + id + ".csv"));
        for (String bad : List.of("999", "abc")) {
            HttpResponse<String> r = withToken(TimingController.API + "?run=" + bad, TestApp.TOKEN);
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("there is no run '" + bad + "'"), r.body());
        }
    }

    @Test
    void the_report_of_a_rehearsed_or_live_demo_ceremony_never_names_a_winner_nominee_or_sealed_text_at_any_step() throws Exception {
        for (String load : List.of("digitaliseringskommun-2021/rehearsal", "digitaliseringskommun-2021",
                "digitaliseringskommun-2017/rehearsal", "digitaliseringskommun-2017")) {
            String id = load.split("/")[0];
            boolean rehearsal = load.endsWith("/rehearsal");
            Show show = t.app.shows().find(id).orElseThrow();
            List<String> secret = new ArrayList<>();
            for (Award award : show.awards()) {
                secret.addAll(SealedWinnerTest.sealedTexts(award));
                award.nominees().stream().map(Nominee::name).forEach(secret::add);
            }
            assertEquals(200, t.control("{\"action\":\"load\",\"show\":\"" + id + "\",\"rehearsal\":" + rehearsal + "}")
                    .statusCode(), load);
            long last = -1;
            for (int step = 0; step < 500; step++) {
                String json = withToken(TimingController.API, TestApp.TOKEN).body();
                String csv = withToken(TimingController.CSV, TestApp.TOKEN).body();
                for (String text : secret) {
                    assertFalse(json.contains(text) || json.contains(SealedWinnerTest.escape(text)), id + " JSON names " + text);
                    assertFalse(csv.contains(text), id + " CSV names " + text);
                }
                long version = JSON.readTree(t.control("{\"action\":\"next\"}").body()).get("version").asLong();
                if (version == last) {
                    break;
                }
                last = version;
            }
            String admin = t.get(TimingController.PAGE, t.adminCookie()).body();
            for (String text : secret) {
                assertFalse(admin.contains(SealedWinnerTest.escape(text)), id + " Timing page names " + text);
            }
        }
    }

    @Test
    void the_admin_page_has_a_table_per_run_and_compares_a_rehearsal_with_the_live_run() throws Exception {
        String admin = t.adminCookie();
        assertTrue(t.get("/admin", admin).body().contains("href=\"/admin/timing\""), "the admin's nav links to Timing");
        t.control("{\"action\":\"load\",\"show\":\"gala\",\"rehearsal\":true}");
        t.control("{\"action\":\"next\"}");
        t.control("{\"action\":\"load\",\"show\":\"gala\"}");
        t.control("{\"action\":\"next\"}");
        t.control("{\"action\":\"next\"}");
        JsonNode runs = JSON.readTree(t.get(TimingController.API, admin).body()).get("runs");
        String live = runs.get(0).get("id").asText();
        String rehearsal = runs.get(1).get("id").asText();

        String page = t.get(TimingController.PAGE, admin).body();
        for (JsonNode run : runs) {
            assertTrue(page.contains("id=\"run-" + run.get("id").asText() + "\""), "a section for run " + run.get("id"));
            assertTrue(page.contains("href=\"/api/rehearsal.csv?run=" + run.get("id").asText() + "\""));
        }
        assertTrue(page.contains("<option value=\"" + live + "\" selected>"), "B is the newest run by default");
        assertTrue(page.contains("<option value=\"" + rehearsal + "\" selected>"), "A is the run before it");
        String liveSection = section(page, "run-" + live);
        assertEquals(1, count(liveSection, "<tr class=\"segment\">"));
        assertEquals(3, count(liveSection, "<tr class=\"slide-time\">"));     // title, award, nominees
        assertTrue(liveSection.contains("Nominerade · Årets kommun"), liveSection);
        assertTrue(liveSection.contains("class=\"timing-bar actual"), "a bar per segment");
        assertTrue(liveSection.contains("class=\"timing-bar planned\" style=\"width: 100.0%\""),
                "the planned six minutes are the longest bar: " + liveSection);
        assertTrue(section(page, "run-" + rehearsal).contains("badge rehearsal"));

        HttpResponse<String> compared = t.get(TimingController.PAGE + "?a=" + rehearsal + "&b=" + live, admin);
        assertEquals(200, compared.statusCode());
        String table = compared.body().substring(compared.body().indexOf("id=\"comparison\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertTrue(table.contains("A: Rehearsal #" + rehearsal), table);
        assertTrue(table.contains("B: Live #" + live), table);
        assertTrue(table.contains("Årets kommun") && table.contains("Whole run"), table);
        assertTrue(table.contains("Difference (B − A)"), table);

        HttpResponse<String> bad = t.get(TimingController.PAGE + "?a=" + rehearsal + "&b=999", admin);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Choose two runs to compare."));
    }

    private HttpResponse<String> withToken(String path, String token) {
        return t.send(HttpRequest.newBuilder(URI.create(t.url(path))).header("Authorization", "Bearer " + token).GET().build());
    }

    private static String section(String page, String id) {
        String from = page.substring(page.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</section>"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<Map<String, String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertEquals(0, field.length() + fields.size(), "the CSV ends with a line break");
        List<String> header = lines.get(0);
        assertEquals(List.of(TimingCsv.HEADER.split(",")), header);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertEquals(header.size(), line.size(), "fields in " + line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
