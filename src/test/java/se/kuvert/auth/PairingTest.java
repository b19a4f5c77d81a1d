package se.kuvert.auth;

import org.junit.jupiter.api.Test;
import se.kuvert.ManualClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairingTest {
    private final ManualClock clock = new ManualClock();
    private final Pairing pairing = new Pairing(clock);

    @Test
    void a_code_works_once() {
        String code = pairing.issue().token();
        assertTrue(pairing.valid(code), "looking at a code does not use it");
        assertTrue(pairing.redeem(code));
        assertFalse(pairing.valid(code));
        assertFalse(pairing.redeem(code), "the second phone with the same code gets nothing");
    }

    @Test
    void a_code_expires_after_two_minutes() {
        String code = pairing.issue().token();
        clock.advance(Pairing.LIFETIME.minus(Duration.ofSeconds(1)));
        assertTrue(pairing.valid(code));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(pairing.valid(code));
        assertFalse(pairing.redeem(code));
    }

    @Test
    void unknown_and_missing_codes_pair_nothing_and_codes_differ() {
        assertFalse(pairing.redeem(null));
        assertFalse(pairing.redeem(""));
        assertFalse(pairing.redeem("0123456789abcdef0123456789abcdef"));
        assertNotEquals(pairing.issue().token(), pairing.issue().token());
    }
}
