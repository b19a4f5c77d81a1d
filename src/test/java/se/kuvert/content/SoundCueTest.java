package se.kuvert.content;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundCueTest {
    private static final String HEAD = """
            title: Gala
            awards:
              - id: main
                name: Huvudpriset
                winner: a
                nominees:
                  - id: a
                    name: A
                  - id: b
                    name: B
            """;
    private static final String DEFAULTS = """
            sounds:
              winner: sounds/fanfare.wav
              envelope: sounds/sting.ogg
            """;

    /** kind=sound of every slide of the show's run, "-" for silence. */
    private static List<String> cues(Show show) {
        RunOfShow run = RunOfShow.of(show);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            String sound = show.sound(i, run.slide(i).kind());
            out.add(run.slide(i).kind() + "=" + (sound == null ? "-" : sound));
        }
        return out;
    }

    private static ShowFileException refused(String yaml) {
        return assertThrows(ShowFileException.class, () -> ShowFile.parse("slides/bad.yaml", yaml));
    }

    @Test
    void show_wide_sounds_play_on_every_slide_of_their_kind_in_the_derived_run() {
        Show show = ShowFile.parse("gala.yaml", HEAD + DEFAULTS);
        assertEquals(List.of("title=-", "award=-", "nominees=-", "envelope=sounds/sting.ogg", "winner=sounds/fanfare.wav",
                "closing=-"), cues(show));
        assertEquals(List.of("sounds/sting.ogg", "sounds/fanfare.wav"), show.soundFiles());
    }

    @Test
    void a_slides_own_sound_wins_over_its_kind_and_none_or_null_silences_it() {
        Show show = ShowFile.parse("gala.yaml", HEAD + DEFAULTS + """
                runOfShow:
                  - kind: title
                    sound: sounds/opening.mp3
                  - kind: envelope
                    award: main
                    sound: none
                  - kind: winner
                    award: main
                    sound: sounds/drums.WAV
                  - kind: envelope
                    award: main
                    sound: null
                  - kind: winner
                    award: main
                  - kind: closing
                    sound:
                """);
        assertEquals(List.of("title=sounds/opening.mp3", "envelope=-", "winner=sounds/drums.WAV", "envelope=-",
                "winner=sounds/fanfare.wav", "closing=-"), cues(show));
        assertEquals(List.of("sounds/sting.ogg", "sounds/fanfare.wav", "sounds/opening.mp3", "sounds/drums.WAV"),
                show.soundFiles());
        assertTrue(show.media().containsAll(show.soundFiles()), "the sounds are media of the show (export, preload)");
    }

    @Test
    void sounds_survive_write_then_read() {
        Show show = ShowFile.parse("gala.yaml", HEAD + DEFAULTS + "runOfShow:\n  - kind: title\n    sound: none\n"
                + "  - kind: winner\n    award: main\n    sound: sounds/drums.wav\n");
        String written = ShowFile.write(show);
        assertEquals(show, ShowFile.parse("gala.yaml", written), written);
        assertTrue(written.contains("sound: none"), written);
        assertNull(ShowFile.parse("gala.yaml", ShowFile.write(ShowFile.parse("gala.yaml", HEAD))).sound(0, "title"));
        assertTrue(!ShowFile.write(ShowFile.parse("gala.yaml", HEAD)).contains("sounds"), "no empty sounds: in a written show");
    }

    @Test
    void a_sound_that_is_not_audio_is_refused_with_its_file_line_and_field() {
        ShowFileException slide = refused(HEAD + "runOfShow:\n  - kind: title\n    sound: emblems/logo.svg\n");
        assertEquals(13, slide.line());
        assertEquals("slides/bad.yaml line 13: sound must be an MP3, Ogg or WAV file below media/ (or 'none'), "
                + "not 'emblems/logo.svg'", slide.getMessage());
        ShowFileException kind = refused(HEAD + "sounds:\n  winner: film/intro.mp4\n");
        assertEquals(12, kind.line());
        assertTrue(kind.getMessage().contains("winner must be an MP3, Ogg or WAV file"), kind.getMessage());
    }

    @Test
    void a_sound_path_outside_media_is_refused_with_its_line() {
        for (String path : List.of("../secret.wav", "/etc/x.wav", "C:x.wav")) {
            ShowFileException e = refused(HEAD + "runOfShow:\n  - kind: title\n    sound: \"" + path + "\"\n");
            assertEquals(13, e.line(), path);
            assertTrue(e.getMessage().contains("sound must be a path inside media/"), e.getMessage());
        }
    }

    @Test
    void sounds_are_keyed_by_slide_kind_and_an_unknown_kind_is_refused_with_its_line() {
        ShowFileException e = refused(HEAD + "sounds:\n  winner: sounds/a.wav\n  upplands-bro: sounds/b.wav\n");
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("unknown key 'upplands-bro' in 'sounds' (slide kinds)"), e.getMessage());
        ShowFileException list = refused(HEAD + "sounds:\n  - sounds/a.wav\n");
        assertEquals(11, list.line());
        assertTrue(list.getMessage().contains("'sounds' (a sound for each slide kind"), list.getMessage());
    }

    @Test
    void the_demo_shows_sound_a_sting_on_the_envelope_and_a_fanfare_on_the_winner() {
        for (Show show : ShowFile.loadAll(Path.of("slides")).shows()) {
            List<String> cues = cues(show);
            assertTrue(cues.contains("envelope=sounds/sting.wav"), show.id() + ": " + cues);
            assertTrue(cues.contains("winner=sounds/fanfare.wav"), show.id() + ": " + cues);
            assertEquals(2, cues.stream().filter(c -> !c.endsWith("=-")).count(), show.id() + ": " + cues);
        }
    }
}
