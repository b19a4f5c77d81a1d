package se.kuvert.operator;

import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.content.Texts;
import se.kuvert.content.Theme;
import se.kuvert.live.LiveState;
import se.kuvert.live.LogEntry;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.presenter.SlideLabels;
import se.kuvert.seal.PublicSnapshot;
import se.kuvert.stage.StageMonitor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator console shows at one moment, the same for every console: the program (the big screen's own
 * markup of what it shows now), the preview (the next step, rendered the same way, or a sealed box naming the award
 * when that step would show a winner the room has not seen), the whole rundown, the control log, the lock and the
 * segment timer. Both pictures come from {@link PublicSnapshot}, so no winner reaches a console before the room.
 */
public record OperatorView(
        String showId,
        String showTitle,
        long version,
        boolean blackout,
        boolean logo,
        boolean loop,
        boolean rehearsal,
        Long startedAtMillis,
        String programHtml,
        String previewHtml,
        String sealedAward,
        int nextSlide,
        boolean atEnd,
        boolean nextRevealsWinner,
        List<Row> rundown,
        List<LogLine> log,
        String lockLabel,
        String lockSession,
        String segmentName,
        Integer segmentMinutes,
        Long segmentStartedMillis,
        Theme theme,
        Texts texts) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One slide of the rundown with its steps; {@code reveals}: jumping there shows a winner the room has not seen. */
    public record Row(int index, String kind, String title, String award, List<Step> steps, boolean current, boolean done,
                      boolean reveals) {
    }

    public record Step(int index, String label, boolean current) {
    }

    /** One line of the control log: when, who, what, and where it took the show. */
    public record LogLine(String at, String who, String action, String outcome, String where) {
    }

    /** True when the preview is the sealed box: the next step would show a winner the room has not seen. */
    public boolean previewSealed() {
        return sealedAward != null;
    }

    public boolean locked() {
        return lockLabel != null;
    }

    /**
     * {@code render} turns what the room may see at a place into the big screen's stage markup; {@code log} is the
     * newest control log entries, newest first.
     */
    static OperatorView of(Snapshot snapshot, java.util.function.Function<PublicSnapshot, String> render, List<LogEntry> log,
                           ControlLock lock, Segment segment) {
        LiveState s = snapshot.state();
        Show show = snapshot.show();
        Texts t = Texts.of(show);
        String lockLabel = lock.label(t);
        String lockSession = lock.holder().map(ControlLock.Holder::sessionId).orElse("");
        List<LogLine> lines = log.stream().map(e -> line(e, t)).toList();
        String program = render.apply(PublicSnapshot.of(snapshot));
        if (show == null) {
            return new OperatorView(null, null, s.version(), s.blackout(), s.logo(), false, false, null, program, null, null, 0,
                    true, false, List.of(), lines, lockLabel, lockSession, null, null, null, Theme.DEFAULT, t);
        }
        boolean atEnd = snapshot.nextSlide() == null;
        PublicSnapshot upcoming = atEnd ? null : PublicSnapshot.at(snapshot, snapshot.nextPlace());
        boolean sealed = upcoming != null && StageMonitor.withheld(upcoming);
        String preview = upcoming == null || sealed ? null : render.apply(upcoming);
        Award award = snapshot.slide().award();
        Integer minutes = award == null ? null : award.minutes();
        return new OperatorView(show.id(), show.title(), s.version(), s.blackout(), s.logo(), s.loop(), s.rehearsal(),
                s.startedAt() == null ? null : s.startedAt().toEpochMilli(), program, preview,
                sealed ? upcoming.slide().sealedAward().name() : null, snapshot.nextPlace().slide(), atEnd, snapshot.nextRevealsWinner(),
                rundown(snapshot), lines, lockLabel, lockSession, award == null ? null : award.name(), minutes,
                minutes == null ? null : segment.since().toEpochMilli(), show.theme(), t);
    }

    private static List<Row> rundown(Snapshot snapshot) {
        Show show = snapshot.show();
        RunOfShow run = snapshot.run();
        LiveState s = snapshot.state();
        Texts t = Texts.of(show);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            Slide slide = run.slide(i);
            List<Step> steps = new ArrayList<>();
            for (int step = 0; step < slide.steps(); step++) {
                String label = SlideLabels.step(show, slide, step);
                steps.add(new Step(step, label == null ? t.format("ui.stepOf", step + 1, slide.steps()) : label,
                        i == s.slide() && step == s.step()));
            }
            boolean reveals = snapshot.jumpReveals(i);
            rows.add(new Row(i, slide.kind(), SlideLabels.title(show, slide), SlideLabels.awardName(slide), steps,
                    i == s.slide(), i < s.slide(), reveals));
        }
        return rows;
    }

    private static LogLine line(LogEntry e, Texts t) {
        LiveState to = e.to();
        String where = to == null || to.showId() == null ? "" : (to.slide() + 1) + "." + (to.step() + 1)
                + (to.blackout() ? " · " + t.get("ui.black") : "") + (to.logo() ? " · " + t.get("ui.logoTag") : "")
                + (to.loop() ? " · " + t.get("ui.attractLoop") : "");
        return new LogLine(TIME.format(e.at()), e.who(), e.action(), e.outcome(), where);
    }
}
