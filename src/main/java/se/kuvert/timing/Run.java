package se.kuvert.timing;

import java.time.Instant;

/** One run as stored: a show loaded (as a rehearsal or live) at {@code started}, until {@code ended} (null: running). */
record Run(long id, String showId, String title, String language, boolean rehearsal, Instant started, Instant ended) {
}
