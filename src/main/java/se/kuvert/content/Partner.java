package se.kuvert.content;

/** A partner of the show; {@code logo} is a path below {@code media/}, or null. */
public record Partner(String name, String logo) {
}
