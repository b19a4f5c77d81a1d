package se.kuvert.screens;

import se.kuvert.content.Texts;
import se.kuvert.live.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The phone's health strip: one dot per screen, and before a winner reveal a warning naming every screen that
 * is gone, behind or not fully loaded (or that no big screen is connected at all).
 */
public record HealthView(List<Screens.Report> screens, String warning) {

    /** The strip in the live show's language. */
    public static HealthView of(List<Screens.Report> reports, Snapshot snapshot) {
        Texts texts = Texts.of(snapshot.show());
        String warning = null;
        if (snapshot.nextRevealsWinner()) {
            List<String> problems = new ArrayList<>();
            boolean display = false;
            for (Screens.Report r : reports) {
                display |= r.kind().equals("display");
                if (r.health() != Screens.Health.GREEN) {
                    problems.add((r.name().equals(r.kind()) ? r.name() : r.kind() + " " + r.name()) + ": " + r.cause().in(texts));
                }
            }
            if (!display) {
                problems.add(0, texts.get("screen.noDisplay"));
            }
            if (!problems.isEmpty()) {
                warning = texts.format("screen.beforeReveal", String.join("; ", problems));
            }
        }
        return new HealthView(reports, warning);
    }
}
