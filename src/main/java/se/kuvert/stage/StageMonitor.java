package se.kuvert.stage;

import se.kuvert.content.Award;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.presenter.PresenterView;

/**
 * What the stage monitor shows at one moment: the audience's screen now and the next one, both as the display
 * renders them ({@code nextHtml} is null at the end, or when the next slide shows a winner the room has not seen
 * yet: then {@code nextSealed}), the read-aloud text and notes (from {@link PresenterView}), and the segment
 * countdown when the award has planned minutes.
 */
public record StageMonitor(PresenterView view, String nowHtml, String nextHtml, boolean nextSealed, String segmentName,
                           Integer segmentMinutes, Long segmentStartedMillis, se.kuvert.content.Theme theme) {

    /** True when that slide would show a winner the room has not seen: the monitor shows only that it is sealed. */
    public static boolean withheld(PublicSnapshot upcoming) {
        Award award = upcoming.slide().sealedAward();
        return award != null && !upcoming.isRevealed(award.id());
    }

    public long version() {
        return view.version();
    }

    /** The read-aloud lines up to the one on screen: a motivation appears paragraph by paragraph, as on the big screen. */
    public java.util.List<PresenterView.Line> readAloud() {
        var lines = view.script();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).current()) {
                return lines.subList(0, i + 1);
            }
        }
        return lines;
    }
}
