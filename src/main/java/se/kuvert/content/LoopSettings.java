package se.kuvert.content;

import java.util.List;

/**
 * How a show's attract loop runs when the big screen is not live, and when the foyer kiosk falls back to it.
 * {@code order} lists the loop's parts (see {@link #PARTS}); {@code dwell} is seconds per frame;
 * {@code kioskIdle} is seconds without a touch before the kiosk returns to the loop.
 */
public record LoopSettings(List<String> order, Integer dwell, Integer kioskIdle) {

    /** title; awards (each award with its nominees, then its winner once revealed); winners (revealed ones only); partners; closing. */
    public static final List<String> PARTS = List.of("title", "awards", "winners", "partners", "closing");
    public static final LoopSettings DEFAULT = new LoopSettings(null, null, null);

    public LoopSettings {
        order = order == null || order.isEmpty() ? null : List.copyOf(order);
    }

    public List<String> parts() {
        return order == null ? List.of("title", "awards", "partners") : order;
    }

    public int dwellSeconds() {
        return dwell == null ? 8 : dwell;
    }

    public int kioskIdleSeconds() {
        return kioskIdle == null ? 60 : kioskIdle;
    }
}
