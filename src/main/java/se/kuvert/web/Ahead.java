package se.kuvert.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One stream's events for the changes the show will most likely make next, rendered before they come. A ceremony's
 * taps are seconds apart and nearly all of them are Next, or Back after one too many: rendered while the show waits
 * ({@link se.kuvert.live.Director#onLikely}; the tools' small JSON soon after each change, for a Stream Deck's quick
 * taps, {@link se.kuvert.live.Director#onLikelySoon}), the event is ready when the tap comes, and the stream's first
 * byte does not wait for its render (BENCHMARKS.md, "The twelfth round").
 *
 * <p>The event is kept with its key: everything its render reads, compared with {@code equals}, so the render must be
 * a pure function of the key. A change that is not the one foreseen, or that finds anything in the key changed (a
 * screen's health, the lock, an edited show), is rendered then, as without this. What is kept is only ever sent for
 * an equal key: a winner rendered ahead stays on the server until the change that reveals it.
 *
 * <p>The keys are records, and their {@code equals} is written out, component by component, as the record's own would
 * compare them (their {@code hashCode} stays the record's). The record's own goes through method handles, which the
 * run command's quick compiler leaves slow when cold: on a tap after a quiet spell, finding the tools' event took
 * 56 µs with it and 7 µs written out (BENCHMARKS.md, "Where the first byte goes, and the keys' equality written
 * out"). {@code AheadKeysTest} holds each one to every component of its record.
 */
public final class Ahead<K, E> {
    private record Kept<K, E>(K key, E event) {
    }

    private final Function<K, E> render;
    private volatile List<Kept<K, E>> kept = List.of();

    /**
     * {@code render}: the event for a key (its bytes, or what they are made from when the change comes), a pure
     * function of it (and of what never changes while the server runs); or null, kept too, for a key whose event is
     * to be rendered when its change comes.
     */
    public Ahead(Function<K, E> render) {
        this.render = Objects.requireNonNull(render);
    }

    /** The event for {@code key}: one rendered ahead when it was rendered for an equal key, else rendered now. */
    public E event(K key) {
        E event = kept(key);
        return event != null ? event : render.apply(key);
    }

    /**
     * The event rendered ahead for a key equal to {@code key}, or null when there is none (then the caller renders
     * it, maybe in another way than ahead: with what only the change knows).
     */
    public E kept(K key) {
        for (Kept<K, E> k : kept) {
            if (k.key().equals(key)) {
                return k.event();
            }
        }
        return null;
    }

    /**
     * Renders the events for {@code keys} and keeps them in place of those kept before (an event already kept for an
     * equal key is kept as it is, not rendered again).
     */
    public void prepare(List<K> keys) {
        List<Kept<K, E>> before = kept;
        List<Kept<K, E>> now = new ArrayList<>(keys.size());
        for (K key : keys) {
            Kept<K, E> same = before.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
            now.add(same != null ? same : new Kept<>(key, render.apply(key)));
        }
        kept = List.copyOf(now);
    }
}
