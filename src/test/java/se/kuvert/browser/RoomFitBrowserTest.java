package se.kuvert.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.kuvert.TestShows;
import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens around the big screen fit the screen they are on: the foyer kiosk in landscape and portrait, with
 * big touch targets, even for a show with a long award name, twelve nominees and a long motivation.
 */
class RoomFitBrowserTest extends BrowserTest {
    static final String LONG_AWARD = "Årets mest innovativa digitala samverkansinitiativ mellan kommuner, regioner och civilsamhälle";
    static final String LONG_PARAGRAPH = "Juryn vill särskilt lyfta fram det långsiktiga arbetet med att göra kommunens tjänster tillgängliga "
            + "för alla invånare, oavsett ålder, språk eller förutsättningar, och det modiga beslutet att bygga om hela "
            + "ärendehanteringen tillsammans med medarbetarna i stället för att köpa en färdig lösning. ";

    /** The gala plus a second award with a long name, twelve nominees and a long motivation. */
    static Show crowded() {
        Show s = TestShows.gala();
        List<Nominee> twelve = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new Nominee("n" + i, "Nominerad kommun nummer " + i, "Nominerad för ett långsiktigt och modigt arbete " + i, null, null))
                .toList();
        Award big = new Award("big", LONG_AWARD, LONG_PARAGRAPH, twelve, "n7", "för ett arbete som visar vägen",
                null, List.of(LONG_PARAGRAPH.repeat(2), LONG_PARAGRAPH, LONG_PARAGRAPH.repeat(3)), List.of(), null, null);
        var awards = new java.util.ArrayList<>(s.awards());
        awards.add(big);
        return new Show(s.id(), s.title(), s.subtitle(), s.date(), s.venue(), s.language(), s.theme(), awards, s.partners(),
                s.closing(), s.runOfShow(), s.loop());
    }

    /** Every link and button on the page that a visitor can see, with its size. */
    private static final String TARGETS = """
            () => [...document.querySelectorAll('a, button')].filter(el => el.offsetParent !== null && !el.closest('.k-loop'))
                .map(el => { const r = el.getBoundingClientRect(); return { text: el.textContent.trim().slice(0, 30), w: r.width, h: r.height }; })
            """;

    /** How much of the window the visible kiosk page's content covers, as fractions of its width and height. */
    private static final String COVERAGE = """
            () => {
              const page = document.querySelector('.k-page:not([hidden])');
              let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
              page.querySelectorAll('*').forEach(el => {
                const x = el.getBoundingClientRect();
                if (x.width === 0 || x.height === 0) return;
                l = Math.min(l, x.left); t = Math.min(t, x.top); r = Math.max(r, x.right); b = Math.max(b, Math.min(x.bottom, innerHeight));
              });
              return { width: (r - l) / innerWidth, height: (b - t) / innerHeight };
            }
            """;

    @ParameterizedTest(name = "kiosk at {0}x{1}")
    @CsvSource({"1920, 1080", "1280, 720", "1080, 1920"})
    void the_kiosk_uses_the_whole_screen_with_targets_a_thumb_cannot_miss(int width, int height, @TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext touch = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setHasTouch(true))) {
            room.server.app.shows().save(crowded(), "test");
            room.server.app.director().showEdited("gala");
            Page kiosk = touch.newPage();
            kiosk.navigate(room.server.url("/kiosk?screen=foyer"));
            kiosk.locator("#k-loop").tap();
            assertThat(kiosk.locator("body")).not().hasClass(Pattern.compile("\\battract\\b"));
            String size = width + "x" + height;
            checkPage(kiosk, "home", size);
            kiosk.locator(".k-award-button[data-award='big']").tap();
            assertThat(kiosk.locator("#award-big")).isVisible();
            assertThat(kiosk.locator("#award-big .k-nominee")).hasCount(12);
            checkPage(kiosk, "award", size);
        }
    }

    /** Where the line to read now is, against the box that shows it, the window, and how large its text is. */
    private static final String CURRENT_LINE = """
            () => {
              const line = document.querySelector('.read .line.current').getBoundingClientRect();
              const box = document.querySelector('.read').getBoundingClientRect();
              return { inBox: line.top >= box.top - 1 && line.bottom <= box.bottom + 1, inWindow: line.top >= 0 && line.bottom <= innerHeight + 1,
                       font: parseFloat(getComputedStyle(document.querySelector('.read .line.current')).fontSize),
                       scrolled: scrollY, line: line.top + '..' + line.bottom, box: box.top + '..' + box.bottom };
            }
            """;

    @ParameterizedTest(name = "stage monitor at {0}x{1}")
    @CsvSource({"1280, 800", "1920, 1080"})
    void the_stage_monitor_shows_the_whole_paragraph_to_read(int width, int height, @TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext monitor = chromium.display(width, height)) {
            room.server.app.shows().save(crowded(), "test");
            room.server.app.director().showEdited("gala");
            var run = room.server.app.director().snapshot().run();
            int motivation = IntStream.range(0, run.size())
                    .filter(i -> run.slide(i) instanceof Slide.Motivation m && m.award().id().equals("big")).findFirst().orElseThrow();
            Page stage = monitor.newPage();
            stage.navigate(room.server.url("/stage?screen=lectern&key=stage-key"));
            assertThat(stage.locator("#connection")).hasAttribute("data-state", "live");
            for (int step = 0; step < run.slide(motivation).steps(); step++) {
                room.server.control("{\"action\":\"goto\",\"slide\":" + motivation + ",\"step\":" + step + "}");
                assertThat(stage.locator("#monitor-content")).hasAttribute("data-version", String.valueOf(room.version()));
                stage.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve(
                        "stage-long-paragraph-" + step + "-" + width + "x" + height + ".png")));
                @SuppressWarnings("unchecked")
                var line = (java.util.Map<String, Object>) stage.evaluate(CURRENT_LINE);
                assertEquals(true, line.get("inBox"), "paragraph " + (step + 1) + " is whole in its box: " + line);
                assertEquals(true, line.get("inWindow"), "paragraph " + (step + 1) + " is whole in the window: " + line);
                assertTrue(((Number) line.get("font")).doubleValue() >= 22, "and readable from the lectern: " + line);
                assertEquals(0, ((Number) line.get("scrolled")).intValue(), "the page itself never scrolls");
            }
        }
    }

    /** Every card and list item whose bottom is under the fixed Prev/Next bar, with the page scrolled to its end. */
    private static final String UNDER_THE_BAR = """
            () => {
              window.scrollTo(0, document.documentElement.scrollHeight);
              const bar = document.querySelector('.controls').getBoundingClientRect().top;
              return [...document.querySelectorAll('#panel .card, #panel li, #panel form')].filter(el => el.offsetParent !== null)
                .filter(el => el.getBoundingClientRect().bottom > bar + 0.5)
                .map(el => el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ends at ' + el.getBoundingClientRect().bottom + ', the bar starts at ' + bar);
            }
            """;

    /**
     * Every card, list item and button that sticks out of the phone's screen, {@code width} CSS pixels (not
     * {@code innerWidth}: a phone widens its layout to what sticks out and shows the left of it).
     */
    private static final String WIDER_THAN_THE_PHONE = """
            width => [...document.querySelectorAll('#panel .card, #panel li, #panel button, .controls button')]
              .filter(el => el.offsetParent !== null)
              .filter(el => el.getBoundingClientRect().right > width + 0.5)
              .map(el => el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ends at '
                + el.getBoundingClientRect().right + ', the phone is ' + width + ' wide')
            """;

    /** {@code textPx}: the phone's text size, larger when its owner has asked for large text. */
    @ParameterizedTest(name = "phone at {0}x{1}, text {2} px")
    @CsvSource({"320, 568, 17", "430, 932, 17", "320, 568, 24"})
    void nothing_on_the_phone_hides_under_its_prev_and_next_buttons(int width, int height, int textPx, @TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext small = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                     .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            Page phone = small.newPage();
            room.login(phone);
            // The step before the reveal: the Next button says the most, the cards hold the most.
            var run = room.server.app.director().snapshot().run();
            int envelope = IntStream.range(0, run.size()).filter(i -> run.slide(i) instanceof Slide.Envelope).findFirst().orElseThrow();
            room.server.control("{\"action\":\"goto\",\"slide\":" + envelope + ",\"step\":0}");
            assertThat(phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(room.version()));
            assertThat(phone.locator("#next")).hasClass(Pattern.compile("\\breveal\\b"));
            phone.evaluate("px => document.documentElement.style.fontSize = px + 'px'", textPx);
            phone.locator("details.run summary").tap();
            phone.locator("details.shows summary").tap();
            assertThat(phone.locator("details.shows li").first()).isVisible();
            assertEquals(List.of(), phone.evaluate(UNDER_THE_BAR), "at " + width + "x" + height + " with " + textPx + " px text");
            assertEquals(List.of(), phone.evaluate(WIDER_THAN_THE_PHONE, width), "at " + width + "x" + height + " with " + textPx + " px text");
            phone.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("phone-end-" + width + "x" + height + "-" + textPx + "px.png")));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkPage(Page kiosk, String name, String size) {
        kiosk.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("kiosk-" + name + "-" + size + ".png")));
        var coverage = (java.util.Map<String, Number>) kiosk.evaluate(COVERAGE);
        assertTrue(coverage.get("width").doubleValue() > 0.8 && coverage.get("height").doubleValue() > 0.7,
                "the " + name + " page uses the screen at " + size + ": " + coverage);
        List<java.util.Map<String, Object>> small = ((List<java.util.Map<String, Object>>) kiosk.evaluate(TARGETS)).stream()
                .filter(t -> ((Number) t.get("w")).doubleValue() < 64 || ((Number) t.get("h")).doubleValue() < 64).toList();
        assertEquals(List.of(), small, "touch targets smaller than 64 px on the " + name + " page at " + size);
        assertEquals(0.0, ((Number) kiosk.evaluate("() => document.documentElement.scrollWidth - innerWidth")).doubleValue(),
                "nothing is wider than the screen");
    }
}
