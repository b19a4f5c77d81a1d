package se.kuvert.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * At 720p, 1080p and 4K, the 16:9 stage fills the window (letterboxed, centred), and at every step of the demo
 * shows measure.js finds nothing outside the stage, overflowing, clipped, below the floor, missing or distorted.
 */
class ScreenFitBrowserTest extends BrowserTest {

    @org.junit.jupiter.api.Test
    void letters_beyond_basic_latin_are_drawn_in_the_bundled_fonts_loaded_up_front(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "digitaliseringskommun-2021", 1280, 720)) {
            room.settle();
            room.display.waitForFunction("() => [...document.fonts].filter(f => f.status === 'loaded'"
                    + " && f.unicodeRange.includes('U+100-2BA')).length === 6");
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) room.display.evaluate("() => [...document.fonts]"
                    + ".filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight + ' ' + f.style + ' ' + f.unicodeRange)");
            for (String face : List.of("Inter 400", "Inter 600", "Inter 700", "Playfair Display 400 normal",
                    "Playfair Display 700", "Playfair Display 400 italic")) {
                org.junit.jupiter.api.Assertions.assertTrue(loaded.stream().anyMatch(f -> f.replace("\"", "").startsWith(face)
                        && f.contains("U+100-2BA")), face + " with Latin Extended (ł, ș) is loaded: " + loaded);
            }
        }
    }

    /** Returns one line per way the stage does not fill the window, then one per problem measure.js finds. */
    private static final String PROBLEMS = """
            () => {
              const stage = document.getElementById('stage').getBoundingClientRect();
              const problems = [];
              if (stage.left < -1 || stage.top < -1 || stage.right > innerWidth + 1 || stage.bottom > innerHeight + 1)
                problems.push('the stage is not inside the window: ' + JSON.stringify(stage));
              if (Math.abs(stage.width - innerWidth) > 2 && Math.abs(stage.height - innerHeight) > 2)
                problems.push('the stage does not fill the window: ' + JSON.stringify(stage));
              if (Math.abs((stage.left + stage.right) - innerWidth) > 2 || Math.abs((stage.top + stage.bottom) - innerHeight) > 2)
                problems.push('the stage is not centred: ' + JSON.stringify(stage));
              KuvertMeasure.measure(document.getElementById('stage'))
                .forEach(p => problems.push(p.kind + ': ' + p.element + ' ' + p.detail));
              return problems;
            }
            """;

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
            "digitaliseringskommun-2017, 1280, 720", "digitaliseringskommun-2017, 1920, 1080", "digitaliseringskommun-2017, 3840, 2160",
            "digitaliseringskommun-2021, 1280, 720", "digitaliseringskommun-2021, 3840, 2160"})
    void every_slide_fits_the_screen_and_has_its_images(String show, int width, int height, @TempDir Path data) {
        try (Room room = new Room(chromium, data, show, width, height)) {
            room.display.addScriptTag(new Page.AddScriptTagOptions().setUrl(room.server.url("/assets/measure.js")));
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
