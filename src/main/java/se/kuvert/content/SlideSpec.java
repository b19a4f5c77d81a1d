package se.kuvert.content;

/**
 * One entry of an explicit run of show as written in a show file: a {@code kind} and what that kind needs.
 * Award slides name their award; custom slides carry their own title, text and media. {@code sound} is a path
 * below {@code media/} played when the slide appears, {@link #SILENT} for none, or null for the show's default
 * for the kind.
 */
public record SlideSpec(String kind, String award, String title, String text, String image, String video, String notes,
                        String sound) {
    /** {@code sound: none}: this slide plays nothing, whatever the show's default for its kind. */
    public static final String SILENT = "none";

    public SlideSpec(String kind, String award, String title, String text, String image, String video, String notes) {
        this(kind, award, title, text, image, video, notes, null);
    }
}
