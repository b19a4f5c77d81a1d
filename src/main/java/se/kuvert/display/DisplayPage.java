package se.kuvert.display;

/**
 * The full {@code /display} page: the stage as it is now ({@code stageHtml}, the same markup the stream sends),
 * the screen's name and the build the page came from. The show's media to preload come from {@code stage.show()}.
 * {@code audio} is true on the screen that plays the show's sounds, {@code muted} when the operator muted it.
 */
public record DisplayPage(StageView stage, String stageHtml, String screen, String build, boolean audio, boolean muted) {
}
