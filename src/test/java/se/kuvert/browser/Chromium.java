package se.kuvert.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, which must never download a browser. In CI ({@code CI=true}) a missing
 * Chromium fails the tests; on a developer's machine they are skipped with a loud message.
 */
final class Chromium implements AutoCloseable {
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--autoplay-policy=no-user-gesture-required");

    final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path executable = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(executable)) {
            String message = "Chromium not found at " + executable + " (set CHROMIUM_PATH or apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + ": the browser tests must run in CI");
            }
            System.err.println("\n************************************************************\n"
                    + "SKIPPING BROWSER TESTS: " + message
                    + "\n************************************************************\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    /** The big screen: a kiosk window of the given size. */
    BrowserContext display(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.addInitScript(PROBE);
        return context;
    }

    /** A presenter's phone: 390×844, touch, mobile. */
    BrowserContext phone() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
                .setUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"));
        context.addInitScript(PROBE);
        return context;
    }

    /** A touch screen in the foyer: full HD, touch, no mouse. */
    BrowserContext kiosk() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1920, 1080).setHasTouch(true));
        context.addInitScript(PROBE);
        return context;
    }

    /** A laptop running the presenter page with a clicker. */
    BrowserContext laptop() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.addInitScript(PROBE);
        return context;
    }

    /**
     * Runs in every page before its own scripts: records every SSE message the page receives, when each state
     * version first appeared in the stage, and when Next was tapped (both on one clock: performance.timeOrigin).
     */
    static final String PROBE = """
            (() => {
              const now = () => performance.timeOrigin + performance.now();
              window.__kuvert = { sse: [], shown: {}, taps: [] };
              const Native = window.EventSource;
              function Recording(url, options) {
                const source = new Native(url, options);
                const record = e => window.__kuvert.sse.push(e.data);
                source.addEventListener('stage', record);
                source.addEventListener('panel', record);
                return source;
              }
              Recording.prototype = Native.prototype;
              Recording.CONNECTING = 0; Recording.OPEN = 1; Recording.CLOSED = 2;
              window.EventSource = Recording;
              document.addEventListener('click', e => {
                if (e.target.closest && e.target.closest('#next')) window.__kuvert.taps.push(now());
              }, true);
              document.addEventListener('DOMContentLoaded', () => {
                const stage = document.getElementById('stage');
                if (!stage) return;
                const note = () => {
                  const slide = stage.querySelector('.slide:not(.leaving)');
                  if (slide && !(slide.dataset.version in window.__kuvert.shown)) window.__kuvert.shown[slide.dataset.version] = now();
                };
                note();
                new MutationObserver(note).observe(stage, { subtree: true, childList: true, attributes: true });
              });
            })();
            """;

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
