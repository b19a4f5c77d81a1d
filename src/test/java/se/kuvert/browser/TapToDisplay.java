package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * For the benchmark: taps Next on a phone page through a whole show against a running server and returns, per
 * tap, the time from the tap to the change in the big screen's DOM (ms). Both pages share one clock.
 */
public final class TapToDisplay {
    private TapToDisplay() {
    }

    /** {@code base} like http://127.0.0.1:7070; the show on screen is walked from its current place to its end. */
    public static List<Double> measure(String base, String pin) {
        List<Double> latencies = new ArrayList<>();
        try (Chromium chromium = Chromium.launch();
             BrowserContext displayContext = chromium.display(1920, 1080);
             BrowserContext phoneContext = chromium.phone()) {
            Page display = displayContext.newPage();
            display.navigate(base + "/display");
            Page phone = phoneContext.newPage();
            phone.navigate(base + "/presenter");
            phone.locator("#pin").fill(pin);
            phone.locator("button[type=submit]").click();
            assertThat(phone.locator("#connection")).hasAttribute("data-state", "live");
            var slide = display.locator("#stage > .slide:not(.leaving)");
            var panel = phone.locator("#panel-content");
            for (int i = 0; i < 100; i++) {
                long version = Long.parseLong(panel.getAttribute("data-version"));
                assertThat(slide).hasAttribute("data-version", String.valueOf(version));
                if (phone.locator("#next-title").textContent().contains(se.kuvert.content.Texts.of(panel.getAttribute("data-lang")).get("ui.endOfShow"))) {
                    break;
                }
                if ("true".equals(panel.getAttribute("data-next-reveals"))) {
                    var box = phone.locator("#next").boundingBox();
                    phone.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
                    phone.mouse().down();
                    assertThat(slide).hasAttribute("data-version", String.valueOf(version + 1));
                    phone.mouse().up();
                    assertThat(panel).hasAttribute("data-version", String.valueOf(version + 1));
                    continue;   // a hold is not a tap: its latency is the hold, not the system
                }
                phone.locator("#next").tap();
                assertThat(slide).hasAttribute("data-version", String.valueOf(version + 1));
                assertThat(panel).hasAttribute("data-version", String.valueOf(version + 1));
                double tap = ((Number) phone.evaluate("() => window.__kuvert.taps[window.__kuvert.taps.length - 1]")).doubleValue();
                double shown = ((Number) display.evaluate("v => window.__kuvert.shown[v]", String.valueOf(version + 1))).doubleValue();
                double latency = shown - tap;
                latencies.add(latency);
                if (System.getenv("BENCH_TAP_EACH") != null) {   // which taps are the slow ones, on standard error
                    System.err.printf(java.util.Locale.ROOT, "tap to version %d: %.1f ms, %s%n", version + 1, latency,
                            slide.getAttribute("class"));
                }
            }
        }
        return latencies;
    }
}
