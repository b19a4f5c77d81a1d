package se.kuvert.content;

/** Colours and logo of a show: CSS colours, and a path below {@code media/} for the logo (or null). */
public record Theme(String background, String text, String accent, String logo) {
    public static final Theme DEFAULT = new Theme(null, null, null, null);

    public Theme {
        background = background == null ? "#0b1026" : background;
        text = text == null ? "#f4efe6" : text;
        accent = accent == null ? "#d4af37" : accent;
    }
}
