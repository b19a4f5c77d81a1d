package se.kuvert.timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin's Timing page: every run's table and bars, and two runs side by side when chosen. {@code a} and
 * {@code b} are the runs the compare form has chosen: the compared ones, else the newest (B) against
 * the newest earlier run of its show (A), or the second newest when that show has no earlier run.
 */
public record TimingPage(List<RunView> runs, Comparison comparison, String error, long a, long b) {

    static TimingPage of(List<RunView> runs, Comparison comparison, String error) {
        long a = comparison != null ? comparison.a().report().id() : runs.isEmpty() ? 0 : earlier(runs).report().id();
        long b = comparison != null ? comparison.b().report().id() : runs.isEmpty() ? 0 : runs.get(0).report().id();
        return new TimingPage(runs, comparison, error, a, b);
    }

    /** The newest earlier run of the newest run's show (the night against its rehearsal), else the second newest. */
    private static RunView earlier(List<RunView> runs) {
        String show = runs.get(0).report().show();
        return runs.stream().skip(1).filter(r -> r.report().show().equals(show)).findFirst()
                .orElse(runs.get(Math.min(1, runs.size() - 1)));
    }

    /** A run with its bars: planned and actual per segment, scaled to the longest of them. */
    public record RunView(RunReport report, List<Bar> bars) {
        static RunView of(RunReport report) {
            double longest = report.segments().stream()
                    .mapToDouble(s -> Math.max(s.plannedSeconds(), s.actualSeconds())).max().orElse(0);
            List<Bar> bars = report.segments().stream().map(s -> new Bar(s.name(), width(s.plannedSeconds(), longest),
                    width(s.actualSeconds(), longest), s.overrunSeconds() != null && s.overrunSeconds() > 0)).toList();
            return new RunView(report, bars);
        }

        /** "Rehearsal #3 · Testgalan · 2026-05-02 18:00 UTC", for the run pickers. */
        public String name() {
            return shortName() + " · " + report.title() + " · " + TimingPage.time(report.started());
        }

        /** "Rehearsal #3", "Live #4". */
        public String shortName() {
            return (report.rehearsal() ? "Rehearsal" : "Live") + " #" + report.id();
        }

        /** True when at least one award plans minutes. */
        public boolean planned() {
            return report.segments().stream().anyMatch(s -> s.plannedMinutes() != null);
        }
    }

    /** One segment's bars; the widths are CSS ({@code width: 40.0%}). */
    public record Bar(String name, String planned, String actual, boolean over) {
    }

    /** Two runs' segments side by side, matched by award; {@code difference} is B's time minus A's. */
    public record Comparison(RunView a, RunView b, List<Row> rows) {
        public record Row(String name, Integer plannedMinutes, Double a, Double b, Double difference) {
        }

        static Comparison of(RunView a, RunView b) {
            Map<String, RunReport.SegmentTime[]> byAward = new LinkedHashMap<>();
            a.report().segments().forEach(s -> byAward.computeIfAbsent(s.award(), k -> new RunReport.SegmentTime[2])[0] = s);
            b.report().segments().forEach(s -> byAward.computeIfAbsent(s.award(), k -> new RunReport.SegmentTime[2])[1] = s);
            List<Row> rows = new ArrayList<>();
            for (RunReport.SegmentTime[] pair : byAward.values()) {
                RunReport.SegmentTime named = pair[1] == null ? pair[0] : pair[1];
                Double first = pair[0] == null ? null : pair[0].actualSeconds();
                Double second = pair[1] == null ? null : pair[1].actualSeconds();
                rows.add(new Row(named.name(), named.plannedMinutes(), first, second,
                        first == null || second == null ? null : second - first));
            }
            RunReport.Totals ta = a.report().totals();
            RunReport.Totals tb = b.report().totals();
            rows.add(new Row("Whole run", null, ta.durationSeconds(), tb.durationSeconds(), tb.durationSeconds() - ta.durationSeconds()));
            return new Comparison(a, b, List.copyOf(rows));
        }
    }

    private static String width(double seconds, double longest) {
        return String.format(Locale.ROOT, "width: %.1f%%", longest <= 0 ? 0 : 100 * seconds / longest);
    }

    /** Seconds as a clock: 372 → "6:12", 3725 → "1:02:05"; null → "–". */
    public static String clock(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.round(Math.abs(seconds));
        String sign = seconds < 0 && s > 0 ? "−" : "";
        return s >= 3600 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    /** A difference with its sign: "+0:12", "−0:30", "0:00"; null → "–". */
    public static String signed(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        return (Math.round(seconds) > 0 ? "+" : "") + clock(seconds);
    }

    /** An ISO instant as "2026-05-02 18:00 UTC"; null → "running". */
    public static String time(String instant) {
        return instant == null ? "running" : instant.substring(0, 16).replace('T', ' ') + " UTC";
    }
}
