package se.kuvert.content;

/**
 * One entry of an explicit run of show as written in a show file: a {@code kind} and what that kind needs.
 * Award slides name their award; custom slides carry their own title, text and media.
 */
public record SlideSpec(String kind, String award, String title, String text, String image, String video, String notes) {
}
