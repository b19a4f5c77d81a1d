package se.kuvert.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.SealedWinnerTest;
import se.kuvert.content.Award;
import se.kuvert.content.Show;
import se.kuvert.content.Texts;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rehearsal started and walked on the phone, as a presenter does it the afternoon before: the big screen's winner
 * slide shows the stand-in, the phone and the big screen carry the REHEARSAL mark, the big screen never received a
 * real sealed text, and the mark is gone once the real show is loaded.
 */
class RehearsalBrowserTest extends BrowserTest {
    private static final String SHOW = "digitaliseringskommun-2021";

    @Test
    void a_rehearsal_walked_on_the_phone_shows_the_stand_in_winner_and_the_rehearsal_mark(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080)) {
            Show show = room.server.app.shows().find(SHOW).orElseThrow();
            Texts texts = Texts.of(show);
            assertThat(room.display.locator(".rehearsal-mark")).hasCount(0);

            room.phone.locator("details.shows summary").tap();
            room.phone.locator("details.shows button.rehearse[data-show=\"" + SHOW + "\"]").tap();
            assertThat(room.phone.locator("#confirm-text")).containsText(show.title());
            room.phone.locator("#confirm-ok").tap();
            assertThat(room.slide()).hasAttribute("data-show", SHOW);
            assertTrue(room.server.app.director().snapshot().state().rehearsal(), "the phone's Rehearse loads a rehearsal");

            assertThat(room.phone.locator(".rehearsal-mark")).hasText(texts.get("ui.rehearsal"));
            assertThat(room.display.locator(".rehearsal-mark")).isVisible();
            while (!"winner".equals(room.slide().getAttribute("data-kind"))) {
                assertFalse(room.atEnd(), "the show has a winner slide");
                room.next();
            }
            assertThat(room.slide().locator(".winner-name")).hasText(texts.get("rehearsal.winner"));
            assertThat(room.display.locator(".rehearsal-mark")).hasText(texts.get("ui.rehearsal"));
            assertThat(room.phone.locator(".rehearsal-mark")).isVisible();
            room.screenshot("rehearsal-" + SHOW, room.server.app.director().snapshot().state().slide(), 0);

            String got = room.everythingTheDisplayGot();
            for (Award award : show.awards()) {
                for (String sealed : SealedWinnerTest.sealedTexts(award)) {
                    assertFalse(got.contains(sealed), "the big screen received the real " + sealed);
                }
            }
            assertTrue(room.server.app.director().snapshot().revealed().stream().allMatch(id ->
                    room.server.app.director().snapshot().show().award(id).orElseThrow().standIn() != null),
                    "only stand-ins were shown");

            room.server.control("{\"action\":\"load\",\"show\":\"" + SHOW + "\"}");
            assertThat(room.slide()).hasAttribute("data-version", String.valueOf(room.version()));
            assertThat(room.display.locator(".rehearsal-mark")).hasCount(0);
            assertThat(room.phone.locator(".rehearsal-mark")).hasCount(0);
            assertTrue(room.consoleErrors.isEmpty(), room.consoleErrors.toString());
        }
    }
}
