package se.kuvert.live;

import java.time.Instant;

/** One line of the control log: when, who, what, how it ended ({@code applied}, {@code unchanged}, {@code stale}, {@code refused}), from where to where. */
public record LogEntry(Instant at, String who, String action, String outcome, LiveState from, LiveState to) {
}
