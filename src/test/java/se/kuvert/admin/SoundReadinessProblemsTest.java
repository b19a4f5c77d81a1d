package se.kuvert.admin;

import org.junit.jupiter.api.Test;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundReadinessProblemsTest {
    private static List<String> problems(Show show) {
        return Readiness.check(show, path -> Files.isRegularFile(Path.of("media").resolve(path)),
                new Preflights.Status.NotRun()).stream().map(Readiness.Problem::what).toList();
    }

    @Test
    void a_sound_missing_from_media_is_a_problem_of_the_show() {
        Show show = ShowFile.parse("gala.yaml", """
                title: Gala
                sounds:
                  winner: sounds/fanfare.wav
                  envelope: sounds/missing-sting.wav
                awards: []
                runOfShow:
                  - kind: title
                    sound: sounds/nowhere.mp3
                """);
        List<String> problems = problems(show);
        assertTrue(problems.contains("A sound (sounds/missing-sting.wav) is missing from media/."), problems.toString());
        assertTrue(problems.contains("A sound (sounds/nowhere.mp3) is missing from media/."), problems.toString());
        assertEquals(2, problems.stream().filter(p -> p.startsWith("A sound")).count(), problems.toString());
    }

    @Test
    void the_demo_shows_sounds_are_all_there() {
        for (Show show : ShowFile.loadAll(Path.of("slides")).shows()) {
            assertTrue(problems(show).stream().noneMatch(p -> p.startsWith("A sound")), show.id());
        }
    }
}
