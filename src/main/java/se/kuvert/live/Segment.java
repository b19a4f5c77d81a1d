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
}
