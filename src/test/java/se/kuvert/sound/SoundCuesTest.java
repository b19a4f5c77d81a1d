package se.kuvert.sound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SseRecorder;
import se.kuvert.TestApp;
import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.live.Command;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sound cues over real HTTP and SSE with the 2021 demo show: what is preloaded, what each slide sounds, stop and mute. */
class SoundCuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOW = "digitaliseringskommun-2021";
    private static final int ENVELOPE = 3;
    private static final int WINNER = 4;
    private static final List<String> SOUNDS = List.of("sounds/sting.wav", "sounds/fanfare.wav");

    @TempDir
    Path data;
    TestApp t;

    @BeforeEach
    void start() {
        t = TestApp.start(data, SHOW);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private List<String> preload() throws Exception {
        return List.of(JSON.readValue(t.get("/display/preload").body(), String[].class));
    }

    private static String slideSound(String html) {
        Matcher m = Pattern.compile("class=\"slide [^>]*?(data-sound=\"([^\"]*)\")?>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), html);
        return m.group(2);
    }

    private void go(int slide) {
        t.app.director().apply(new Command.Goto(slide, 0), null, "test");
    }

    @Test
    void the_preload_list_ends_with_the_shows_sounds_and_is_the_same_before_and_after_the_reveal() throws Exception {
        List<String> before = preload();
        assertEquals(SOUNDS, before.subList(before.size() - 2, before.size()), before.toString());
        go(WINNER);
        go(WINNER + 1);
        assertTrue(t.app.director().snapshot().revealed().contains("digitaliseringskommun"), "the winner was revealed");
        assertEquals(before, preload());
    }

    @Test
    void the_sounds_and_the_winner_slides_cue_are_the_same_whoever_wins() throws Exception {
        go(WINNER);
        String winnerCue = slideSound(t.get("/display").body());
        List<String> list = preload();
        Show show = t.app.shows().find(SHOW).orElseThrow();
        Award a = show.awards().get(0);
        t.app.shows().save(show.withAwards(List.of(new Award(a.id(), a.name(), a.about(), a.nominees(), "vaxjo",
                a.citation(), a.recipients(), a.motivation(), a.jury(), a.presenter(), a.prize(), a.minutes()))), "test");
        t.app.director().apply(new Command.Load(SHOW), null, "test");
        go(WINNER);
        assertEquals("sounds/fanfare.wav", winnerCue);
        assertEquals(winnerCue, slideSound(t.get("/display").body()));
        assertEquals(list, preload());
    }

    @Test
    void each_slide_carries_its_kinds_sound_and_the_others_none() throws Exception {
        assertEquals(null, slideSound(t.get("/display").body()), "the title slide has no sound");
        go(ENVELOPE);
        assertEquals("sounds/sting.wav", slideSound(t.get("/display").body()));
        try (SseRecorder stream = new SseRecorder(t.http, t.url("/events/display"), null)) {
            stream.next();
            go(WINNER);
            assertEquals("sounds/fanfare.wav", slideSound(stream.next().data()));
        }
    }

    @Test
    void only_the_audio_output_loads_the_sounds() {
        for (String path : List.of("/display", "/display?screen=main")) {
            String page = t.get(path).body();
            assertTrue(page.contains("data-audio=\"true\""), path);
            for (String sound : SOUNDS) {
                assertTrue(page.contains("<audio src=\"/media/" + sound + "\" preload=\"auto\" data-sound=\"" + sound + "\">"), path);
            }
        }
        for (String path : List.of("/display?screen=side", "/kiosk")) {
            String page = t.get(path).body();
            assertFalse(page.contains("<audio"), path);
            assertFalse(page.contains("data-audio=\"true\""), path);
        }
    }

    @Test
    void the_sound_files_are_served_with_ranges() {
        HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(t.url("/media/sounds/fanfare.wav")))
                .header("Range", "bytes=0-3").GET().build());
        assertEquals(206, r.statusCode());
        assertTrue(r.body().startsWith("RIFF"));
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void mute_sets_toggles_and_clears_and_stop_keeps_it_each_told_to_the_big_screen() throws Exception {
        long version = t.app.director().snapshot().state().version();
        try (SseRecorder stream = new SseRecorder(t.http, t.url("/events/display"), null)) {
            stream.next();
            HttpResponse<String> on = t.control("{\"action\":\"mute\",\"on\":true}");
            assertEquals(200, on.statusCode(), on.body());
            assertEquals("{\"muted\":true}", on.body());
            assertEquals(new SseRecorder.Event("sound", "{\"stop\":false,\"muted\":true}"), stream.next());
            assertEquals("{\"muted\":true}", t.get("/display/sound").body());
            assertTrue(t.get("/display").body().contains("data-muted=\"true\""));
            try (SseRecorder again = new SseRecorder(t.http, t.url("/events/display"), null)) {
                assertEquals(new SseRecorder.Event("sound", "{\"stop\":false,\"muted\":true}"), again.next(),
                        "a stream that opens while muted hears so before the stage");
                assertEquals("stage", again.next().name());
            }
            assertEquals("{\"muted\":true}", t.control("{\"action\":\"sound\",\"do\":\"stop\"}").body());
            assertEquals(new SseRecorder.Event("sound", "{\"stop\":true,\"muted\":true}"), stream.next());
            assertEquals("{\"muted\":false}", t.control("{\"action\":\"mute\"}").body(), "no 'on' toggles");
            assertEquals("{\"muted\":true}", t.control("{\"action\":\"mute\",\"on\":null}").body());
            assertEquals("{\"muted\":false}", t.control("{\"action\":\"mute\",\"on\":false}").body());
        }
        assertEquals(version, t.app.director().snapshot().state().version(), "sound commands are no step of the show");
    }

    @Test
    void bad_sound_commands_are_400_and_change_nothing() throws Exception {
        for (String body : List.of("{\"action\":\"sound\"}", "{\"action\":\"sound\",\"do\":\"play\"}",
                "{\"action\":\"sound\",\"do\":1}", "{\"action\":\"mute\",\"on\":\"yes\"}",
                "{\"action\":\"mute\",\"on\":true,\"volume\":3}")) {
            HttpResponse<String> r = t.control(body);
            assertEquals(400, r.statusCode(), body);
            assertTrue(JSON.readTree(r.body()).get("error").asText().length() > 10, r.body());
        }
        assertEquals("{\"muted\":false}", t.get("/display/sound").body());
    }

    @Test
    void sound_commands_need_a_presenter_or_the_token() throws Exception {
        for (String body : List.of("{\"action\":\"mute\",\"on\":true}", "{\"action\":\"sound\",\"do\":\"stop\"}")) {
            HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/control")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(401, r.statusCode(), body);
        }
        assertEquals("{\"muted\":false}", t.get("/display/sound").body());
        JsonNode answer = JSON.readTree(t.json("/api/control", t.presenterCookie(), "{\"action\":\"mute\",\"on\":true}").body());
        assertTrue(answer.get("muted").asBoolean(), "a presenter may mute");
    }
}
