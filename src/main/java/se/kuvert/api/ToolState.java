package se.kuvert.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.kuvert.content.ShowRepository;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.presenter.PresenterView;
import se.kuvert.screens.Screens;

import java.util.List;

/**
 * One event of {@code GET /events/state}: the fields of {@code /api/state} and what a tool such as Companion shows on
 * its buttons — the slides' labels (which never name a winner before the reveal), the rundown to cue from, the
 * shows that can be loaded, each screen's health and who holds the operator console's lock ({@code lockedBy}, null
 * when nobody does). Nothing sealed: only what the presenter's phone already shows.
 */
public record ToolState(@JsonUnwrapped State state, String title, String award, Place now, Place next,
                        boolean nextReveals, Long startedAt, SegmentTime segment, List<Screen> screens, List<Cue> rundown,
                        List<ShowRepository.Summary> shows, String lockedBy) {

    /** A slide and step: "De nominerade", step 2 of 3 ({@code step} counts from 0), "Växjö kommun". */
    public record Place(int slide, int step, int steps, String kind, String label, String award, String detail) {
    }

    /** One slide of the rundown, for goto and for presets. */
    public record Cue(int slide, String kind, String label, int steps, boolean reveals) {
    }

    /** The award segment on screen: planned minutes and since when (epoch millis); time left is the tool's sum. */
    public record SegmentTime(String award, int minutes, long startedAt) {
    }

    public record Screen(String name, String kind, String health, String problem) {
    }

    static ToolState of(Snapshot snapshot, Segment segment, List<Screens.Report> reports,
                        List<ShowRepository.Summary> shows, String lockedBy) {
        PresenterView view = PresenterView.of(snapshot, shows);
        List<Screen> screens = reports.stream().map(r -> new Screen(r.name(), r.kind(), r.healthName(), r.problem())).toList();
        SegmentTime time = segment.minutes() == null ? null
                : new SegmentTime(segment.award().name(), segment.minutes(), segment.since().toEpochMilli());
        var award = snapshot.slide() == null ? null : snapshot.slide().award();
        return new ToolState(State.of(snapshot), view.showTitle(), award == null ? null : award.name(), place(view.now()),
                place(view.next()), view.nextRevealsWinner(), view.startedAtMillis(), time, screens,
                view.run().stream().map(r -> new Cue(r.index(), r.kind(), r.title(), r.steps(), r.reveals())).toList(),
                shows, lockedBy);
    }

    private static Place place(PresenterView.Place p) {
        return p == null ? null : new Place(p.slide(), p.step(), p.steps(), p.kind(), p.title(), p.award(), p.detail());
    }
}
