package se.kuvert.live;

import se.kuvert.content.Award;

import java.time.Instant;
import java.util.Objects;

/**
 * The award segment on screen and since when, for the stage monitor's countdown and the tools' "segment time left":
 * a slide of another award starts a new segment; slides without an award end it. {@code award} is null between
 * awards; {@code minutes} is the award's planned length, or null when it has none.
 */
public record Segment(String key, Award award, Instant since) {
    public static final Segment NONE = new Segment(null, null, Instant.EPOCH);
    /**
     * The start of a segment whose start is not known yet: an event rendered ahead for a change that starts a segment
     * (Next onto an award's first slide) is rendered with it, and its number, as written, is where the change writes
     * its own moment in ({@link se.kuvert.web.SseHub.Cut}).
     */
    public static final Instant OPEN_START = Instant.ofEpochMilli(Long.MIN_VALUE);
    /** {@link #OPEN_START} in epoch milliseconds, as an event writes it. */
    public static final String OPEN_START_WRITTEN = Long.toString(Long.MIN_VALUE);

    /** The record's own equality, written out to be quick (see {@link se.kuvert.web.Ahead}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && Objects.equals(since, s.since) && Objects.equals(key, s.key)
                && Objects.equals(award, s.award);
    }

    /** The segment after {@code snapshot} went on screen at {@code now}: this one when the award is the same. */
    public Segment next(Snapshot snapshot, Instant now) {
        Award onScreen = snapshot.slide() == null ? null : snapshot.slide().award();
        String id = onScreen == null ? null : snapshot.show().id() + "/" + onScreen.id();
        if (Objects.equals(id, key)) {
            return award == onScreen ? this : new Segment(key, onScreen, since);
        }
        return new Segment(id, onScreen, now);
    }

    public Integer minutes() {
        return award == null ? null : award.minutes();
    }

    /** True when its start is shown: it has planned minutes, and a countdown from its start. */
    public boolean timed() {
        return minutes() != null;
    }

    /** This segment with its start left open (see {@link #OPEN_START}). */
    public Segment openStart() {
        return new Segment(key, award, OPEN_START);
    }

    /**
     * {@code framed}, an event rendered with this segment (its start left open), as it is kept ahead: cut where the
     * start is written, or whole when the start is not shown; null when the open start is not there exactly once
     * (then the event is rendered when its change comes).
     */
    public se.kuvert.web.SseHub.Cut cutAtStart(byte[] framed) {
        return timed() ? se.kuvert.web.SseHub.Cut.around(framed, OPEN_START_WRITTEN) : se.kuvert.web.SseHub.Cut.whole(framed);
    }

    /** Its start in epoch milliseconds, as an event writes it. */
    public String startWritten() {
        return Long.toString(since.toEpochMilli());
    }
}
