package se.kuvert.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing, separately for the presenter's door (PIN and pairing codes) and the admin's (password), so
 * guessing at one never locks the other. Each door has two limits: per address (after a few wrong tries an address
 * must wait, the wait doubling with every further failure up to 15 minutes; a success clears it), and across all
 * addresses (a bucket of {@link #GLOBAL_BURST} wrong tries that refills by one every {@link #GLOBAL_REFILL}), so
 * rotating addresses does not buy more guesses. A phone paired by QR code gets in past both (see {@link Auth#pair}).
 */
public final class LoginGuard {
    static final int FREE_ATTEMPTS = 5;
    static final int GLOBAL_BURST = 20;
    static final Duration GLOBAL_REFILL = Duration.ofSeconds(5);
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final int MAX_REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<Role, Door> doors = new EnumMap<>(Role.class);

    public LoginGuard(Clock clock) {
        this.clock = clock;
        for (Role role : Role.values()) {
            doors.put(role, new Door());
        }
    }

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final class Door {
        final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
        double tokens = GLOBAL_BURST;
        Instant refilled = clock.instant();

        synchronized Duration globalWait() {
            refill();
            if (tokens >= 1) {
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) * GLOBAL_REFILL.toMillis()));
        }

        synchronized void spend() {
            refill();
            tokens -= 1;
        }

        private void refill() {
            Instant now = clock.instant();
            long elapsed = Duration.between(refilled, now).toMillis();
            if (elapsed > 0) {
                tokens = Math.min(GLOBAL_BURST, tokens + (double) elapsed / GLOBAL_REFILL.toMillis());
                refilled = now;
            }
        }
    }

    /** How long a login at {@code role}'s door from {@code address} must still wait; zero when it may try now. */
    public Duration waitFor(Role role, String address) {
        Door door = doors.get(role);
        Duration global = door.globalWait();
        Failures f = door.byAddress.get(address);
        Duration local = f == null || f.lockedUntil() == null ? Duration.ZERO : Duration.between(clock.instant(), f.lockedUntil());
        Duration wait = local.compareTo(global) > 0 ? local : global;
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public void failed(Role role, String address) {
        Door door = doors.get(role);
        door.spend();
        Instant now = clock.instant();
        if (door.byAddress.size() >= MAX_REMEMBERED) {
            // Rotating through many addresses must not fill the memory; an address quiet for its longest wait is forgotten.
            door.byAddress.values().removeIf(f -> f.last().plus(MAX_WAIT).isBefore(now));
        }
        door.byAddress.compute(address, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= FREE_ATTEMPTS) {
                long seconds = 1L << Math.min(count - FREE_ATTEMPTS, 20);
                Duration wait = Duration.ofSeconds(seconds).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : Duration.ofSeconds(seconds);
                until = now.plus(wait);
            }
            return new Failures(count, until, now);
        });
    }

    public void succeeded(Role role, String address) {
        doors.get(role).byAddress.remove(address);
    }
}
