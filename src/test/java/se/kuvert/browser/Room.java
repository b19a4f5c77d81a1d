package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import se.kuvert.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A ceremony room for one test: a Kuvert server, the big screen, and the presenter's phone. */
final class Room implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    TestApp server;
    final BrowserContext displayContext;
    final BrowserContext phoneContext;
    final Page display;
    final Page phone;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    final List<String> displayResponses = new CopyOnWriteArrayList<>();
    final int width;
    final int height;
    private volatile boolean closing;

    Room(Chromium chromium, Path data, String showId, int width, int height) {
        this.server = TestApp.start(data, showId);
        this.width = width;
        this.height = height;
        this.displayContext = chromium.display(width, height);
        this.phoneContext = chromium.phone();
        this.display = watch(displayContext.newPage(), "display");
        this.phone = watch(phoneContext.newPage(), "phone");
        // A body is read once the browser has all of it: asked for when the answer's head came in, it was waited
        // for, and an answer cut off by the screen reloading itself was then waited for forever, inside the event
        // handler, so the whole test hung (one run in 25 of the new-build test; once for a CI run's 90 minutes).
        display.onRequestFinished(request -> {
            try {
                // Both calls ask the browser; the request has finished, so both answer at once.
                Response r = request.response();
                String type = r == null ? null : r.headers().get("content-type");
                if (type != null && (type.startsWith("text/html") || type.contains("json"))) {
                    displayResponses.add(r.text());
                }
            } catch (PlaywrightException e) {
                // An answer can arrive while the room is being closed, or just before the screen reloads itself
                // (a new build); its body is gone with the page, and the page that replaces it is read instead.
                if (!closing && !String.valueOf(e.getMessage()).contains("navigated away")) {
                    throw e;
                }
            }
        });
        display.navigate(server.url("/display"));
        assertThat(slide()).hasAttribute("data-version", String.valueOf(version()));
        login(phone);
    }

    private Page watch(Page page, String name) {
        page.onRequest(r -> requests.add(r.url()));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(name + ": " + m.text());
            }
        });
        return page;
    }

    void login(Page page) {
        page.navigate(server.url("/presenter"));
        page.locator("#pin").fill(TestApp.PIN);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#connection")).hasAttribute("data-state", "live");
    }

    /**
     * Advances one step as a presenter does: a tap, or at a winner reveal a press-and-hold until the big screen
     * shows the winner. Returns the new version once the big screen shows it.
     */
    long next() {
        long before = version();
        // A presenter taps on what the phone shows; a tap based on an older state is refused as stale.
        assertThat(phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before));
        if (server.app.director().snapshot().nextRevealsWinner()) {
            var box = phone.locator("#next").boundingBox();
            phone.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
            phone.mouse().down();
            assertThat(slide()).hasAttribute("data-version", String.valueOf(before + 1));
            phone.mouse().up();
        } else {
            phone.locator("#next").tap();
            assertThat(slide()).hasAttribute("data-version", String.valueOf(before + 1));
        }
        assertThat(phone.locator("#panel-content")).hasAttribute("data-version", String.valueOf(before + 1));
        return before + 1;
    }

    boolean atEnd() {
        var snapshot = server.app.director().snapshot();
        return snapshot.nextPlace() == snapshot.state();
    }

    long version() {
        return server.app.director().snapshot().state().version();
    }

    /** The slide element the audience sees. */
    Locator slide() {
        return display.locator("#stage > .slide:not(.leaving)");
    }

    /**
     * Waits until no transition is running or about to start on the big screen (looping decorations aside). An element
     * coming in waits two frames in its 'pre-enter' place with no transition at all, so that counts as about to start.
     */
    void settle() {
        display.waitForFunction("() => !document.querySelector('.pre-enter')"
                + " && document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect.getTiming().iterations === Infinity)");
    }

    void screenshot(String show, int slideIndex, int step) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        settle();
        String name = show + "-slide" + slideIndex + "-step" + step;
        display.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + "x" + height + ".png")));
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-phone.png")));
    }

    /** Everything the display page has received so far and shows now, as one string. */
    String everythingTheDisplayGot() {
        return display.content() + "\n" + display.evaluate("() => window.__kuvert.sse.join('\\n')") + "\n"
                + String.join("\n", displayResponses);
    }

    @Override
    public void close() {
        closing = true;
        displayContext.close();
        phoneContext.close();
        server.close();
    }
}
