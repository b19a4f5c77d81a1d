package se.kuvert.auth;

import org.junit.jupiter.api.Test;
import se.kuvert.ManualClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginGuardTest {
    private final ManualClock clock = new ManualClock();
    private final LoginGuard guard = new LoginGuard(clock);

    /** Guesses as fast as the guard lets it from {@code addresses} addresses in turn; returns the time taken. */
    private Duration attack(Role role, int guesses, int addresses) {
        Duration taken = Duration.ZERO;
        int made = 0;
        int next = 0;
        while (made < guesses) {
            Duration shortest = null;
            boolean guessed = false;
            for (int tried = 0; tried < addresses && !guessed; tried++) {
                String address = "10.0." + (next / 250) + "." + (next % 250);
                next = (next + 1) % addresses;
                Duration wait = guard.waitFor(role, address);
                if (wait.isZero()) {
                    guard.failed(role, address);
                    made++;
                    guessed = true;
                } else if (shortest == null || wait.compareTo(shortest) < 0) {
                    shortest = wait;
                }
            }
            if (!guessed) {
                clock.advance(shortest);
                taken = taken.plus(shortest);
            }
        }
        return taken;
    }

    @Test
    void ten_thousand_wrong_pins_from_a_thousand_addresses_take_more_than_thirteen_hours() {
        Duration taken = attack(Role.PRESENTER, 10_000, 1_000);
        System.out.println("10 000 wrong PINs from 1 000 addresses took " + taken.toMinutes() + " minutes");
        assertTrue(taken.compareTo(Duration.ofHours(13)) > 0, "took only " + taken);
    }

    @Test
    void after_the_burst_every_address_waits_even_one_that_never_guessed() {
        attack(Role.PRESENTER, LoginGuard.GLOBAL_BURST, LoginGuard.GLOBAL_BURST);
        Duration wait = guard.waitFor(Role.PRESENTER, "192.168.1.77");
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(LoginGuard.GLOBAL_REFILL) <= 0, wait.toString());
        clock.advance(wait);
        assertEquals(Duration.ZERO, guard.waitFor(Role.PRESENTER, "192.168.1.77"), "one more guess after the refill");
    }

    @Test
    void wrong_pins_do_not_lock_out_the_admin_login_and_wrong_passwords_not_the_pin() {
        attack(Role.PRESENTER, 100, 1);
        assertTrue(guard.waitFor(Role.PRESENTER, "10.0.0.0").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, guard.waitFor(Role.ADMIN, "10.0.0.0"), "same address, other door");

        LoginGuard other = new LoginGuard(clock);
        for (int i = 0; i < 100; i++) {
            other.failed(Role.ADMIN, "10.0.0." + i);
        }
        assertEquals(Duration.ZERO, other.waitFor(Role.PRESENTER, "10.0.0.1"));
    }

    @Test
    void a_few_wrong_tries_from_one_address_make_it_wait_and_a_success_clears_it() {
        for (int i = 0; i < LoginGuard.FREE_ATTEMPTS; i++) {
            assertEquals(Duration.ZERO, guard.waitFor(Role.PRESENTER, "10.1.1.1"));
            guard.failed(Role.PRESENTER, "10.1.1.1");
        }
        assertEquals(Duration.ofSeconds(1), guard.waitFor(Role.PRESENTER, "10.1.1.1"));
        assertEquals(Duration.ZERO, guard.waitFor(Role.PRESENTER, "10.1.1.2"), "the next address is not locked by this one");
        guard.succeeded(Role.PRESENTER, "10.1.1.1");
        assertEquals(Duration.ZERO, guard.waitFor(Role.PRESENTER, "10.1.1.1"));
    }
}
