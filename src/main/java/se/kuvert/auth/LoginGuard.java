package se.kuvert.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after a few wrong PINs or passwords from one address, that address must wait, and the
 * wait doubles with every further failure (up to 15 minutes). A success clears the address's record.
 */
public final class LoginGuard {
    static final int FREE_ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginGuard(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** How long {@code address} must still wait before its next try; zero when it may try now. */
    public Duration waitFor(String address) {
        Failures f = failures.get(address);
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String address) {
        failures.compute(address, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= FREE_ATTEMPTS) {
                long seconds = 1L << Math.min(count - FREE_ATTEMPTS, 20);
                Duration wait = Duration.ofSeconds(seconds).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : Duration.ofSeconds(seconds);
                until = clock.instant().plus(wait);
            }
            return new Failures(count, until);
        });
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
