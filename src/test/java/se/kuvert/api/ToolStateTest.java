package se.kuvert.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kuvert.TestShows;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.live.LiveState;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.screens.Screens;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tools' state is written field by field ({@link ToolState#json()}); it must read exactly as Jackson writes the record. */
class ToolStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T19:30:00Z");

    @Test
    void every_place_of_a_show_is_written_as_jackson_writes_the_record() throws Exception {
        Show show = TestShows.gala();
        RunOfShow run = RunOfShow.of(show);
        List<Screens.Report> screens = List.of(
                new Screens.Report("main", "display", true, NOW, 4L, 7, 3, 3, Screens.Health.GREEN, null, null),
                new Screens.Report("lectern \"<b>left</b>\"", "stage", false, NOW, null, 6, 1, 3, Screens.Health.RED,
                        "not heard from — 12 s", new Screens.Cause("silent", List.of(12L))));
        List<ShowRepository.Summary> shows = List.of(new ShowRepository.Summary("gala", "Testgalan"),
                new ShowRepository.Summary("é\"\\\n", "Åre <script>\u2028"));
        int places = 0;
        for (int slide = 0; slide < run.size(); slide++) {
            for (int step = 0; step < run.slide(slide).steps(); step++) {
                for (Set<String> revealed : List.of(Set.<String>of(), Set.of(show.awards().get(0).id()))) {
                    LiveState state = new LiveState("gala", slide, step, slide % 3 == 1, slide % 4 == 2, false, 40 + slide,
                            slide == 0 ? null : NOW, slide % 2 == 1);
                    Snapshot snapshot = new Snapshot(state, show, run, revealed);
                    ToolState tools = ToolState.of(snapshot, Segment.NONE.next(snapshot, NOW), ToolState.screens(screens), shows,
                            slide % 2 == 0 ? null : "Ljudbordet");
                    assertEquals(JSON.writeValueAsString(tools), tools.json(), "slide " + slide + ", step " + step);
                    Segment segment = Segment.NONE.next(snapshot, NOW);
                    String open = ToolState.of(snapshot, segment.openStart(), ToolState.screens(screens), shows,
                            slide % 2 == 0 ? null : "Ljudbordet").json();
                    assertEquals(segment.timed() ? 1 : 0, open.split(Segment.OPEN_START_WRITTEN, -1).length - 1,
                            "slide " + slide + ": the open start is written once when the segment's start is shown: " + open);
                    assertEquals(tools.json(), open.replace(Segment.OPEN_START_WRITTEN, segment.startWritten()),
                            "slide " + slide + ", step " + step + ": rendered with the start open, and the start written in");
                    places++;
                }
            }
        }
        assertEquals(true, places > run.size(), "every step of every slide was written: " + places);
    }

    @Test
    void no_show_loaded_is_written_as_jackson_writes_the_record() throws Exception {
        ToolState tools = ToolState.of(Snapshot.EMPTY, Segment.NONE, List.of(), List.of(), null);
        assertEquals(JSON.writeValueAsString(tools), tools.json());
    }
}
