package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.kuvert.content.Slide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The phone, the stage monitor, the kiosk and the big screen speak the show's language around it: a Swedish show
 * gets no English control or label, an English show no Swedish one, in every state the screens show words in
 * (a reveal coming, the loop running, the screen black, the run of show and the shows open).
 */
class ScreenLanguageBrowserTest extends BrowserTest {
    /** Words of each screen's own that belong to one language only. */
    private static final List<String> ENGLISH = List.of("Now", "Next", "Prev", "Previous", "Hold to reveal", "Press and hold",
            "Read aloud", "Notes", "Blackout", "Logo", "Loop", "Run of show", "Shows", "Log out", "Step", "slide", "steps",
            "Live", "Connecting", "Reconnecting", "End of the show", "Winner sealed", "attract loop", "black", "Cancel",
            "Yes", "Go live", "The attract loop", "Big screen", "On screen now", "Show controls", "Screens", "ready",
            "All awards", "nominees", "Winner", "paragraph", "The nominees", "Time since");
    private static final List<String> SWEDISH = List.of("Nu", "Nästa", "Bakåt", "Föregående", "Håll", "Läs upp",
            "Anteckningar", "Svart", "svart", "Logotyp", "Väntloop", "väntloop", "Körschema", "Shower", "Logga ut", "Steg",
            "bild", "steg", "Uppkopplad", "Ansluter", "Slut på showen", "förseglad", "Avbryt", "Ja", "Storskärmen",
            "På storskärmen", "Skärmar", "redo", "Alla priser", "nominerade", "Vinnare", "stycke", "De nominerade");

    /** What a person reads on the page, visible text and the labels a screen reader says, without the preload box. */
    private static final String WORDS = """
            () => {
              const words = [document.body.innerText];
              document.querySelectorAll('[aria-label], [title]').forEach(el => {
                if (el.closest('#preload')) return;
                words.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '');
              });
              return words.join('\\n');
            }
            """;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"gala, sv, main", "other, en, other"})
    void every_screen_speaks_the_language_of_its_show(String showId, String language, String awardId, @TempDir Path data) {
        List<String> foreign = language.equals("sv") ? ENGLISH : SWEDISH;
        try (Room room = new Room(chromium, data, showId, 1920, 1080);
             BrowserContext lectern = chromium.laptop();
             BrowserContext foyer = chromium.kiosk()) {
            Page stage = lectern.newPage();
            stage.navigate(room.server.url("/stage?screen=lectern&key=stage-key"));
            assertThat(stage.locator("#connection")).hasAttribute("data-state", "live");
            Page kiosk = foyer.newPage();
            kiosk.navigate(room.server.url("/kiosk?screen=foyer"));
            assertThat(room.phone.locator("#panel-content")).hasAttribute("data-lang", language);

            List<String> found = new ArrayList<>();
            var run = room.server.app.director().snapshot().run();
            int envelope = IntStream.range(0, run.size()).filter(i -> run.slide(i) instanceof Slide.Envelope).findFirst().orElseThrow();
            int motivation = IntStream.range(0, run.size()).filter(i -> run.slide(i) instanceof Slide.Motivation).findFirst().orElseThrow();
            List<String> states = List.of("{\"action\":\"goto\",\"slide\":" + envelope + "}",
                    "{\"action\":\"goto\",\"slide\":" + motivation + "}", "{\"action\":\"loop\",\"on\":true}",
                    "{\"action\":\"blackout\",\"on\":true}");
            for (String command : states) {
                room.server.control(command);
                String version = String.valueOf(room.version());
                assertThat(room.phone.locator("#panel-content")).hasAttribute("data-version", version);
                assertThat(stage.locator("#monitor-content")).hasAttribute("data-version", version);
                if (room.phone.locator("details.run[open]").count() == 0) {
                    room.phone.locator("details.run summary").tap();
                    room.phone.locator("details.shows summary").tap();
                }
                found.addAll(foreignWords(room.phone, "phone after " + command, foreign));
                found.addAll(foreignWords(stage, "stage monitor after " + command, foreign));
                found.addAll(foreignWords(room.display, "big screen after " + command, foreign));
            }

            kiosk.locator("#k-loop").tap();
            assertThat(kiosk.locator("#k-home")).isVisible();
            found.addAll(foreignWords(kiosk, "kiosk home", foreign));
            kiosk.locator(".k-award-button[data-award='" + awardId + "']").tap();
            assertThat(kiosk.locator("#award-" + awardId)).isVisible();
            found.addAll(foreignWords(kiosk, "kiosk award", foreign));
            assertEquals(List.of(), found, "words of the other language around a show in " + language);
        }
    }

    private static List<String> foreignWords(Page page, String where, List<String> foreign) {
        String words = (String) page.evaluate(WORDS);
        return foreign.stream().filter(w -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(w) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(words).find())
                .map(w -> where + ": \"" + w + "\"").toList();
    }
}
