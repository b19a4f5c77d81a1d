package se.kuvert.display;

import java.util.List;

/**
 * The full {@code /display} page: the stage as it is now ({@code stageHtml}, the same markup the stream sends),
 * every medium of the show to preload, the screen's name and the build the page came from.
 */
public record DisplayPage(StageView stage, String stageHtml, List<String> preload, String screen, String build) {
}
