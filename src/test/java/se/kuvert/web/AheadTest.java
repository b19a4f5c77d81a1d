package se.kuvert.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AheadTest {
    private final List<String> rendered = new ArrayList<>();
    private final Ahead<String, byte[]> ahead = new Ahead<>(key -> {
        rendered.add(key);
        return ("event of " + key).getBytes(StandardCharsets.UTF_8);
    });

    @Test
    void an_event_rendered_ahead_is_the_one_sent_for_an_equal_key_without_rendering_again() {
        ahead.prepare(List.of("next", "back"));
        byte[] next = ahead.event(new String("next"));
        assertArrayEquals("event of next".getBytes(StandardCharsets.UTF_8), next);
        assertSame(next, ahead.event("next"));
        assertEquals("event of back", new String(ahead.event("back"), StandardCharsets.UTF_8));
        assertEquals(List.of("next", "back"), rendered, "each rendered once, ahead");
    }

    @Test
    void a_change_not_foreseen_is_rendered_when_it_comes() {
        ahead.prepare(List.of("next"));
        assertEquals("event of blackout", new String(ahead.event("blackout"), StandardCharsets.UTF_8));
        assertEquals(List.of("next", "blackout"), rendered);
        ahead.event("next");
        assertEquals(2, rendered.size(), "what was rendered ahead is still kept");
    }

    @Test
    void only_what_is_kept_is_given_without_a_render() {
        ahead.prepare(List.of("next"));
        assertEquals("event of next", new String(ahead.kept(new String("next")), StandardCharsets.UTF_8));
        assertEquals(null, ahead.kept("blackout"), "not foreseen: nothing kept, for the caller to render its own way");
        assertEquals(List.of("next"), rendered, "nothing rendered for what was not kept");
    }

    @Test
    void preparing_again_renders_only_what_is_not_kept_and_forgets_what_is_no_longer_likely() {
        ahead.prepare(List.of("a", "b"));
        ahead.prepare(List.of("b", "c"));
        assertEquals(List.of("a", "b", "c"), rendered, "b was kept, not rendered again");
        ahead.event("a");
        assertEquals(List.of("a", "b", "c", "a"), rendered, "a is no longer kept");
        ahead.prepare(List.of());
        ahead.event("b");
        assertEquals("b", rendered.get(rendered.size() - 1), "nothing is kept once nothing is likely");
    }
}
