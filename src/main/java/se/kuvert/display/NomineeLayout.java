package se.kuvert.display;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.display.TextFit.Face;

import java.util.List;
import java.util.Objects;

/**
 * Where the nominees of an award sit on the 1920×1080 stage and how large their text is, worked out once from all of
 * them: one row up to five, two balanced rows for six to ten, three rows for eleven or twelve and more (one row more
 * when long texts need wider slots); every slot
 * the same fixed size, so a nominee already shown never moves or changes when the next one appears. Names shrink
 * from 56 to 36 px and short texts from 30 to 24 px until the longest of them fits; below that floor only when
 * nothing else fits (the measurement then reports it).
 */
public record NomineeLayout(int columns, int rows, int gapX, int gapY, int cellWidth, int cellHeight, int mediaHeight,
                            int nameSize, int textSize) {

    /** The band the nominees are centred in: the stage less its padding and, above and below, the heading's height. */
    static final int WIDTH = 1760;
    static final int HEIGHT = 700;
    static final double NAME_LINE = 1.15;
    static final double TEXT_LINE = 1.3;
    static final int TEXT_GAP = 12;
    static final int MEDIA_GAP = 22;
    private static final int[] NAME = {56, 52, 48, 44, 40, 38, 36, 32, 28};
    private static final int[] TEXT = {30, 28, 27, 26, 25, 24, 24, 21, 18};
    /** The last level at the floor (36 px names, 24 px texts); the ones after it are below. */
    private static final int FLOOR = 6;

    /**
     * The arrangement for the count, or with more rows (wider cells) when the texts need it, at the largest text
     * size where every nominee fits its slot with several words a line; failing that, below the floor.
     */
    public static NomineeLayout of(Award award) {
        List<Nominee> nominees = award.nominees();
        int n = Math.max(1, nominees.size());
        int rows = n <= 5 ? 1 : n <= 10 ? 2 : 3;
        for (int wordsPerLine : new int[] {3, 2}) {
            for (int r = rows; r <= Math.min(n, rows + 1); r++) {
                for (int level = 0; level <= FLOOR; level++) {
                    NomineeLayout layout = at(nominees, r, level, wordsPerLine);
                    if (layout != null) {
                        return layout;
                    }
                }
            }
        }
        for (int level = 0; level < NAME.length - 1; level++) {
            NomineeLayout layout = at(nominees, rows, level, 0);
            if (layout != null) {
                return layout;
            }
        }
        return Objects.requireNonNull(at(nominees, rows, NAME.length - 1, -1));
    }

    /**
     * The layout in {@code rows} balanced rows at one level of text sizes, or null when a nominee does not fit its
     * slot or its lines hold fewer than {@code wordsPerLine} words; {@code wordsPerLine} -1 takes it anyway.
     */
    private static NomineeLayout at(List<Nominee> nominees, int rows, int level, int wordsPerLine) {
        int n = Math.max(1, nominees.size());
        int columns = (n + rows - 1) / rows;
        int gapX = columns >= 5 ? 32 : 48;
        int gapY = 36;
        int cellWidth = Math.min(n == 1 ? 1100 : 720, (WIDTH - (columns - 1) * gapX) / columns);
        int rowHeight = (HEIGHT - (rows - 1) * gapY) / rows;
        boolean media = nominees.stream().anyMatch(x -> x.image() != null || x.video() != null);
        int maxMedia = (int) Math.min(280, cellWidth * 0.8);
        int minMedia = (int) Math.min(110, rowHeight * 0.3);
        double text = textHeight(nominees, level, cellWidth);
        int mediaHeight = media ? (int) Math.max(minMedia, Math.min(maxMedia, rowHeight - text - MEDIA_GAP)) : 0;
        double height = text + (media ? mediaHeight + MEDIA_GAP : 0);
        boolean fits = height <= rowHeight && (wordsPerLine <= 0 || readable(nominees, level, cellWidth, wordsPerLine));
        if (!fits && wordsPerLine >= 0) {
            return null;
        }
        return new NomineeLayout(columns, rows, gapX, gapY, cellWidth, (int) Math.ceil(Math.min(height, rowHeight)),
                mediaHeight, NAME[level], TEXT[level]);
    }

    private static double textHeight(List<Nominee> nominees, int level, int width) {
        double tallest = 0;
        for (Nominee x : nominees) {
            double h = TextFit.height(x.name(), Face.SERIF_BOLD, NAME[level], NAME_LINE, width);
            if (x.text() != null && !x.text().isBlank()) {
                h += TEXT_GAP + TextFit.height(x.text(), Face.SANS, TEXT[level], TEXT_LINE, width);
            }
            tallest = Math.max(tallest, h);
        }
        return tallest;
    }

    private static boolean readable(List<Nominee> nominees, int level, int width, int wordsPerLine) {
        return nominees.stream().allMatch(x -> TextFit.wordsShareLines(x.name(), Face.SERIF_BOLD, NAME[level], width, 2)
                && TextFit.wordsShareLines(x.text(), Face.SANS, TEXT[level], width, wordsPerLine));
    }

    /** The layout as CSS custom properties for the nominee list's style attribute. */
    public String style() {
        return "--cols: " + columns + "; --gap-x: " + gapX + "px; --gap-y: " + gapY + "px; --cell-w: " + cellWidth
                + "px; --cell-h: " + cellHeight + "px; --media-h: " + mediaHeight + "px; --name: " + nameSize
                + "px; --text: " + textSize + "px";
    }

    public boolean media() {
        return mediaHeight > 0;
    }
}
