package se.kuvert.timing;

import se.kuvert.content.Texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timing of one run, as {@code GET /api/rehearsal} gives it. Times are ISO-8601 instants; durations are seconds
 * (to the millisecond). A slide's {@code seconds} is all the time it was the live slide, blackout, logo and loop
 * included; {@code coveredSeconds} is the part of it under one of those. A segment is an award's slides: its
 * {@code actualSeconds} is their time (covers included: the room waits either way), {@code overrunSeconds} that minus
 * the planned minutes (negative: under; null without a plan). {@code totals} add up the planned segments, and
 * {@code durationSeconds} is the whole run from its load. Slides are named by kind and award only: never a winner.
 */
public record RunReport(long id, String show, String title, boolean rehearsal, String started, String ended,
                        boolean running, Totals totals, List<SegmentTime> segments, List<SlideTime> slides) {

    public record Totals(double plannedSeconds, double actualSeconds, double overrunSeconds, double durationSeconds) {
    }

    public record SegmentTime(String award, String name, Integer plannedMinutes, double actualSeconds, Double overrunSeconds) {
        /** The planned length in seconds, or 0 without a plan. */
        public double plannedSeconds() {
            return plannedMinutes == null ? 0 : plannedMinutes * 60.0;
        }
    }

    public record SlideTime(int index, String kind, String award, String label, int visits, double seconds,
                            double coveredSeconds) {
    }

    /** The report of {@code run} from its plan and moves (oldest first); a running run is timed up to {@code now}. */
    static RunReport of(Run run, List<PlannedAward> plan, List<Move> moves, Instant now) {
        Instant end = run.ended() == null ? now : run.ended();
        Texts texts = Texts.of(run.language());
        Map<String, long[]> slideMillis = new LinkedHashMap<>();   // key → {total, covered, visits}
        Map<String, Place> slidePlaces = new LinkedHashMap<>();
        Map<String, Long> awardMillis = new LinkedHashMap<>();
        Map<String, String> awardNames = new LinkedHashMap<>();
        Place previous = null;
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            Instant until = i + 1 < moves.size() ? moves.get(i + 1).at() : end;
            long millis = Math.max(0, Duration.between(move.at(), until).toMillis());
            Place p = move.place();
            String key = p.slide() + "/" + p.kind() + "/" + p.awardId();
            slidePlaces.putIfAbsent(key, p);
            long[] slide = slideMillis.computeIfAbsent(key, k -> new long[3]);
            slide[0] += millis;
            slide[1] += p.cover() == null ? 0 : millis;
            slide[2] += p.sameSlide(previous) ? 0 : 1;
            if (p.awardId() != null) {
                awardMillis.merge(p.awardId(), millis, Long::sum);
                awardNames.putIfAbsent(p.awardId(), p.awardName());
            }
            previous = p;
        }

        List<SegmentTime> segments = new ArrayList<>();
        long planned = 0;
        long plannedActual = 0;
        for (PlannedAward award : plan) {
            long actual = awardMillis.getOrDefault(award.awardId(), 0L);
            Double overrun = null;
            if (award.minutes() != null) {
                long plannedMillis = award.minutes() * 60_000L;
                planned += plannedMillis;
                plannedActual += actual;
                overrun = seconds(actual - plannedMillis);
            }
            segments.add(new SegmentTime(award.awardId(), award.name(), award.minutes(), seconds(actual), overrun));
        }
        // An award edited out of the show while it ran still had its time.
        awardMillis.forEach((id, actual) -> {
            if (plan.stream().noneMatch(a -> a.awardId().equals(id))) {
                segments.add(new SegmentTime(id, awardNames.get(id), null, seconds(actual), null));
            }
        });

        List<SlideTime> slides = new ArrayList<>();
        slidePlaces.forEach((key, p) -> {
            long[] m = slideMillis.get(key);
            slides.add(new SlideTime(p.slide(), p.kind(), p.awardId(), label(texts, p), (int) m[2], seconds(m[0]), seconds(m[1])));
        });
        slides.sort(java.util.Comparator.comparingInt(SlideTime::index));

        long duration = Math.max(0, Duration.between(run.started(), end).toMillis());
        return new RunReport(run.id(), run.showId(), run.title(), run.rehearsal(), run.started().toString(),
                run.ended() == null ? null : run.ended().toString(), run.ended() == null,
                new Totals(seconds(planned), seconds(plannedActual), seconds(plannedActual - planned), seconds(duration)),
                List.copyOf(segments), List.copyOf(slides));
    }

    /** "Nominerade · Årets kommun": the kind in the show's language and the award's name. */
    static String label(Texts texts, Place p) {
        String kind = texts.kind(p.kind());
        String name = kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        return p.awardName() == null ? name : name + " · " + p.awardName();
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
