package se.kuvert.seal;

import org.junit.jupiter.api.Test;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowFile;
import se.kuvert.content.Nominee;
import se.kuvert.display.Preload;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sound says nothing about the winner: sealed or not, whoever wins, every slide sounds the same. */
class SealedSoundTest {
    private static List<String> cues(Show show, RunOfShow run) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            out.add(show.sound(i, run.slide(i).kind()));
        }
        return out;
    }

    private static Show winning(Show show, String nominee) {
        return show.withAwards(show.awards().stream().map(a -> new Award(a.id(), a.name(), a.about(), a.nominees(), nominee,
                a.citation(), a.recipients(), a.motivation(), a.jury(), a.presenter(), a.prize(), a.minutes())).toList());
    }

    @Test
    void the_public_show_sounds_as_the_real_one_and_the_same_whoever_wins() {
        for (Show real : ShowFile.loadAll(Path.of("slides")).shows()) {
            RunOfShow run = RunOfShow.of(real);
            PublicSnapshot sealed = PublicSnapshot.of(new Snapshot(LiveState.EMPTY, real, run, Set.of()));
            assertEquals(cues(real, run), cues(sealed.show(), sealed.run()), real.id());
            assertEquals(Preload.of(real), Preload.of(sealed.show()), real.id());
            for (Nominee n : real.awards().get(0).nominees()) {
                Show other = winning(real, n.id());
                assertEquals(cues(real, run), cues(other, RunOfShow.of(other)), real.id() + " won by " + n.id());
                assertEquals(Preload.sounds(real), Preload.sounds(other), real.id() + " won by " + n.id());
            }
        }
    }
}
