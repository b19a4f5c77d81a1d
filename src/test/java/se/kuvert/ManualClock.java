package se.kuvert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test moves it, or, {@link #ticking}, a little at every reading too. */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-02T18:00:00Z"));
    private final Duration tick;

    public ManualClock() {
        this(Duration.ZERO);
    }

    private ManualClock(Duration tick) {
        this.tick = tick;
    }

    /** A clock {@code tick} on at every reading: whatever reads it twice gets two moments. */
    public static ManualClock ticking(Duration tick) {
        return new ManualClock(tick);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return tick.isZero() ? now.get() : now.updateAndGet(t -> t.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
