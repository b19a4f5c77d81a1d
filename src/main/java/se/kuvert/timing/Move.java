package se.kuvert.timing;

import java.time.Instant;

/** From {@code at}, the big screen was at {@code place}, until the next move or the end of the run. */
record Move(Instant at, Place place) {
}
