package se.kuvert.timing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The timing report as CSV, one line per segment, slide and total of each run, under a header row. Seconds are plain
 * decimals; a text that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class TimingCsv {
    static final String HEADER = "run,show,title,rehearsal,started,ended,row,index,kind,award,name,"
            + "planned_seconds,actual_seconds,overrun_seconds,covered_seconds,visits";

    private TimingCsv() {
    }

    static String of(List<RunReport> reports) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (RunReport r : reports) {
            String run = r.id() + "," + text(r.show()) + "," + text(r.title()) + "," + r.rehearsal() + ","
                    + r.started() + "," + (r.ended() == null ? "" : r.ended()) + ",";
            for (RunReport.SegmentTime s : r.segments()) {
                line(out, run, "segment", "", "", s.award(), s.name(),
                        s.plannedMinutes() == null ? "" : number(s.plannedSeconds()), number(s.actualSeconds()),
                        s.overrunSeconds() == null ? "" : number(s.overrunSeconds()), "", "");
            }
            for (RunReport.SlideTime s : r.slides()) {
                line(out, run, "slide", String.valueOf(s.index()), s.kind(), s.award(), s.label(), "", number(s.seconds()),
                        "", number(s.coveredSeconds()), String.valueOf(s.visits()));
            }
            RunReport.Totals t = r.totals();
            line(out, run, "total", "", "", null, "", number(t.plannedSeconds()), number(t.actualSeconds()),
                    number(t.overrunSeconds()), "", "");
            line(out, run, "run", "", "", null, "", "", number(t.durationSeconds()), "", "", "");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String run, String row, String index, String kind, String award,
                             String name, String planned, String actual, String overrun, String covered, String visits) {
        out.append(run).append(row).append(',').append(index).append(',').append(text(kind)).append(',')
                .append(text(award)).append(',').append(text(name)).append(',').append(planned).append(',')
                .append(actual).append(',').append(overrun).append(',').append(covered).append(',').append(visits)
                .append("\r\n");
    }

    static String number(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    /** One field: quoted when it holds a comma, quote or line break; a leading =, +, -, @ made harmless. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
