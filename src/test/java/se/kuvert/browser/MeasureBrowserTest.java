package se.kuvert.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * measure.js on a made-up stage scaled to half size: each kind of problem is found where it is, in sizes of the
 * 1920 design stage, and nothing hidden or decorative is reported.
 */
class MeasureBrowserTest extends BrowserTest {
    private static final String ONE_PIXEL_PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void open() {
        context = chromium.display(960, 540);
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void stage(String slide) {
        page.setContent("<body style='margin:0'><div id='stage' style='position:absolute; left:0; top:0; width:1920px;"
                + " height:1080px; transform:scale(.5); transform-origin:0 0; font-family:sans-serif'>"
                + "<div class='slide' style='position:absolute; inset:0'>" + slide + "</div></div></body>");
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(Path.of("src/main/resources/public/measure.js")));
        page.waitForFunction("() => Array.from(document.images).every(i => i.complete)");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> measure() {
        return (List<Map<String, Object>>) page.evaluate("() => KuvertMeasure.measure(document.getElementById('stage'))");
    }

    @Test
    void every_kind_of_problem_is_found_and_hidden_things_are_not() {
        stage("<p style='width:300px; height:40px; overflow:hidden; font-size:30px'>clipped text that runs on and on and on</p>"
                + "<p style='position:absolute; left:1880px; top:900px; width:120px; font-size:30px; margin:0'>outside</p>"
                + "<p style='font-size:20px'>tiny</p>"
                + "<ul><li class='nominee'><span class='name' style='font-size:30px'>Small name</span></li></ul>"
                + "<div style='width:100px'><span style='display:block; white-space:nowrap; font-size:30px'>Donaudampfschiff</span></div>"
                + "<img src='" + ONE_PIXEL_PNG + "' style='width:200px; height:50px'>"
                + "<img src='/no-such-image.png' style='width:20px; height:20px'>"
                + "<div aria-hidden='true'><p style='font-size:8px'>decoration</p></div>"
                + "<p style='visibility:hidden; font-size:8px'>reserved</p>");
        TreeSet<String> found = new TreeSet<>();
        for (Map<String, Object> p : measure()) {
            found.add(p.get("kind") + " " + ((String) p.get("element")).replaceAll(" data:.*| /no-such.*", ""));
        }
        assertEquals(new TreeSet<>(List.of(
                "clipped p \"clipped text that runs on and on and on\"",
                "outside p \"outside\"",
                "below-floor p \"tiny\"",
                "below-floor span.name \"Small name\"",
                "overflow span \"Donaudampfschiff\"",
                "image-distorted img",
                "image-missing img")), found);
    }

    @Test
    void sizes_are_given_on_the_design_stage_whatever_the_window() {
        stage("<p style='position:absolute; left:1880px; top:900px; width:120px; font-size:30px; margin:0'>outside</p>");
        assertEquals("at 1880,900 size 120×" + page.evaluate("() => document.querySelector('p').offsetHeight")
                + " on a 1920×1080 stage", measure().get(0).get("detail"));
    }

    @Test
    void the_group_centre_and_positions_count_every_slot_shown_or_reserved() {
        stage("<ul style='list-style:none; margin:0; padding:0'>"
                + "<li id='nominee-0' class='nominee' style='position:absolute; left:560px; top:440px; width:300px; height:200px'>A</li>"
                + "<li id='nominee-1' class='nominee empty' style='position:absolute; left:1060px; top:440px; width:300px; height:300px'></li>"
                + "</ul>");
        @SuppressWarnings("unchecked")
        Map<String, Object> centre = (Map<String, Object>) page.evaluate("() => KuvertMeasure.groupCentre(document.getElementById('stage'))");
        assertEquals(0.0, ((Number) centre.get("x")).doubleValue(), 1e-9);
        assertEquals(50.0 / 1080, ((Number) centre.get("y")).doubleValue(), 1e-9);
        assertEquals(List.of(Map.of("id", "nominee-0", "x", 560, "y", 440, "width", 300, "height", 200)),
                page.evaluate("() => KuvertMeasure.positions(document.getElementById('stage'))"));
    }
}
