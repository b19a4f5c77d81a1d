package se.kuvert.display;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Estimates on the server how text set in one of the stage's fonts wraps, from the width of its characters, so a
 * slide's text sizes are chosen once from all of its content (and nothing re-flows on the big screen at each step).
 * Widths are a little generous: an estimate that is too large leaves some air, one that is too small would overflow.
 */
public final class TextFit {
    private TextFit() {
    }

    /** A font of the stage, by the average advance of its characters in em. */
    public enum Face {
        SERIF_BOLD(0.56, 0.74, 0.26),
        SERIF(0.50, 0.70, 0.25),
        SANS(0.54, 0.70, 0.28),
        /** Inter 600, upper case with .18em letter spacing (the eyebrow). */
        SANS_CAPS(0.90, 0.90, 0.46);

        final double lower;
        final double upper;
        final double space;

        Face(double lower, double upper, double space) {
            this.lower = lower;
            this.upper = upper;
            this.space = space;
        }

        double em(int c) {
            if (wide(c)) {
                return 1.02;
            }
            if (Character.isUpperCase(c)) {
                return upper;
            }
            if (Character.isDigit(c)) {
                return 0.62;
            }
            if (".,:;'’!|".indexOf(c) >= 0) {
                return 0.32;
            }
            if ("iljtfrI()-".indexOf(c) >= 0) {
                return 0.36;
            }
            if ("mwMWæœ".indexOf(c) >= 0) {
                return upper + 0.12;
            }
            return lower;
        }
    }

    private static boolean wide(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
    }

    /** How many lines {@code text} takes at {@code size} px in a box {@code width} px wide (0 for no text). */
    public static int lines(String text, Face face, double size, double width) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        double available = width / size;   // in em
        double space = face.space;
        int lines = 1;
        double line = 0;
        for (String word : text.trim().split("\\s+")) {
            double w = word.codePoints().mapToDouble(face::em).sum();
            double needed = line == 0 ? w : line + space + w;
            if (needed <= available) {
                line = needed;
                continue;
            }
            if (line > 0) {
                lines++;
            }
            // A word wider than the box breaks anywhere (CJK breaks between characters anyway).
            line = 0;
            for (int c : word.codePoints().toArray()) {
                double e = face.em(c);
                if (line + e > available && line > 0) {
                    lines++;
                    line = 0;
                }
                line += e;
            }
        }
        return lines;
    }

    /** Height in px of {@code text} at {@code size} with {@code lineHeight}, in a box {@code width} wide. */
    public static double height(String text, Face face, double size, double lineHeight, double width) {
        return lines(text, face, size, width) * size * lineHeight;
    }

    /**
     * True when the lines of {@code text} hold {@code wordsPerLine} words on average (or it is one line): no towers
     * of one or two words a line.
     */
    static boolean wordsShareLines(String text, Face face, double size, double width, int wordsPerLine) {
        if (text == null || text.isBlank()) {
            return true;
        }
        int words = text.trim().split("\\s+").length;
        return lines(text, face, size, width) <= Math.max(1, (words + wordsPerLine - 1) / wordsPerLine);
    }

    /**
     * One text of a block: set in {@code face} with {@code lineHeight}, {@code gap} px below what comes before it,
     * at {@code sizes[level]} px (the last size for any level beyond).
     */
    public record Part(String text, Face face, double lineHeight, double gap, double width, int... sizes) {
        int size(int level) {
            return sizes[Math.min(level, sizes.length - 1)];
        }

        double height(int level) {
            if (text == null || text.isBlank()) {
                return 0;
            }
            return gap + TextFit.height(text, face, size(level), lineHeight, width);
        }

        boolean readable(int level) {
            return wordsShareLines(text, face, size(level), width, 3);
        }
    }

    /**
     * The first level (0 is the largest) at which the parts, stacked, fit in {@code height} px besides the
     * {@code fixed} px of other content at that level, with words sharing lines; the deepest level when none does.
     */
    public static int level(double height, IntToDoubleFunction fixed, List<Part> parts) {
        int deepest = parts.stream().mapToInt(p -> p.sizes().length).max().orElse(1) - 1;
        for (int level = 0; level < deepest; level++) {
            final int l = level;
            double total = fixed.applyAsDouble(l) + parts.stream().mapToDouble(p -> p.height(l)).sum();
            if (total <= height && parts.stream().allMatch(p -> p.readable(l))) {
                return level;
            }
        }
        return deepest;
    }
}
