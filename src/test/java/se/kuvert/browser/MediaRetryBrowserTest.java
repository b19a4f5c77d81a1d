package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.display.Preload;
import se.kuvert.live.Command;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A medium that failed to load is fetched again: a big screen (the audio output) that lost the first fetch of every
 * image and sound (the Wi-Fi dropped, the server restarted, the page reloaded while they came in) shows and can play
 * them all after all, and the slide's markup is what the server sent.
 */
class MediaRetryBrowserTest extends BrowserTest {
    /** Every image of the page not (yet) drawn and every sound not (yet) playable: their src, or nothing when all are. */
    private static final String BROKEN = "() => [...document.querySelectorAll('img, audio')]"
            + ".filter(m => m.tagName === 'IMG' ? !(m.complete && m.naturalWidth > 0) : m.readyState < 3)"
            + ".map(m => m.getAttribute('src'))";

    @Test
    void a_big_screen_whose_first_fetch_of_every_medium_failed_shows_and_plays_them_all(@TempDir Path data) {
        try (TestApp server = TestApp.start(data, "digitaliseringskommun-2017");
             BrowserContext screen = chromium.display(1280, 720)) {
            Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
            screen.route("**/media/**", route -> {
                if (fetches.computeIfAbsent(route.request().url(), u -> new AtomicInteger()).incrementAndGet() == 1) {
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });
            Page display = screen.newPage();
            display.navigate(server.url("/display"));
            assertThat(display.locator("#stage > .slide:not(.leaving)"))
                    .hasAttribute("data-version", String.valueOf(server.app.director().snapshot().state().version()));
            String logo = "/media/emblems/digitaliseringskommun.svg";
            assertEquals(1, display.locator(".slide img.emblem-top[src='" + logo + "']").count(), "the title shows the show's logo");

            try {
                display.waitForFunction("() => (" + BROKEN + ")().length === 0", null,
                        new Page.WaitForFunctionOptions().setTimeout(15_000));
            } catch (TimeoutError e) {
                fail("still broken after 15 s: " + display.evaluate(BROKEN) + "; fetches " + fetches);
            }

            assertEquals(2, display.locator("#preload audio").count(), "the audio output loads the show's two sounds");
            assertTrue(fetches.size() >= 8, "the logo, the five nominees' emblems and the sounds were asked for: " + fetches.keySet());
            fetches.forEach((url, n) -> assertTrue(n.get() >= 2, url + " was fetched again after its first fetch failed"));
            assertEquals(logo, display.locator(".slide img.emblem-top").getAttribute("src"), "the markup is the server's");
        }
    }

    /**
     * The big screen asks for a newly loaded show's preload list, and the first ask is lost: it asks again, and loads
     * the new show's media, instead of counting the old show's as ready.
     */
    @Test
    void a_lost_preload_list_is_asked_for_again(@TempDir Path data) {
        try (TestApp server = TestApp.start(data, "digitaliseringskommun-2017");
             BrowserContext screen = chromium.display(1280, 720)) {
            AtomicInteger asked = new AtomicInteger();
            screen.route("**/display/preload", route -> {
                if (asked.incrementAndGet() == 1) {
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });
            Page display = screen.newPage();
            display.navigate(server.url("/display"));
            assertThat(display.locator("#preload")).hasAttribute("data-show", "digitaliseringskommun-2017");

            server.app.director().apply(new Command.Load("digitaliseringskommun-2021"), null, "operator");
            List<String> expected = Preload.of(server.app.shows().find("digitaliseringskommun-2021").orElseThrow()).stream()
                    .map(path -> "/media/" + path).toList();
            try {
                display.waitForFunction("paths => JSON.stringify([...document.querySelectorAll('#preload > *')]"
                        + ".map(m => m.getAttribute('src'))) === JSON.stringify(paths)", expected,
                        new Page.WaitForFunctionOptions().setTimeout(10_000));
            } catch (TimeoutError e) {
                fail("the preload list is not the new show's after 10 s: " + display.evaluate(
                        "() => [...document.querySelectorAll('#preload > *')].map(m => m.getAttribute('src'))")
                        + " (asked " + asked.get() + " times)");
            }
            assertTrue(asked.get() >= 2, "asked again after the first was lost");
            display.waitForFunction("() => (" + BROKEN + ")().length === 0");
            assertThat(display.locator("#preload")).hasAttribute("data-show", "digitaliseringskommun-2021");
        }
    }
}
