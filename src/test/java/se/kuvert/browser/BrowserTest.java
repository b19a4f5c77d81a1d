package se.kuvert.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One Chromium for all tests of a class; each test opens its own contexts (and usually its own {@link Room}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
    Chromium chromium;

    @BeforeAll
    void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
