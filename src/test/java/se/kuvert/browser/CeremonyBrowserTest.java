package se.kuvert.browser;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.content.Award;
import se.kuvert.content.Slide;
import se.kuvert.live.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole demo ceremonies as the room sees them: the presenter taps Next on a phone from the title to the end, and
 * at every step the big screen and the phone show what they should, nothing leaks early and nothing is fetched
 * from anywhere but Kuvert.
 */
class CeremonyBrowserTest extends BrowserTest {
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());


    @AfterAll
    void report() {
        if (!latencies.isEmpty()) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%nTap-to-display latency over %d taps: median %.1f ms, p95 %.1f ms, max %.1f ms%n%n",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                    sorted.get(sorted.size() - 1));
        }
    }

    @Test
    void the_2021_ceremony_runs_from_title_to_closing_on_the_phone(@TempDir Path data) {
        runWholeCeremony(data, "digitaliseringskommun-2021");
    }

    @Test
    void the_2017_ceremony_runs_from_title_to_closing_on_the_phone(@TempDir Path data) {
        runWholeCeremony(data, "digitaliseringskommun-2017");
    }

    private void runWholeCeremony(Path data, String showId) {
        try (Room room = new Room(chromium, data, showId, 1920, 1080)) {
            List<Award> revealed = new ArrayList<>();
            int taps = 0;
            while (true) {
                Snapshot now = room.server.app.director().snapshot();
                Slide slide = now.slide();
                int step = now.state().step();
                if (slide instanceof Slide.Winner w) {
                    revealed.add(w.award());
                }
                checkDisplay(room, now);
                checkPhone(room, now);
                checkSealed(room, now, revealed);
                room.screenshot(showId, now.state().slide(), step);
                if (now.nextPlace() == now.state()) {
                    assertThat(room.phone.locator("#next-title")).hasText(se.kuvert.content.Texts.of(now.show()).get("ui.endOfShow"));
                    break;
                }
                long before = room.version();
                markShownItems(room);
                if (now.nextRevealsWinner()) {
                    aPlainTapDoesNotReveal(room, before);
                }
                room.next();
                recordLatency(room, before + 1);
                checkShownItemsStayed(room, now);
                taps++;
            }
            assertTrue(taps > 8, "walked the whole show");
            assertEquals(List.of(), room.consoleErrors, "console errors");
            String origin = room.server.url("/");
            for (String url : room.requests) {
                assertTrue(url.startsWith(origin), "a request left Kuvert: " + url);
            }
        }
    }

    private static void checkDisplay(Room room, Snapshot now) {
        Locator slide = room.slide();
        Slide s = now.slide();
        int step = now.state().step();
        assertThat(slide).hasAttribute("data-kind", s.kind());
        assertThat(slide).hasAttribute("data-step", String.valueOf(step));
        if (s instanceof Slide.Nominees n) {
            Locator shown = slide.locator(".nominee.shown .name");
            assertThat(shown).hasCount(step + 1);
            for (int i = 0; i <= step; i++) {
                assertThat(shown.nth(i)).hasText(n.award().nominees().get(i).name());
            }
            assertThat(slide.locator(".nominee.empty")).hasCount(n.award().nominees().size() - step - 1);
            assertEquals("", slide.locator(".nominee.empty").allInnerTexts().stream().reduce("", String::concat).trim(),
                    "nominees not yet revealed are empty slots");
        } else if (s instanceof Slide.Envelope) {
            assertThat(slide).containsText("Och vinnaren är");
        } else if (s instanceof Slide.Winner w) {
            assertThat(slide.locator(".winner-name")).hasText(w.award().winningNominee().orElseThrow().name());
        } else if (s instanceof Slide.Motivation m) {
            assertThat(slide.locator(".paragraph.current")).hasText(m.award().motivation().get(step));
            assertThat(slide.locator(".paragraph")).hasCount(step + 1);
        } else if (s instanceof Slide.Prize p) {
            assertThat(slide).containsText(p.award().presenter());
        } else if (s instanceof Slide.Jury j) {
            assertThat(slide.locator(".jury li")).hasCount(j.award().jury().size());
        } else if (s instanceof Slide.Closing) {
            assertThat(slide).containsText("Tack!");
        } else if (s instanceof Slide.Title) {
            assertThat(slide).containsText(now.show().title());
        }
    }

    private static void checkPhone(Room room, Snapshot now) {
        Locator panel = room.phone.locator("#panel-content");
        assertThat(panel).hasAttribute("data-version", String.valueOf(now.state().version()));
        assertThat(panel).hasAttribute("data-slide", String.valueOf(now.state().slide()));
        Slide s = now.slide();
        if (s.steps() > 1) {
            assertThat(room.phone.locator("#now-step")).containsText(se.kuvert.content.Texts.of(now.show()).format("ui.stepOf", now.state().step() + 1, s.steps()));
        }
        if (s instanceof Slide.Motivation m) {
            assertThat(room.phone.locator(".script .line.current")).hasText(m.award().motivation().get(now.state().step()));
        }
        assertThat(room.phone.locator("#next")).hasClass(now.nextRevealsWinner()
                ? java.util.regex.Pattern.compile("\\breveal\\b") : java.util.regex.Pattern.compile("^next$"));
    }

    private static void checkSealed(Room room, Snapshot now, List<Award> revealed) {
        String got = room.everythingTheDisplayGot();
        for (Award award : now.show().awards()) {
            if (revealed.contains(award)) {
                continue;
            }
            for (String paragraph : award.motivation()) {
                assertFalse(got.contains(paragraph.substring(0, 30)), "the motivation leaked before the reveal: " + paragraph);
            }
            if (award.citation() != null) {
                assertFalse(got.contains(award.citation()), "the citation leaked");
            }
            if (award.recipients() != null) {
                assertFalse(got.contains(award.recipients()), "the recipients leaked");
            }
            assertFalse(got.contains("winner-name"), "a winner marker is in the display before the reveal");
        }
    }

    /** Before a step, marks what is on screen so we can tell afterwards whether it was kept or re-rendered. */
    private static void markShownItems(Room room) {
        room.display.evaluate("() => document.querySelectorAll('#stage .nominee.shown, #stage .paragraph')"
                + ".forEach(e => e.__kept = true)");
    }

    /** Within a slide, what was already shown stays the very same element: no re-render, no flicker. */
    private static void checkShownItemsStayed(Room room, Snapshot before) {
        Snapshot after = room.server.app.director().snapshot();
        if (after.state().slide() != before.state().slide() || after.state().step() <= before.state().step()) {
            return;
        }
        Object kept = room.display.evaluate("() => Array.from(document.querySelectorAll('#stage .nominee.shown, #stage .paragraph'))"
                + ".filter(e => e.__kept).length");
        assertEquals(before.state().step() + 1, ((Number) kept).intValue(), "earlier items were re-rendered");
    }

    private static void aPlainTapDoesNotReveal(Room room, long version) {
        room.phone.locator("#next").tap();
        assertThat(room.phone.locator("#toast")).containsText(se.kuvert.content.Texts.of(room.server.app.director().snapshot().show()).get("ui.keepHolding"));
        assertEquals(version, room.version(), "a plain tap revealed the winner");
        assertThat(room.slide()).hasAttribute("data-kind", "envelope");
    }

    private void recordLatency(Room room, long version) {
        Object value = room.phone.evaluate("() => window.__kuvert.taps[window.__kuvert.taps.length - 1]");
        Object shown = room.display.evaluate("v => window.__kuvert.shown[v]", String.valueOf(version));
        if (value instanceof Number tap && shown instanceof Number at) {
            latencies.add(at.doubleValue() - tap.doubleValue());
        }
    }
}
