package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.content.Texts;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console on a laptop beside the big screen and the phone: program and preview follow a whole show
 * driven by its keys, a winner is revealed only once armed, a jump onto a reveal asks first, and the lock turns the
 * phone's Next off until the console hands back.
 */
class OperatorBrowserTest extends BrowserTest {
    private static final String SHOW = "digitaliseringskommun-2021";

    /** Opens the console on a laptop logged in as presenter, once it shows the live version. */
    private static Page console(Room room, BrowserContext laptop) {
        Page page = laptop.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                room.consoleErrors.add("console: " + m.text());
            }
        });
        room.login(page);
        page.navigate(room.server.url("/operator"));
        assertThat(page.locator("#connection")).hasAttribute("data-state", "live");
        shows(page, room.version());
        return page;
    }

    private static void shows(Page console, long version) {
        assertThat(console.locator("#console-content")).hasAttribute("data-version", String.valueOf(version));
    }

    /** Program is the big screen's own slide at the live place; preview the next place, or the sealed box. */
    private static void checkPictures(Room room, Page console) {
        Snapshot s = room.server.app.director().snapshot();
        LiveState now = s.state();
        assertThat(console.locator("#program .slide")).hasAttribute("data-slide", String.valueOf(now.slide()));
        assertThat(console.locator("#program .slide")).hasAttribute("data-step", String.valueOf(now.step()));
        assertThat(console.locator("#program .slide")).hasAttribute("data-kind", room.slide().getAttribute("data-kind"));
        if (s.nextSlide() == null) {
            assertThat(console.locator("#preview.end")).isVisible();
        } else if (s.nextRevealsWinner() && !s.isRevealed(s.nextSlide().award().id())) {
            assertThat(console.locator("#preview")).hasAttribute("data-sealed", "true");
            assertThat(console.locator("#preview .sealed-award")).hasText(s.nextSlide().award().name());
            assertThat(console.locator("#preview [data-kind=winner]")).hasCount(0);
        } else {
            LiveState next = s.nextPlace();
            assertThat(console.locator("#preview .slide")).hasAttribute("data-slide", String.valueOf(next.slide()));
            assertThat(console.locator("#preview .slide")).hasAttribute("data-step", String.valueOf(next.step()));
        }
    }

    @Test
    void program_and_preview_follow_a_whole_show_driven_by_keys_with_each_reveal_armed_first(@TempDir Path data) {
        try (Room room = new Room(chromium, data, SHOW, 1280, 720);
             BrowserContext laptop = chromium.laptop()) {
            Page console = console(room, laptop);
            Texts texts = Texts.of(room.server.app.director().snapshot().show());
            int reveals = 0;
            int steps = 0;
            java.util.List<Double> keyToConsole = new java.util.ArrayList<>();
            while (!room.atEnd()) {
                long v = room.version();
                shows(console, v);
                checkPictures(room, console);
                if (room.server.app.director().snapshot().nextRevealsWinner()) {
                    console.keyboard().press("Space");
                    assertThat(console.locator("#toast")).hasText(texts.get("ui.armFirst"));
                    assertEquals(v, room.version(), "unarmed, Space does not reveal");
                    console.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("operator-sealed-1280x800.png")));
                    console.locator("#arm").click();
                    assertThat(console.locator("body")).hasClass(java.util.regex.Pattern.compile("\\barmed\\b"));
                    console.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("operator-armed-1280x800.png")));
                    console.keyboard().press("Space");
                    assertThat(room.slide()).hasAttribute("data-kind", "winner");
                    reveals++;
                } else {
                    long pressed = System.nanoTime();
                    console.keyboard().press(steps % 2 == 0 ? "Space" : "PageDown");
                    console.waitForFunction("v => document.getElementById('console-content').dataset.version === v", String.valueOf(v + 1));
                    keyToConsole.add((System.nanoTime() - pressed) / 1e6);
                }
                assertThat(room.slide()).hasAttribute("data-version", String.valueOf(v + 1));
                steps++;
            }
            shows(console, room.version());
            checkPictures(room, console);
            assertTrue(reveals >= 1, "the show has a reveal");
            assertTrue(steps > 10, "walked the whole show: " + steps);
            keyToConsole.sort(null);
            System.out.printf("Operator console, key to its own program updated over %d steps: median %.1f ms, max %.1f ms%n",
                    keyToConsole.size(), keyToConsole.get(keyToConsole.size() / 2), keyToConsole.get(keyToConsole.size() - 1));
            assertThat(console.locator("body")).not().hasClass(java.util.regex.Pattern.compile("\\barmed\\b"));
            console.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("operator-end-1280x800.png")));
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }

    @Test
    void a_long_award_name_in_the_countdown_keeps_the_consoles_bar_on_one_line_at_1366x768_with_its_time_whole(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1280, 720);
             BrowserContext laptop = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page console = console(room, laptop);
            console.locator("#rundown .slide-button[data-slide='2']").click();
            assertThat(console.locator("#countdown")).containsText("Årets kommun 5:");
            double oneLine = console.locator(".operator-bar").boundingBox().height;
            // An award named as long as a real one can be: the countdown's clock ticks it in within a second.
            console.evaluate("() => document.getElementById('console-content').dataset.segment ="
                    + " 'Årets största förändringsresa i välfärdens tjänst för invånare och företag'");
            assertThat(console.locator("#countdown .segment-name")).hasText("Årets största förändringsresa i välfärdens tjänst för invånare och företag");
            assertThat(console.locator("#countdown")).containsText(" 5:");
            assertEquals(oneLine, console.locator(".operator-bar").boundingBox().height, 0.5, "the bar does not wrap to a second line");
            var box = console.locator("#countdown").boundingBox();
            assertTrue(box.x + box.width <= 1366, "the countdown is on screen");
            assertTrue((Boolean) console.evaluate("() => { const c = document.getElementById('countdown'); return c.scrollWidth <= c.clientWidth + 1; }"),
                    "the time is not cut off");
        }
    }

    @Test
    void keys_undo_escape_and_a_jump_that_reveals_asks_first(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1280, 720);
             BrowserContext laptop = chromium.laptop()) {
            Page console = console(room, laptop);
            TestApp server = room.server;
            long v = room.version();
            console.keyboard().press("b");
            shows(console, v + 1);
            assertTrue(server.app.director().snapshot().state().blackout(), "B blacks the big screen out");
            assertThat(console.locator("#blackout-toggle")).hasClass(java.util.regex.Pattern.compile("\\bon\\b"));
            console.keyboard().press("Control+z");
            shows(console, v + 2);
            assertFalse(server.app.director().snapshot().state().blackout(), "Ctrl+Z undoes it");
            console.keyboard().press("l");
            shows(console, v + 3);
            assertTrue(server.app.director().snapshot().state().logo(), "L shows the logo");
            console.locator("#undo").click();
            shows(console, v + 4);
            assertFalse(server.app.director().snapshot().state().logo());

            // A click on a step of the rundown jumps there; PageUp goes back one step.
            console.locator("#rundown .step-button[data-slide='2'][data-step='2']").click();
            shows(console, v + 5);
            assertThat(room.slide()).hasAttribute("data-step", "2");
            assertThat(console.locator("#rundown .step-button.current")).hasAttribute("data-step", "2");
            assertThat(console.locator("#countdown")).containsText("Årets kommun 5:");   // its 6 planned minutes run
            assertThat(console.locator("#elapsed")).not().hasText("–");
            console.keyboard().press("PageUp");
            shows(console, v + 6);
            assertThat(room.slide()).hasAttribute("data-step", "1");

            // Escape clears an armed reveal.
            console.locator("#rundown .slide-button[data-slide='3']").click();
            shows(console, v + 7);
            console.locator("#arm").click();
            assertThat(console.locator("body")).hasClass(java.util.regex.Pattern.compile("\\barmed\\b"));
            console.keyboard().press("Escape");
            assertThat(console.locator("body")).not().hasClass(java.util.regex.Pattern.compile("\\barmed\\b"));
            console.keyboard().press("Space");
            assertThat(console.locator("#toast")).hasText(Texts.of("sv").get("ui.armFirst"));

            // A jump onto the winner asks first; cancelled, nothing happens.
            var winner = console.locator("#rundown .row.reveals .slide-button").first();
            for (String cancel : new String[] {"Enter", "Space", "Escape"}) {
                winner.click();
                assertThat(console.locator("#confirm")).isVisible();
                console.keyboard().press(cancel);
                assertThat(console.locator("#confirm")).isHidden();
            }
            winner.click();
            console.locator("#confirm-cancel").click();
            assertThat(console.locator("#confirm")).isHidden();
            assertEquals(v + 7, room.version(), "a cancelled jump changes nothing: only a click on Yes reveals");
            winner.click();
            console.locator("#confirm-ok").click();
            assertThat(room.slide()).hasAttribute("data-kind", "winner");
            shows(console, v + 8);
            assertThat(console.locator("#program .slide")).hasAttribute("data-kind", "winner");
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }

    @Test
    void while_the_console_has_control_the_phones_next_is_off_and_says_who_has_it(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1280, 720);
             BrowserContext laptop = chromium.laptop()) {
            Page console = console(room, laptop);
            assertThat(room.phone.locator("#next")).isEnabled();
            console.locator("#operator-name").fill("Anna");
            console.keyboard().press("Space");
            assertEquals(room.version(), Long.parseLong(console.locator("#console-content").getAttribute("data-version")),
                    "a space typed into the name is not Next");
            console.locator("#take-control").click();
            assertThat(console.locator("#you-have-control")).isVisible();
            assertThat(console.locator("#hand-back")).isVisible();
            assertThat(room.phone.locator("#next")).isDisabled();
            assertThat(room.phone.locator("#next")).hasText("Operatörskonsolen (Anna) har kontrollen");
            assertThat(room.phone.locator("#prev")).isDisabled();
            assertThat(room.phone.locator("#locked-banner")).isVisible();
            room.phone.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("operator-phone-locked.png")));

            // The phone's keys are refused too, with the message; the console still runs the show.
            long v = room.version();
            room.phone.keyboard().press("PageDown");
            assertThat(room.phone.locator("#toast")).containsText("Operatörskonsolen");
            assertEquals(v, room.version());
            console.keyboard().press("Space");
            shows(console, v + 1);

            console.locator("#hand-back").click();
            assertThat(room.phone.locator("#next")).isEnabled();
            assertThat(room.phone.locator("#prev")).isEnabled();
            assertThat(console.locator("#take-control")).isVisible();
            room.next();
            // The browser logs the refused command's 423 itself; nothing else may go wrong.
            room.consoleErrors.removeIf(e -> e.startsWith("phone: ") && e.contains("423"));
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }

    @Test
    void the_consoles_mute_key_and_stop_button_act_on_the_big_screens_fanfare_and_the_button_shows_the_mute(@TempDir Path data) {
        String fanfare = SoundBrowserTest.FANFARE;
        try (Room room = new Room(chromium, data, SHOW, 1280, 720);
             BrowserContext laptop = chromium.laptop()) {
            Page console = console(room, laptop);
            SoundBrowserTest.awaitSoundsLoaded(room.display);
            room.server.app.director().apply(new se.kuvert.live.Command.Goto(4, 0), null, "operator");
            shows(console, room.version());
            SoundBrowserTest.awaitPlaying(room.display, fanfare);

            console.keyboard().press("m");
            room.display.waitForFunction("s => document.querySelector(s).muted", fanfare);
            assertThat(console.locator("#mute-toggle")).hasAttribute("aria-pressed", "true");
            assertThat(console.locator("#mute-toggle")).containsText("Ljudet är av");
            console.locator("#sound-stop").click();
            room.display.waitForFunction("s => document.querySelector(s).paused", fanfare);
            console.keyboard().press("Space");   // the show goes on; the console's redraw keeps showing the mute
            shows(console, room.version());
            assertThat(console.locator("#mute-toggle")).hasAttribute("aria-pressed", "true");
            console.locator("#mute-toggle").click();
            room.display.waitForFunction("s => !document.querySelector(s).muted", fanfare);
            assertThat(console.locator("#mute-toggle")).hasAttribute("aria-pressed", "false");
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }

    @Test
    void armed_on_an_admins_console_the_sealed_box_shows_the_winner_slide_and_on_a_presenters_it_stays_sealed(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1280, 720);
             BrowserContext adminLaptop = chromium.laptop();
             BrowserContext presenterLaptop = chromium.laptop()) {
            Page admin = adminLaptop.newPage();
            admin.navigate(room.server.url("/admin"));
            admin.locator("#password").fill("admin-secret");
            admin.locator("button[type=submit]").click();
            admin.navigate(room.server.url("/operator"));
            Page presenter = console(room, presenterLaptop);
            while (!room.server.app.director().snapshot().nextRevealsWinner()) {
                room.next();
            }
            long v = room.version();
            for (Page console : new Page[] {admin, presenter}) {
                shows(console, v);
                assertThat(console.locator("#preview .sealed-award")).hasText("Årets kommun");
                console.locator("#arm").click();
                assertThat(console.locator("#preview .armed-note")).isVisible();
            }
            assertThat(admin.frameLocator("#preview iframe.armed-look").locator(".winner-name")).hasText(se.kuvert.TestShows.WINNER_NAME);
            assertThat(presenter.locator("#preview iframe")).hasCount(0);
            assertFalse(presenter.content().contains(se.kuvert.TestShows.CITATION), "a presenter's armed box stays sealed");
            admin.keyboard().press("Escape");
            assertThat(admin.locator("#preview iframe")).hasCount(0);
            presenter.keyboard().press("Space");
            assertThat(room.slide()).hasAttribute("data-kind", "winner");
            shows(admin, v + 1);
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }
}
