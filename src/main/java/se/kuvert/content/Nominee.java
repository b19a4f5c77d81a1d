package se.kuvert.content;

/** A nominee; {@code image} and {@code video} are paths below {@code media/}, or null. */
public record Nominee(String id, String name, String text, String image, String video) {
}
