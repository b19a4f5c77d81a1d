package se.kuvert.display;

import java.util.List;

/** The full {@code /display} page: the stage as it is now, and every medium of the show to preload. */
public record DisplayPage(StageView stage, List<String> preload) {
}
