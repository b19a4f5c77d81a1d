package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestShows;
import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The admin's preflight renders every step of a show at 720p, 1080p and 4K in the staff member's browser and
 * measures it: a show that cannot fit is named problem by problem with where to fix it; one that fits passes,
 * readiness and the phone say so, and an edit makes it stale again.
 */
class PreflightBrowserTest extends BrowserTest {
    /** An image the media folder does not have: the big screen would show a broken picture. */
    static final String MISSING = "uploads/a-photo-nobody-uploaded.png";
    private static final LocatorAssertions.HasAttributeOptions A_MINUTE = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

    static Show withNomineeImage(Show s, String image) {
        Award a = s.awards().get(0);
        List<Nominee> nominees = new ArrayList<>(a.nominees());
        Nominee last = nominees.get(2);
        nominees.set(2, new Nominee(last.id(), last.name(), last.text(), image, last.video()));
        Award award = new Award(a.id(), a.name(), a.about(), nominees, a.winner(), a.citation(), a.recipients(), a.motivation(),
                a.jury(), a.presenter(), a.prize(), a.minutes());
        return new Show(s.id(), s.title(), s.subtitle(), s.date(), s.venue(), s.language(), s.theme(), List.of(award), s.partners(),
                s.closing(), s.runOfShow(), s.loop());
    }

    @Test
    void preflight_names_what_does_not_fit_passes_what_does_and_goes_stale_on_an_edit(@TempDir Path data) {
        try (Room room = new Room(chromium, data, "gala", 1920, 1080);
             BrowserContext laptop = chromium.laptop()) {
            room.server.app.shows().save(withNomineeImage(TestShows.gala(), MISSING), "test");
            room.server.app.director().showEdited("gala");
            Locator warning = room.phone.locator("#preflight-warning");
            assertThat(warning).isVisible();

            Page admin = laptop.newPage();
            admin.navigate(room.server.url("/admin"));
            admin.locator("#password").fill(room.server.settings.adminPassword());
            admin.locator("button[type=submit]").click();
            admin.navigate(room.server.url("/admin/shows/gala"));
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "notrun");

            admin.locator("#run-preflight").click();
            assertThat(admin.locator("#verdict")).hasAttribute("data-state", "failed", A_MINUTE);
            Locator named = admin.locator("#problems tr.problem", new Page.LocatorOptions().setHasText(MISSING));
            assertThat(named.first()).isVisible();
            assertThat(named.first().locator(".kind")).hasText("image-missing");
            assertThat(named.first().locator(".slide")).containsText("nominees");
            assertThat(named.first().locator("a.fix")).hasAttribute("href", "/admin/shows/gala#award-main");
            assertThat(admin.locator("#problems tr.problem .size", new Page.LocatorOptions().setHasText("1280×720")).first()).isVisible();
            assertThat(admin.locator("#problems tr.problem .size", new Page.LocatorOptions().setHasText("3840×2160")).first()).isVisible();
            admin.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("admin-preflight-failed.png")).setFullPage(true));
            admin.navigate(room.server.url("/admin/shows/gala"));
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "failed");
            assertThat(admin.locator("#readiness")).containsText("Preflight found");
            assertThat(warning).isVisible();

            // Fixed: the name the show really has. The old result is for other content.
            room.server.app.shows().save(TestShows.gala(), "test");
            room.server.app.director().showEdited("gala");
            admin.navigate(room.server.url("/admin/shows/gala"));
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "stale");
            admin.locator("#run-preflight").click();
            assertThat(admin.locator("#verdict")).hasAttribute("data-state", "passed", A_MINUTE);
            assertThat(admin.locator("#problems")).isHidden();
            admin.navigate(room.server.url("/admin/shows/gala"));
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "passed");
            assertThat(admin.locator("#readiness .problems li", new Page.LocatorOptions().setHasText("preflight"))).hasCount(0);
            assertThat(warning).hasCount(0);

            // An edit in the admin: the pass no longer holds, here and on the phone.
            admin.locator("input[name=title]").fill("Testgalan 2026");
            admin.locator("input[name=title]").press("Enter");
            assertThat(admin.locator("#done")).isVisible();
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "stale");
            assertThat(warning).isVisible();
        }
    }
}
