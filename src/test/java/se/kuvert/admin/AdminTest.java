package se.kuvert.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.config.Settings;
import se.kuvert.content.Award;
import se.kuvert.content.Show;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTest {
    @TempDir
    Path data;
    @TempDir
    Path media;
    private TestApp t;
    private String cookie;
    private String csrf;

    @BeforeEach
    void start() {
        t = TestApp.start(new Settings(0, TestApp.PIN, TestApp.TOKEN, "admin-secret", data, Path.of("slides"), media, null), "gala");
        cookie = t.adminCookie();
        csrf = t.csrf(cookie);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private HttpResponse<String> page(String path) {
        return t.send(HttpRequest.newBuilder(URI.create(t.url(path))).header("Cookie", cookie).GET().build());
    }

    private HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return postForm(path, form, cookie);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form, String withCookie) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(t.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCookie != null) {
            r.header("Cookie", withCookie);
        }
        return t.send(r.build());
    }

    private HttpResponse<String> upload(String filename, byte[] content) {
        return multipart("/admin/media", filename, content);
    }

    private HttpResponse<String> multipart(String path, String filename, byte[] content) {
        String boundary = "kuvertboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return t.send(HttpRequest.newBuilder(URI.create(t.url(path))).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xd4af37);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Show stored(String id) {
        return t.app.shows().find(id).orElseThrow();
    }

    private long mediaFiles() throws Exception {
        if (!Files.isDirectory(media.resolve("uploads"))) {
            return 0;
        }
        try (var files = Files.list(media.resolve("uploads"))) {
            return files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{20}\\.[a-z0-9]+")).count();
        }
    }

    @Test
    void the_admin_needs_the_password() {
        HttpResponse<String> anonymous = t.get("/admin");
        assertTrue(anonymous.body().contains("Admin password"));
        assertFalse(anonymous.body().contains("Testgalan"));
        assertEquals(401, postForm("/admin/shows", Map.of("title", "Intruder"), null).statusCode());
        assertTrue(t.app.shows().list().stream().noneMatch(s -> s.title().equals("Intruder")));
    }

    @Test
    void wrong_passwords_are_slowed_down() {
        int slowed = 0;
        for (int i = 0; i < 8; i++) {
            int status = postForm("/admin/login", Map.of("password", "guess" + i), null).statusCode();
            slowed += status == 429 ? 1 : 0;
        }
        assertEquals(3, slowed);
    }

    @Test
    void a_form_without_the_csrf_token_is_refused_and_changes_nothing() {
        HttpResponse<String> r = postForm("/admin/shows/gala", Map.of("title", "Hijacked"), cookie);
        assertEquals(403, r.statusCode());
        assertEquals("Testgalan", stored("gala").title());
        Map<String, String> wrong = Map.of("_csrf", "0".repeat(32), "title", "Hijacked");
        assertEquals(403, postForm("/admin/shows/gala", wrong, cookie).statusCode());
    }

    @Test
    void staff_build_a_ceremony_with_two_awards_and_three_nominees_each() throws Exception {
        HttpResponse<String> created = post("/admin/shows", "title", "Årets gala 2026");
        assertEquals(303, created.statusCode());
        String id = "arets-gala-2026";
        assertTrue(page("/admin/shows/" + id).body().contains("The show has no awards."));
        assertEquals(303, upload("emblem.png", png()).statusCode());
        String image = Files.list(media.resolve("uploads")).findFirst().map(p -> "uploads/" + p.getFileName()).orElseThrow();
        for (String award : new String[]{"Årets kommun", "Årets region"}) {
            post("/admin/shows/" + id + "/awards", "name", award);
        }
        for (Award added : stored(id).awards()) {
            for (String name : new String[]{"Alby", "Bby", "Cby"}) {
                assertEquals(303, post("/admin/shows/" + id + "/awards/" + added.id() + "/nominees", "name", name + " " + added.id(),
                        "image", image).statusCode());
            }
            Award award = stored(id).award(added.id()).orElseThrow();
            post("/admin/shows/" + id + "/awards/" + award.id(), "name", award.name(), "motivation", "Första stycket.\n\nAndra stycket.",
                    "jury", "Anna Andersson, ordförande\nBo Berg", "presenter", "Ministern", "prize", "Ett diplom");
            post("/admin/shows/" + id + "/awards/" + award.id() + "/winner", "winner", award.nominees().get(award.id().equals("arets-kommun") ? 1 : 2).id(),
                    "citation", "För gott arbete", "confirm", "yes");
        }
        Show show = stored(id);
        assertEquals(2, show.awards().size());
        assertEquals(3, show.awards().get(1).nominees().size());
        assertEquals("cby-arets-region", show.awards().get(1).winner());
        assertEquals(2, show.awards().get(0).motivation().size());
        assertEquals("Bo Berg", show.awards().get(0).jury().get(1).name());
        String editor = page("/admin/shows/" + id).body();
        assertFalse(editor.contains("id=\"ready\""), "not ready before it has been through preflight");
        assertTrue(editor.contains("has not been through preflight"), "readiness asks for the preflight");
        var checked = t.send(HttpRequest.newBuilder(URI.create(t.url("/admin/shows/" + id + "/preflight")))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"contentHash\":\"" + Preflights.hash(show) + "\",\"renders\":"
                        + Preflights.renders(show) + ",\"findings\":[]}")).build());
        assertEquals(200, checked.statusCode(), checked.body());
        editor = page("/admin/shows/" + id).body();
        assertTrue(editor.contains("id=\"ready\""), "reported ready once it passed preflight");
        assertTrue(editor.contains("••••••••"), "the winner is masked");
        Matcher winnerSelects = Pattern.compile("<select name=\"winner\">(.*?)</select>", Pattern.DOTALL).matcher(editor);
        int selects = 0;
        while (winnerSelects.find()) {
            assertFalse(winnerSelects.group(1).contains("selected"), "no winner is pre-selected in the form");
            selects++;
        }
        assertEquals(2, selects);
        assertTrue(page("/admin/shows/" + id + "/awards/arets-kommun/winner").body().contains("Bby arets-kommun"), "unmasked on purpose");
        post("/admin/shows/" + id + "/live");
        assertEquals(id, t.app.director().snapshot().state().showId());
    }

    @Test
    void rehearse_puts_a_stand_in_copy_on_screen_and_an_edit_during_the_rehearsal_does_not_swap_the_real_texts_in() {
        post("/admin/shows/gala/rehearse");
        var live = t.app.director().snapshot();
        assertTrue(live.state().rehearsal(), "Rehearse loads a rehearsal");
        assertTrue(page("/admin").body().contains("badge rehearsal"), "the shows list says it is a rehearsal");
        String secret = "A brand new motivation typed during the rehearsal";
        post("/admin/shows/gala/awards/main", "name", "Årets test", "motivation", secret);
        assertTrue(t.app.shows().find("gala").orElseThrow().award("main").orElseThrow().motivation().contains(secret),
                "the edit is saved");
        var edited = t.app.director().snapshot();
        assertTrue(edited.state().rehearsal(), "still a rehearsal after the edit");
        assertTrue(edited.show().award("main").orElseThrow().standIn() != null, "the live show is still the stand-in copy");
        assertFalse(edited.show().award("main").orElseThrow().motivation().contains(secret), "the edited text is not live");
        post("/admin/shows/gala/live");
        assertFalse(t.app.director().snapshot().state().rehearsal(), "Put on screen loads the real show");
    }

    @Test
    void while_a_show_is_rehearsed_its_editor_preview_unmask_and_export_keep_its_sealed_texts_from_the_staff_too() {
        Show real = stored("gala");
        post("/admin/shows/gala/rehearse");
        List<String> sealed = new java.util.ArrayList<>();
        real.awards().forEach(a -> sealed.addAll(se.kuvert.SealedWinnerTest.sealedTexts(a)));
        assertFalse(sealed.isEmpty());
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("the editor", page("/admin/shows/gala").body());
        se.kuvert.content.RunOfShow run = se.kuvert.content.RunOfShow.of(real);
        String standIn = se.kuvert.content.Texts.of(real).get("rehearsal.winner");
        List<String> winnerPreviews = new java.util.ArrayList<>();
        for (int slide = 0; slide < run.size(); slide++) {
            if (run.slide(slide) instanceof se.kuvert.content.Slide.Winner) {
                winnerPreviews.add("preview " + slide + "/0");
            }
            for (int step = 0; step < run.slide(slide).steps(); step++) {
                seen.put("preview " + slide + "/" + step, page("/admin/shows/gala/preview?slide=" + slide + "&step=" + step).body());
                seen.put("preview frame " + slide + "/" + step, page("/admin/shows/gala/preview?frame=1&slide=" + slide + "&step=" + step).body());
            }
        }
        HttpResponse<String> unmask = page("/admin/shows/gala/awards/main/winner");
        HttpResponse<String> export = page("/admin/shows/gala/export");
        assertEquals(409, unmask.statusCode(), "unmasking waits for the rehearsal to end");
        assertEquals(409, export.statusCode(), "exporting waits for the rehearsal to end");
        assertTrue(export.body().contains("rehearsal"), export.body());
        seen.put("unmask", unmask.body());
        seen.put("export", export.body());
        String winner = real.award("main").orElseThrow().winningNominee().orElseThrow().name();
        for (var each : seen.entrySet()) {
            for (String text : sealed) {
                assertFalse(each.getValue().contains(text), each.getKey() + " carries the real " + text);
            }
        }
        assertFalse(winnerPreviews.isEmpty());
        for (String preview : winnerPreviews) {
            assertTrue(seen.get(preview).contains(standIn), preview + " shows the stand-in");
            assertFalse(seen.get(preview).contains(winner), preview + " names the real winner");
        }
        assertFalse(seen.get("unmask").contains("<strong>" + winner + "</strong>"), "unmask names the winner");
        assertTrue(seen.get("the editor").contains("stays sealed while the rehearsal runs"), "the editor says why");

        post("/admin/shows/gala/awards/main", "name", "Årets test", "about", "Om priset");
        Award saved = stored("gala").award("main").orElseThrow();
        assertEquals("Årets test", saved.name(), "the texts the form shows are saved");
        assertEquals(real.award("main").orElseThrow().motivation(), saved.motivation(),
                "the motivation the form left out is kept as it was");

        post("/admin/shows/gala/live");
        assertTrue(page("/admin/shows/gala").body().contains(real.award("main").orElseThrow().motivation().get(0).substring(0, 20)),
                "after the rehearsal the editor shows the motivation again");
        assertEquals(200, page("/admin/shows/gala/export").statusCode());
    }

        @Test
    void setting_a_winner_needs_the_confirmation() {
        HttpResponse<String> r = post("/admin/shows/gala/awards/main/winner", "winner", "alby");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("confirmation"));
        assertEquals("bjorkby", stored("gala").awards().get(0).winner());
    }

    @Test
    void a_nominee_named_with_html_is_shown_as_text() {
        post("/admin/shows/gala/awards/main/nominees", "name", "<script>alert(1)</script>");
        String editor = page("/admin/shows/gala").body();
        assertFalse(editor.contains("<script>alert(1)</script>"));
        assertTrue(editor.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals("<script>alert(1)</script>", stored("gala").awards().get(0).nominees().get(3).name());
        post("/admin/shows/gala/awards/main/winner", "winner", stored("gala").awards().get(0).nominees().get(3).id(),
                "citation", "För gott arbete", "confirm", "yes");
        assertEquals("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>",
                page("/admin/shows/gala/awards/main/winner").body().strip(), "unmasked as text");
    }

    @Test
    void bad_uploads_are_refused_and_nothing_is_stored() throws Exception {
        HttpResponse<String> fakeJpeg = upload("photo.jpg", "this is not an image".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, fakeJpeg.statusCode());
        assertTrue(fakeJpeg.body().contains("its content was checked"), fakeJpeg.body());
        byte[] brokenJpeg = new byte[2000];
        brokenJpeg[0] = (byte) 0xFF;
        brokenJpeg[1] = (byte) 0xD8;
        brokenJpeg[2] = (byte) 0xFF;
        assertEquals(400, upload("broken.jpg", brokenJpeg).statusCode());
        HttpResponse<String> svg = upload("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, svg.statusCode());
        assertTrue(svg.body().contains("SVG"));
        byte[] huge = new byte[16 * 1024 * 1024];
        huge[0] = (byte) 0x89;
        System.arraycopy(new byte[]{'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, huge, 1, 7);
        HttpResponse<String> big = upload("huge.png", huge);
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("limit"), big.body());
        assertEquals(0, mediaFiles());
        assertEquals(303, upload("../../../etc/passwd.png", png()).statusCode());
        assertEquals(1, mediaFiles());
        assertFalse(Files.exists(media.resolve("../etc/passwd.png")));
        try (var files = Files.list(media.resolve("uploads"))) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{20}(\\.display|\\.thumb)?\\.png")));
        }
    }

    @Test
    void the_live_show_cannot_be_deleted_and_others_need_a_confirmation() {
        assertEquals(400, post("/admin/shows/gala/delete", "confirm", "yes").statusCode());
        assertEquals(400, post("/admin/shows/other/delete").statusCode());
        assertEquals(303, post("/admin/shows/other/delete", "confirm", "yes").statusCode());
        assertTrue(t.app.shows().find("other").isEmpty());
        assertTrue(t.app.shows().find("gala").isPresent());
    }

    @Test
    void duplicating_copies_the_whole_show_under_a_new_id() {
        assertEquals(303, post("/admin/shows/gala/duplicate").statusCode());
        Show copy = stored("gala-kopia");
        assertEquals(stored("gala").awards(), copy.awards());
    }

    @Test
    void a_refused_edit_says_why_and_keeps_the_stored_show() {
        HttpResponse<String> r = post("/admin/shows/gala/awards/main", "name", " ");
        assertEquals(400, r.statusCode());
        assertEquals("Årets kommun", stored("gala").awards().get(0).name());
    }

    @Test
    void a_show_exported_from_the_admin_imports_back_exactly() throws Exception {
        Show before = stored("other");
        HttpResponse<byte[]> export = t.http.send(HttpRequest.newBuilder(URI.create(t.url("/admin/shows/other/export")))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertEquals(400, post("/admin/import", "x", "y").statusCode(), "a form without a file is refused");
        assertEquals(400, multipart("/admin/import", "other.zip", export.body()).statusCode(), "the id exists already");
        assertEquals(303, post("/admin/shows/other/delete", "confirm", "yes").statusCode());
        assertEquals(303, multipart("/admin/import", "other.zip", export.body()).statusCode());
        assertEquals(before, stored("other"));
        HttpResponse<String> broken = multipart("/admin/import", "bad.yaml", "title: Bad\nawards:\n  - id: A B\n    name: x\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("bad.yaml line 3"), broken.body());
    }

    @Test
    void a_zip_with_a_two_gigabyte_entry_is_refused_with_413_while_it_is_read_and_memory_stays_low() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            zip.putNextEntry(new java.util.zip.ZipEntry("bomb/bomb.yaml"));
            zip.write("title: Bomb\nawards: []\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("bomb/media/uploads/big.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 2048; i++) {
                zip.write(zeros);
            }
        }
        HttpResponse<String> r = multipart("/admin/import", "bomb.zip", bomb.toByteArray());
        bomb = null;
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("big.bin unpacks to more than 200 MB"), r.body());
        assertFalse(t.app.shows().find("bomb").isPresent());
        try (var left = Files.list(media)) {
            assertEquals(List.of("uploads"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder is left");
        }
        System.gc();
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heap after the 2 GB entry: " + heap / (1024 * 1024) + " MB");
        assertTrue(heap < 256L * 1024 * 1024, heap / (1024 * 1024) + " MB");
    }

    @Test
    void a_file_over_the_upload_limit_of_the_server_gets_413_not_a_server_error() throws Exception {
        String boundary = "kuvertboundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.mp4\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long zeros = 215L * 1024 * 1024;
        java.io.InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(new byte[0]) {
                    private long left = zeros;

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left == 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 0);
                        left -= n;
                        return n;
                    }
                }, new java.io.ByteArrayInputStream(tail))));
        HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(t.url("/admin/media"))).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + zeros + tail.length)).build());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("larger than 210 MB"), r.body());
        assertEquals(0, mediaFiles());
    }

    @Test
    void a_refused_import_leaves_no_media_behind() throws Exception {
        byte[] wav = se.kuvert.media.Fixtures.bytes("tone.wav");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(archive)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("gala/gala.yaml"));
            zip.write("title: Gala again\nawards: []\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("gala/media/sounds/fanfare.wav"));
            zip.write(wav);
        }
        HttpResponse<String> r = multipart("/admin/import", "gala.zip", archive.toByteArray());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("exists already"), r.body());
        assertFalse(Files.exists(media.resolve("sounds/fanfare.wav")), "the refused import wrote no media");
        try (var left = Files.list(media)) {
            assertEquals(List.of("uploads"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void staff_change_the_run_of_show_with_their_own_slides_and_notes() {
        int derived = se.kuvert.content.RunOfShow.of(stored("other")).size();
        assertEquals(303, post("/admin/shows/other/run/customise").statusCode());
        assertEquals(derived, stored("other").runOfShow().size());
        assertEquals(303, post("/admin/shows/other/run/add", "kind", "text", "title", "Välkomna", "text", "Vi börjar strax.").statusCode());
        for (int i = derived + 1; i > 1; i--) {
            post("/admin/shows/other/run/" + i + "/move", "dir", "up");
        }
        post("/admin/shows/other/run/1/notes", "notes", "Vänta på applåden.");
        var run = stored("other").runOfShow();
        assertEquals("text", run.get(0).kind());
        assertEquals("Vänta på applåden.", run.get(0).notes());
        assertEquals("title", run.get(1).kind());
        assertEquals(400, post("/admin/shows/other/run/add", "kind", "fireworks").statusCode());
        assertEquals(400, post("/admin/shows/other/run/add", "kind", "image").statusCode(), "an image slide needs an image");
        assertEquals(derived + 1, stored("other").runOfShow().size(), "refused additions change nothing");
        post("/admin/shows/other/run/2/delete");
        assertEquals(derived, stored("other").runOfShow().size());
        t.control("{\"action\":\"load\",\"show\":\"other\"}");
        HttpResponse<String> phone = t.send(HttpRequest.newBuilder(URI.create(t.url("/presenter"))).header("Cookie", t.presenterCookie()).build());
        assertTrue(phone.body().contains("Vänta på applåden."), "the presenter sees the notes");
        assertEquals(303, post("/admin/shows/other/run/reset").statusCode());
        assertTrue(stored("other").runOfShow().isEmpty());
    }

    @Test
    void staff_set_the_colours_logo_and_partners_and_bad_colours_are_refused() {
        assertEquals(303, post("/admin/shows/gala/look", "background", "#102030", "text", "#ffffff", "accent", "#c0a030",
                "image", "emblems/sundsvall.svg", "partners", "Alfa AB\nBeta AB, emblems/vaxjo.svg\nGamma, uploads/missing.png\n").statusCode());
        Show show = stored("gala");
        assertEquals("#102030", show.theme().background());
        assertEquals("emblems/sundsvall.svg", show.theme().logo());
        assertEquals(3, show.partners().size());
        assertEquals("emblems/vaxjo.svg", show.partners().get(1).logo());
        assertTrue(page("/admin/shows/gala").body().contains("The logo of partner “Gamma” (uploads/missing.png) is missing"));
        HttpResponse<String> bad = post("/admin/shows/gala/look", "background", "red;}body{display:none", "partners", "");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("colour"), bad.body());
        assertEquals("#102030", stored("gala").theme().background());
        assertEquals(400, post("/admin/shows/gala/look", "image", "../../etc/passwd").statusCode());
    }

    @Test
    void uploads_are_cached_for_good_and_a_video_can_be_sought_into() throws Exception {
        byte[] mp4 = se.kuvert.media.Fixtures.bytes("black.mp4");
        assertEquals(303, upload("intro.mp4", mp4).statusCode());
        String path = Files.list(media.resolve("uploads")).findFirst().map(p -> "uploads/" + p.getFileName()).orElseThrow();
        assertTrue(path.endsWith(".mp4"));
        HttpResponse<byte[]> range = t.http.send(HttpRequest.newBuilder(URI.create(t.url("/media/" + path)))
                .header("Range", "bytes=1000-1009").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        Matcher contentRange = Pattern.compile("bytes 1000-(\\d+)/" + mp4.length).matcher(range.headers().firstValue("Content-Range").orElse(""));
        assertTrue(contentRange.matches(), range.headers().toString());
        assertEquals(Integer.parseInt(contentRange.group(1)) - 1000 + 1, range.body().length);
        assertEquals(mp4[1000], range.body()[0]);
        assertEquals(mp4[1009], range.body()[9]);
        assertTrue(range.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertTrue(t.get("/media/" + path).headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox;"),
                "a medium opened on its own runs no script");
        assertEquals(404, t.get("/media/../pom.xml").statusCode());
        assertEquals(404, t.get("/media/%2e%2e/pom.xml").statusCode());
        assertEquals(303, post("/admin/shows/gala/awards/main/nominees/alby", "name", "Alby kommun", "video", path).statusCode());
        assertEquals(path, stored("gala").awards().get(0).nominees().get(0).video());
    }

    @Test
    void an_uploaded_photo_gets_a_big_screen_copy_and_a_thumbnail_and_the_display_uses_the_copy() throws Exception {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);
        assertEquals(303, upload("stage.jpg", jpeg.toByteArray()).statusCode());
        String original;
        try (var files = Files.list(media.resolve("uploads"))) {
            original = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{20}\\.jpg")).findFirst().orElseThrow();
        }
        String hash = original.substring(0, 20);
        BufferedImage display = ImageIO.read(media.resolve("uploads/" + hash + ".display.jpg").toFile());
        BufferedImage thumb = ImageIO.read(media.resolve("uploads/" + hash + ".thumb.jpg").toFile());
        assertEquals(1440, display.getWidth());
        assertEquals(1080, display.getHeight());
        assertEquals(320, thumb.getWidth());
        assertEquals(240, thumb.getHeight());
        post("/admin/shows/gala/awards/main/nominees/alby", "name", "Alby kommun", "image", "uploads/" + original);
        t.control("{\"action\":\"goto\",\"slide\":2,\"step\":0}");
        String page = t.get("/display").body();
        assertTrue(page.contains("/media/uploads/" + hash + ".display.jpg"), "the big screen shows the scaled copy");
        assertFalse(page.contains("/media/uploads/" + original + "\""), "not the 4000-pixel original");
        assertTrue(page("/admin").body().contains("uploads/" + hash + ".thumb.jpg"), "the admin lists a thumbnail");
    }

    @Test
    void preview_renders_every_slide_without_touching_the_live_show() {
        long version = t.app.director().snapshot().state().version();
        HttpResponse<String> winner = page("/admin/shows/gala/preview?slide=4&step=0");
        assertEquals(200, winner.statusCode());
        assertTrue(winner.body().contains("data-kind=\"winner\""));
        assertTrue(winner.body().contains("Björkby kommun"));
        assertTrue(page("/admin/shows/gala/preview?slide=2&step=2").body().contains("Cedby &lt;b&gt;kommun&lt;/b&gt;"));
        assertEquals(version, t.app.director().snapshot().state().version());
    }

    @Test
    void an_edit_to_the_live_show_reaches_the_screen_when_its_slide_is_shown_again() {
        post("/admin/shows/gala/awards/main/nominees/alby", "name", "Alby stad");
        t.control("{\"action\":\"goto\",\"slide\":2,\"step\":0}");
        assertTrue(t.get("/display").body().contains("Alby stad"));
    }
}
