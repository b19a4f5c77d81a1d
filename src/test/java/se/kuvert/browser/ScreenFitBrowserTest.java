package se.kuvert.browser;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * At 720p, 1080p and 4K, the 16:9 stage fills the window (letterboxed, centred), no text of any slide leaves the
 * stage or its box, and every image has loaded.
 */
class ScreenFitBrowserTest extends BrowserTest {



    /** Returns one line per element that overflows the stage or its own box, or an image not loaded. */
    private static final String PROBLEMS = """
            () => {
              const stage = document.getElementById('stage').getBoundingClientRect();
              const slide = document.querySelector('#stage > .slide:not(.leaving)');
              const problems = [];
              if (stage.left < -1 || stage.top < -1 || stage.right > innerWidth + 1 || stage.bottom > innerHeight + 1)
                problems.push('the stage is not inside the window: ' + JSON.stringify(stage));
              if (Math.abs(stage.width - innerWidth) > 2 && Math.abs(stage.height - innerHeight) > 2)
                problems.push('the stage does not fill the window: ' + JSON.stringify(stage));
              if (Math.abs((stage.left + stage.right) - innerWidth) > 2 || Math.abs((stage.top + stage.bottom) - innerHeight) > 2)
                problems.push('the stage is not centred: ' + JSON.stringify(stage));
              const describe = el => el.tagName.toLowerCase() + '.' + el.className + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
              slide.querySelectorAll('*').forEach(el => {
                if (el.closest('[aria-hidden="true"]') || el.tagName === 'svg' || el.closest('svg')) return;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || style.display === 'none') return;
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) return;
                if (r.left < stage.left - 1 || r.top < stage.top - 1 || r.right > stage.right + 1 || r.bottom > stage.bottom + 1)
                  problems.push('outside the stage: ' + describe(el));
                if (el.scrollHeight > el.clientHeight + 2 && el.clientHeight > 0 && style.overflowY !== 'visible')
                  problems.push('text cut off: ' + describe(el));
                if (el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0 && el.children.length === 0)
                  problems.push('too wide for its box: ' + describe(el));
              });
              document.querySelectorAll('#stage img').forEach(img => {
                if (!img.complete || img.naturalWidth === 0) problems.push('image not loaded: ' + img.src);
              });
              return problems;
            }
            """;

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
            "digitaliseringskommun-2017, 1280, 720", "digitaliseringskommun-2017, 1920, 1080", "digitaliseringskommun-2017, 3840, 2160",
            "digitaliseringskommun-2021, 1280, 720", "digitaliseringskommun-2021, 3840, 2160"})
    void every_slide_fits_the_screen_and_has_its_images(String show, int width, int height, @TempDir Path data) {
        try (Room room = new Room(chromium, data, show, width, height)) {
            while (true) {
                room.settle();
                var state = room.server.app.director().snapshot().state();
                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>) room.display.evaluate(PROBLEMS);
                assertEquals(List.of(), problems, show + " slide " + state.slide() + " step " + state.step() + " at " + width + "x" + height);
                if (width != 1920) {
                    room.screenshot(show, state.slide(), state.step());
                }
                if (room.atEnd()) {
                    break;
                }
                room.next();
            }
        }
    }
}
