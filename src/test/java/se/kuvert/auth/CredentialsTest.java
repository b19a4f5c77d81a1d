package se.kuvert.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest {
    @TempDir
    Path data;

    private Settings settings(String pin, String admin) {
        return new Settings(0, pin, "", admin, data, Path.of("slides"), Path.of("media"), null);
    }

    @Test
    void a_generated_pin_has_six_digits_and_survives_a_restart() {
        Credentials first = Credentials.resolve(settings("", ""));
        assertTrue(first.presenterPin().matches("[0-9]{6}"), first.presenterPin());
        assertEquals(first.presenterPin(), Credentials.resolve(settings("", "")).presenterPin());
        assertTrue(first.weaknesses().isEmpty(), first.weaknesses().toString());
    }

    @Test
    void a_short_pin_kept_from_an_older_version_is_replaced_but_a_configured_one_stays_with_a_warning() throws Exception {
        Files.writeString(data.resolve("secrets.properties"), "presenterPin=1234\n");
        assertTrue(Credentials.resolve(settings("", "")).presenterPin().matches("[0-9]{6}"));

        Credentials configured = Credentials.resolve(settings("2468", "admin"));
        assertEquals("2468", configured.presenterPin());
        assertEquals(2, configured.weaknesses().size(), configured.weaknesses().toString()); // PIN and admin; token and key generated
        assertTrue(configured.weaknesses().get(0).contains("PIN has 4 characters"));
    }
}
