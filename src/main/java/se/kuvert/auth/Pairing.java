package se.kuvert.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairing codes: the admin shows one as a QR code, a phone that scans it becomes a presenter without typing the
 * PIN. A code is random (128 bits), lives two minutes, works once, and is kept only in memory (a restart voids it).
 */
public final class Pairing {
    public static final Duration LIFETIME = Duration.ofMinutes(2);

    private final Clock clock;
    private final Map<String, Instant> codes = new HashMap<>();

    public Pairing(Clock clock) {
        this.clock = clock;
    }

    public record Code(String token, Instant expires) {
    }

    public synchronized Code issue() {
        Instant now = clock.instant();
        codes.values().removeIf(expiry -> !expiry.isAfter(now));
        String token = Credentials.hex(16);
        Instant expires = now.plus(LIFETIME);
        codes.put(Sessions.hash(token), expires);
        return new Code(token, expires);
    }

    /** True when {@code token} would pair a phone now; does not use it up. */
    public synchronized boolean valid(String token) {
        Instant expiry = token == null ? null : codes.get(Sessions.hash(token));
        return expiry != null && expiry.isAfter(clock.instant());
    }

    /** Uses the code up: true once for a code that has not expired, false ever after. */
    public synchronized boolean redeem(String token) {
        Instant expiry = token == null ? null : codes.remove(Sessions.hash(token));
        return expiry != null && expiry.isAfter(clock.instant());
    }
}
