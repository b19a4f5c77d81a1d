package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What goes wrong on the night: Wi-Fi and server blips, nervous double taps, two presenters, a laptop clicker. */
class PresenterBrowserTest extends BrowserTest {
    private static final String SHOW = "digitaliseringskommun-2021";



    @Test
    void the_screens_keep_their_slide_while_the_server_is_away_and_come_back_by_themselves(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            room.next();
            room.next();
            long version = room.next();
            String step = room.slide().getAttribute("data-step");
            var settings = room.server.settings.withPort(room.server.app.port());

            room.server.close();
            assertThat(room.display.locator("#connection-dot")).hasClass(Pattern.compile("\\bon\\b"));
            assertThat(room.phone.locator("#connection")).hasAttribute("data-state", "lost");
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(version));
            assertThat(room.slide().locator(".nominee.shown")).hasCount(Integer.parseInt(step) + 1);

            long away = System.nanoTime();
            room.server = TestApp.restart(settings);
            assertThat(room.display.locator("#connection-dot")).not().hasClass(Pattern.compile("\\bon\\b"));
            assertThat(room.phone.locator("#connection")).hasAttribute("data-state", "live");
            System.out.printf("%nScreens reconnected %d ms after the server came back%n%n", (System.nanoTime() - away) / 1_000_000);
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(version));
            assertThat(room.slide()).hasAttribute("data-step", step);

            room.next();
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(version + 1));
        }
    }

    /**
     * A list the presenter opened on the phone stays open while someone else moves the show (every change swaps the
     * whole panel, and it used to close them); a jump from the rundown is the list used, and that one closes.
     */
    @Test
    void the_lists_the_presenter_opened_stay_open_while_the_show_moves_until_used(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            room.phone.locator("details.run summary").tap();
            room.phone.locator("details.shows summary").tap();
            assertThat(room.phone.locator("details.shows li").first()).isVisible();
            room.server.control("{\"action\":\"next\"}");   // the technician's Stream Deck
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(room.version()));
            assertThat(room.phone.locator("details.run")).hasAttribute("open", "");
            assertThat(room.phone.locator("details.shows")).hasAttribute("open", "");
            assertThat(room.phone.locator("details.shows li").first()).isVisible();

            long before = room.version();
            room.phone.locator("details.run button[data-action=goto][data-slide=\"0\"]").tap();
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before + 1));
            assertThat(room.phone.locator("details.run")).not().hasAttribute("open", "");
            assertThat(room.phone.locator("details.shows")).hasAttribute("open", "");
        }
    }

    @Test
    void two_very_fast_taps_advance_once(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080)) {
            long before = room.version();
            room.phone.evaluate("() => { const next = document.getElementById('next'); next.click(); next.click(); }");
            assertThat(room.phone.locator("#toast")).containsText(se.kuvert.content.Texts.of(room.server.app.director().snapshot().show()).get("ui.stale"));
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(before + 1));
            assertEquals(before + 1, room.version());
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before + 1));
        }
    }

    @Test
    void a_second_presenter_sees_the_first_ones_changes_live_and_can_take_over(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080);
             BrowserContext otherPhone = chromium.phone()) {
            Page second = otherPhone.newPage();
            room.login(second);
            long v = room.next();
            assertThat(second.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v));
            second.locator("#next").tap();
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(v + 1));
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v + 1));
        }
    }

    @Test
    void clicker_keys_work_on_a_laptop(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080);
             BrowserContext laptopContext = chromium.laptop()) {
            Page laptop = laptopContext.newPage();
            room.login(laptop);
            long v = room.version();
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v));
            laptop.keyboard().press("PageDown");
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(v + 1));
            assertThat(room.slide()).hasAttribute("data-slide", "1");
            // Like a person, the next key waits until the laptop shows the new state; a faster one is refused as stale.
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v + 1));
            laptop.keyboard().press("PageUp");
            assertThat(room.slide()).hasAttribute("data-slide", "0");
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v + 2));
            laptop.keyboard().press("b");
            assertThat(room.display.locator("#blackout")).hasClass(Pattern.compile("\\bon\\b"));
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v + 3));
            laptop.keyboard().press("B");
            assertThat(room.display.locator("#blackout")).not().hasClass(Pattern.compile("\\bon\\b"));
        }
    }

    @Test
    void at_the_reveal_a_clicker_needs_a_second_press(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1920, 1080);
             BrowserContext laptopContext = chromium.laptop()) {
            Page laptop = laptopContext.newPage();
            room.login(laptop);
            while (!room.server.app.director().snapshot().nextRevealsWinner()) {
                room.next();
            }
            long v = room.version();
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v));
            assertThat(laptop.locator("#panel-content")).hasAttribute("data-next-reveals", "true");
            laptop.keyboard().press("PageDown");
            assertThat(laptop.locator("#toast")).containsText(se.kuvert.content.Texts.of(room.server.app.director().snapshot().show()).get("ui.pressAgain"));
            assertEquals(v, room.version());
            laptop.keyboard().press("PageDown");
            assertThat(room.slide()).hasAttribute("data-kind", "winner");
        }
    }
}
