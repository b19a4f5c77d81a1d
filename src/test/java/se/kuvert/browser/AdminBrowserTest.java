package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;
import se.kuvert.config.Settings;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Someone who has never seen Kuvert builds a small ceremony in the browser only — two awards, three nominees each,
 * with images — previews it, sees it reported ready, and runs it on the big screen from the phone.
 */
class AdminBrowserTest extends BrowserTest {

    @Test
    void staff_build_a_ceremony_in_the_browser_and_it_runs_from_the_phone(@TempDir Path data, @TempDir Path media) throws Exception {
        Path photo = data.resolve("emblem.png");
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xd4af37));
        g.fillOval(20, 20, 160, 160);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());

        Settings settings = new Settings(0, TestApp.PIN, TestApp.TOKEN, "admin-secret", data, Path.of("slides"), media, null);
        try (TestApp server = TestApp.start(settings, null);
             BrowserContext laptop = chromium.laptop();
             BrowserContext displayContext = chromium.display(1920, 1080);
             BrowserContext phoneContext = chromium.phone()) {
            Page admin = laptop.newPage();
            admin.onDialog(dialog -> dialog.accept());
            admin.navigate(server.url("/admin"));
            admin.locator("#password").fill("admin-secret");
            admin.locator("button[type=submit]").click();
            admin.getByPlaceholder("Title of the ceremony").fill("Vårgalan");
            admin.getByText("Create").click();
            assertThat(admin.locator("h2").first()).hasText("Readiness");
            assertThat(admin.locator("#readiness")).containsText("no awards");

            admin.locator("input[type=file]").setInputFiles(photo);
            admin.locator("#upload-form button").click();
            assertThat(admin.locator("#media .ok")).containsText("uploads/");

            for (String award : new String[]{"Årets förnyare", "Årets samarbete"}) {
                admin.getByPlaceholder("Name of the award").fill(award);
                admin.getByText("Add award").click();
                assertThat(admin.locator("#done")).hasText("Added the award “" + award + "”.");
                var section = admin.locator("section.award", new Page.LocatorOptions().setHasText(award));
                assertThat(section).isVisible();
                String[] towns = {"Alby", "Bby", "Cby"};
                for (int n = 0; n < towns.length; n++) {
                    String town = towns[n];
                    section = admin.locator("section.award", new Page.LocatorOptions().setHasText(award));
                    section.getByPlaceholder("New nominee's name").fill(town + " " + award.substring(6, 9));
                    section.locator(".add-nominee select").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
                    section.getByText("Add nominee").click();
                    assertThat(admin.locator("#done")).hasText("Added “" + town + " " + award.substring(6, 9) + "”.");
                    assertThat(admin.locator("section.award", new Page.LocatorOptions().setHasText(award)).locator(".nominees li"))
                            .hasCount(n + 1);
                }
                section = admin.locator("section.award", new Page.LocatorOptions().setHasText(award));
                assertThat(section.locator(".nominees li")).hasCount(3);
                section.locator("textarea[name=motivation]").fill("Ett första stycke.\n\nEtt andra stycke.");
                section.locator("form.grid").last().locator("button.primary").click();
                assertThat(admin.locator("#done")).hasText("Saved “" + award + "”.");
                section = admin.locator("section.award", new Page.LocatorOptions().setHasText(award));
                section.locator("select[name=winner]").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
                section.locator("input[name=confirm]").check();
                section.getByText("Set the winner").click();
                assertThat(admin.locator("section.award", new Page.LocatorOptions().setHasText(award)).locator(".masked"))
                        .hasText("••••••••");
            }
            // Everything is filled in; what is left is to see that every slide fits the big screen.
            assertThat(admin.locator("#preflight-status")).hasAttribute("data-state", "notrun");
            admin.locator("#run-preflight").click();
            assertThat(admin.locator("#verdict")).hasAttribute("data-state", "passed",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            admin.locator("header.bar a").first().click();
            assertThat(admin.locator("#ready")).isVisible();

            admin.getByText("Preview").first().click();
            assertThat(admin.locator("#stage .slide")).hasAttribute("data-kind", "title");
            admin.locator(".slides a", new Page.LocatorOptions().setHasText("nominees")).nth(2).click();
            assertThat(admin.locator("#stage .nominee.shown")).hasCount(3);
            admin.locator(".slides a", new Page.LocatorOptions().setHasText("winner")).first().click();
            assertThat(admin.locator("#stage .winner-name")).hasText("Bby för");
            Files.createDirectories(Room.SCREENSHOTS);
            admin.screenshot(new Page.ScreenshotOptions().setPath(Room.SCREENSHOTS.resolve("admin-preview.png")));

            admin.navigate(server.url("/admin"));
            admin.locator("tr", new Page.LocatorOptions().setHasText("Vårgalan")).getByText("Put on screen").click();
            assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("Vårgalan")).locator(".badge.live")).isVisible();

            Page display = displayContext.newPage();
            display.navigate(server.url("/display"));
            assertThat(display.locator("#stage > .slide")).containsText("Vårgalan");
            Page phone = phoneContext.newPage();
            phone.navigate(server.url("/presenter"));
            phone.locator("#pin").fill(TestApp.PIN);
            phone.locator("button[type=submit]").click();
            assertThat(phone.locator("#connection")).hasAttribute("data-state", "live");
            for (int i = 0; i < 5; i++) {
                long v = server.app.director().snapshot().state().version();
                phone.locator("#next").tap();
                assertThat(display.locator("#stage > .slide:not(.leaving)")).hasAttribute("data-version", String.valueOf(v + 1));
            }
            assertThat(display.locator("#stage > .slide:not(.leaving)")).hasAttribute("data-kind", "envelope");
            assertThat(display.locator("#stage img").first()).isVisible();
        }
    }
    @Test
    void a_long_show_title_on_a_laptop_keeps_each_badge_of_the_shows_list_whole_on_one_line(@TempDir Path data) {
        try (TestApp server = TestApp.start(data, "gala");
             BrowserContext laptop = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page admin = laptop.newPage();
            admin.navigate(server.url("/admin"));
            admin.locator("#password").fill("admin-secret");
            admin.locator("button[type=submit]").click();
            var live = admin.locator(".badge.live");
            assertThat(live).isVisible();
            double oneLine = live.boundingBox().height;
            // A title as long as a real ceremony's pushes the badge to the end of the first line.
            admin.evaluate("() => document.querySelector('.badge.live').previousElementSibling.textContent ="
                    + " 'Crewgalan i Östersund – Årets främsta förvaltningar'");
            for (int words = 0; words < 12; words++) {
                org.junit.jupiter.api.Assertions.assertEquals(oneLine, live.boundingBox().height, 0.5, "the badge is whole after " + words + " words");
                admin.evaluate("() => document.querySelector('.badge.live').previousElementSibling.textContent += ' xx'");
            }
        }
    }
}
