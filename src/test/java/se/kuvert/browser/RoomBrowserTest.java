package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestShows;
import se.kuvert.content.LoopSettings;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rest of the room: the stage monitor, the attract loop, the foyer kiosk, and every screen's dot on the phone. */
class RoomBrowserTest extends BrowserTest {
    private static final LocatorAssertions.HasAttributeOptions WITHIN_10_S = new LocatorAssertions.HasAttributeOptions().setTimeout(10_000);

    /** The gala with a loop quick enough to watch in a test: a frame a second, back to the loop after 3 s idle. */
    private static Show quickLoop() {
        Show s = TestShows.gala();
        return new Show(s.id(), s.title(), s.subtitle(), s.date(), s.venue(), s.language(), s.theme(), s.awards(), s.partners(),
                s.closing(), s.runOfShow(), new LoopSettings(List.of("title", "awards", "partners"), 1, 3));
    }

    private static void useQuickLoop(Room room) {
        room.server.app.shows().save(quickLoop(), "test");
        room.server.app.director().showEdited("gala");
    }

    private static Locator dot(Page phone, String screen) {
        return phone.locator("#health .dot[data-screen='" + screen + "']");
    }

    @Test
    void the_stage_monitor_follows_a_whole_show_and_never_shows_the_next_winner(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext laptop = chromium.laptop()) {
            Page stage = laptop.newPage();
            stage.navigate(room.server.url("/stage?screen=lectern&key=stage-key"));
            assertThat(stage.locator("#connection")).hasAttribute("data-state", "live");
            assertThat(dot(room.phone, "lectern")).hasAttribute("data-health", "green", WITHIN_10_S);
            var run = room.server.app.director().snapshot().run();
            boolean sawSealed = false;
            while (true) {
                var state = room.server.app.director().snapshot().state();
                Locator content = stage.locator("#monitor-content");
                assertThat(content).hasAttribute("data-version", String.valueOf(state.version()));
                Locator now = stage.locator(".frame[data-frame='now'] .slide");
                assertThat(now).hasAttribute("data-slide", String.valueOf(state.slide()));
                assertThat(now).hasAttribute("data-step", String.valueOf(state.step()));
                Slide slide = run.slide(state.slide());
                String page = stage.content();
                if (room.server.app.director().snapshot().nextRevealsWinner()) {
                    assertThat(stage.locator(".frame[data-frame='next']")).hasClass(Pattern.compile("\\bsealed\\b"));
                    assertFalse(page.contains(TestShows.CITATION), "the next box gives nothing away");
                    sawSealed = true;
                    stage.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("stage-monitor-envelope.png")));
                }
                if (slide instanceof Slide.Motivation && state.step() == 1) {
                    stage.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("stage-monitor-motivation.png")));
                }
                if (slide instanceof Slide.Motivation) {
                    assertThat(stage.locator(".read .line.current"))
                            .hasText(state.step() == 0 ? TestShows.MOTIVATION_1 : TestShows.MOTIVATION_2);
                    assertThat(stage.locator(".read .line")).hasCount(state.step() + 1);
                }
                if (slide.award() != null) {
                    assertThat(stage.locator("#countdown")).isVisible();
                    assertThat(stage.locator("#countdown")).containsText("Årets kommun");
                } else {
                    assertThat(stage.locator("#countdown")).isHidden();
                }
                if (room.atEnd()) {
                    break;
                }
                room.next();
            }
            assertTrue(sawSealed, "the walk passed the envelope");
            assertThat(stage.locator(".frame[data-frame='next']")).hasClass(Pattern.compile("\\bend\\b"));
            stage.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("stage-monitor-1280x800.png")));
            assertEquals(List.of(), room.consoleErrors);
        }
    }

    /**
     * The person on stage reads from the monitor without touching it: on a laptop and on a full HD monitor, the
     * line to read now (the demo's long motivation paragraphs included) and the picture of the big screen stay in
     * view at every step, without scrolling.
     */
    @Test
    void the_stage_monitor_keeps_the_line_to_read_in_view_without_scrolling(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "digitaliseringskommun-2021", 1920, 1080);
             BrowserContext laptop = chromium.laptop();
             BrowserContext monitor = chromium.display(1920, 1080)) {
            List<Page> stages = List.of(laptop.newPage(), monitor.newPage());
            for (int i = 0; i < stages.size(); i++) {
                stages.get(i).navigate(room.server.url("/stage?screen=lectern-" + i + "&key=stage-key"));
                assertThat(stages.get(i).locator("#connection")).hasAttribute("data-state", "live");
                // The demo show has media: a stage monitor loads them like the big screen, or its dot stays amber.
                assertThat(dot(room.phone, "lectern-" + i)).hasAttribute("data-health", "green", WITHIN_10_S);
            }
            var fully = new LocatorAssertions.IsInViewportOptions().setRatio(1);
            int motivationSteps = 0;
            while (true) {
                var state = room.server.app.director().snapshot().state();
                Slide slide = room.server.app.director().snapshot().slide();
                for (Page stage : stages) {
                    assertThat(stage.locator("#monitor-content")).hasAttribute("data-version", String.valueOf(state.version()));
                    assertThat(stage.locator(".frame[data-frame='now']")).isInViewport(fully);
                    if (stage.locator(".read .line.current").count() > 0) {
                        assertThat(stage.locator(".read .line.current")).isInViewport(fully);
                    }
                    assertEquals(0.0, ((Number) stage.evaluate("() => window.scrollY")).doubleValue(), "the page itself never scrolls");
                }
                if (slide instanceof Slide.Motivation) {
                    motivationSteps++;
                    if (motivationSteps == 3) {
                        for (Page stage : stages) {
                            var size = stage.viewportSize();
                            stage.screenshot(new Page.ScreenshotOptions().setPath(
                                    Room.SCREENSHOTS.resolve("stage-monitor-motivation-" + size.width + "x" + size.height + ".png")));
                        }
                    }
                }
                if (room.atEnd()) {
                    break;
                }
                room.next();
            }
            assertTrue(motivationSteps >= 3, "walked through the motivation paragraph by paragraph");
            assertEquals(List.of(), room.consoleErrors);
        }
    }

    @Test
    void the_loop_runs_without_growing_and_the_phone_takes_the_screen_back(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080)) {
            useQuickLoop(room);
            room.next();
            long before = room.version();
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before));
            room.phone.locator("#loop-toggle").tap();
            Locator loop = room.display.locator("#stage > .slide.kind-loop:not(.leaving)");
            assertThat(loop).hasAttribute("data-version", String.valueOf(before + 1));
            assertThat(room.phone.locator("#loop-banner")).isVisible();
            assertThat(room.phone.locator("#next .next-label")).hasText(se.kuvert.content.Texts.of("sv").get("ui.goLive"));
            int frames = Integer.parseInt(loop.getAttribute("data-frames"));
            assertTrue(frames >= 3, "title, nominees, partners");
            // The loop turns: every frame comes round, and after two more rounds the page has not grown.
            assertThat(loop).hasAttribute("data-current", "1", WITHIN_10_S);
            assertThat(room.display.locator("#stage > .slide.leaving")).hasCount(0);
            int nodes = ((Number) room.display.evaluate("() => document.getElementsByTagName('*').length")).intValue();
            for (int round = 0; round < 2; round++) {
                for (int i = 2; i <= frames + 1; i++) {
                    assertThat(loop).hasAttribute("data-current", String.valueOf(i % frames), WITHIN_10_S);
                }
            }
            assertEquals(nodes, ((Number) room.display.evaluate("() => document.getElementsByTagName('*').length")).intValue(),
                    "the loop reuses its frames");
            assertThat(loop.locator(".loop-frame.current")).hasCount(1);
            room.display.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("attract-loop.png")));

            // The presenter taps once: the loop is gone and the live slide is back where it was.
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before + 1));
            room.phone.locator("#next").tap();
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(before + 2));
            assertThat(room.slide()).hasAttribute("data-kind", "award");
            assertThat(room.phone.locator("#loop-banner")).hasCount(0);
            assertFalse(room.server.app.director().snapshot().state().loop());
            assertEquals(List.of(), room.consoleErrors);
        }
    }

    @Test
    void the_kiosk_is_browsed_by_touch_and_goes_back_to_the_loop_when_left_alone(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext touch = chromium.kiosk()) {
            useQuickLoop(room);
            Page kiosk = touch.newPage();
            kiosk.navigate(room.server.url("/kiosk?screen=foyer"));
            assertThat(kiosk.locator("body")).hasClass(Pattern.compile("\\battract\\b"));
            assertThat(kiosk.locator("#k-loop")).isVisible();
            assertThat(dot(room.phone, "foyer")).hasAttribute("data-health", "green", WITHIN_10_S);

            kiosk.locator("#k-loop").tap();
            assertThat(kiosk.locator("body")).not().hasClass(Pattern.compile("\\battract\\b"));
            assertThat(kiosk.locator("#k-home")).isVisible();
            Locator award = kiosk.locator(".k-award-button[data-award='main']");
            var box = award.boundingBox();
            assertTrue(box.height >= 120 && box.width >= 300, "a target a thumb cannot miss: " + box.width + "x" + box.height);
            award.tap();
            assertThat(kiosk.locator("#award-main")).isVisible();
            assertThat(kiosk.locator("#k-home")).isHidden();
            assertThat(kiosk.locator("#award-main .k-nominee")).hasCount(3);
            assertThat(kiosk.locator(".k-winner")).hasCount(0);
            kiosk.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("kiosk-award.png")));

            // Left alone, it goes back to the loop and to the first page.
            assertThat(kiosk.locator("body")).hasClass(Pattern.compile("\\battract\\b"),
                    new LocatorAssertions.HasClassOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#k-home")).not().hasAttribute("hidden", "");
            assertEquals("", kiosk.evaluate("() => location.hash"));

            // The winner is revealed in the hall: the kiosk shows it without a reload.
            kiosk.evaluate("() => { window.__sameKioskPage = true; }");
            room.server.control("{\"action\":\"goto\",\"slide\":4}");
            assertThat(kiosk.locator("#award-main .k-winner")).hasCount(1);
            assertEquals(true, kiosk.evaluate("() => window.__sameKioskPage === true"));
            kiosk.locator("#k-loop").tap();
            kiosk.locator(".k-award-button[data-award='main']").tap();
            assertThat(kiosk.locator("#award-main .k-winner h2")).hasText(TestShows.WINNER_NAME);
            assertEquals(List.of(), room.consoleErrors);
        }
    }

    @Test
    void every_screen_reloads_itself_when_the_server_comes_back_as_a_new_build(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext laptop = chromium.laptop();
             BrowserContext foyer = chromium.kiosk()) {
            Page stage = laptop.newPage();
            stage.navigate(room.server.url("/stage?key=stage-key"));
            assertThat(stage.locator("#connection")).hasAttribute("data-state", "live");
            Page kiosk = foyer.newPage();
            kiosk.navigate(room.server.url("/kiosk"));
            long version = room.next();
            List<Page> screens = List.of(room.display, stage, kiosk);
            for (Page screen : screens) {
                screen.evaluate("() => { window.__oldPage = true; }");
            }
            var settings = room.server.settings.withPort(room.server.app.port());
            room.server.close();
            System.setProperty("kuvert.build", "upgraded-" + System.nanoTime());
            try {
                room.server = se.kuvert.TestApp.restart(settings);
                room.display.waitForFunction("() => window.__oldPage === undefined && document.querySelector('#stage .slide') !== null");
                assertThat(room.slide()).hasAttribute("data-version", String.valueOf(version));
                for (Page screen : screens) {
                    screen.waitForFunction("() => window.__oldPage === undefined");
                    assertEquals(System.getProperty("kuvert.build"), screen.locator("body").getAttribute("data-build"), screen.url());
                }
                assertThat(stage.locator("#monitor-content")).hasAttribute("data-version", String.valueOf(version));
            } finally {
                System.clearProperty("kuvert.build");
            }
        }
    }

    @Test
    void a_screen_that_goes_away_turns_red_on_the_phone_and_green_when_it_is_back(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080)) {
            Locator display = dot(room.phone, "display");
            assertThat(display).hasAttribute("data-health", "green", WITHIN_10_S);
            room.phone.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("phone-health-green.png")));

            // The big screen's network goes: no goodbye, just silence.
            long gone = System.nanoTime();
            room.displayContext.setOffline(true);
            assertThat(display).hasAttribute("data-health", "red", WITHIN_10_S);
            System.out.printf("%nA silent screen turned red on the phone after %d ms%n%n", (System.nanoTime() - gone) / 1_000_000);

            // Walking on to the envelope, the phone warns before the reveal.
            while (!room.server.app.director().snapshot().nextRevealsWinner()) {
                long v = room.version();
                assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v));
                room.phone.locator("#next").tap();
                assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(v + 1));
            }
            assertThat(room.phone.locator("#health-warning")).containsText("Innan du avslöjar");   // the gala is Swedish
            assertThat(room.phone.locator("#health-warning")).containsText("display");
            room.phone.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("phone-health-warning.png")));

            long back = System.nanoTime();
            room.displayContext.setOffline(false);
            assertThat(display).hasAttribute("data-health", "green", WITHIN_10_S);
            System.out.printf("%nThe screen was green again %d ms after its network came back%n%n", (System.nanoTime() - back) / 1_000_000);
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(room.version()));
            assertThat(room.phone.locator("#health-warning")).hasCount(0);
        }
    }
}
