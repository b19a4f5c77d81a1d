package se.kuvert.display;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;

/**
 * Estimates on the server how text set in one of the stage's fonts wraps, from the width of its characters, so a
 * slide's text sizes are chosen once from all of its content (and nothing re-flows on the big screen at each step).
 * Widths are a little generous: an estimate that is too large leaves some air, one that is too small would overflow.
 */
public final class TextFit {
    private TextFit() {
    }

    /** The characters whose advance the faces below list, in this order. */
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;'’!?()-&/\"…·–—";

    /**
     * A font of the stage by the advance of each of {@link #CHARS} in hundredths of an em, as Chromium sets the
     * bundled fonts (measured with canvas measureText); other Latin letters count as their base letter.
     */
    public enum Face {
        SERIF_BOLD("52 59 50 60 50 35 55 61 31 30 58 31 90 61 56 60 58 47 46 35 61 51 79 54 52 47 67 67 70 78 63 59 73 80 38 36 71 61 93 72 79 64 79 69 58 67 69 67 97 69 62 60 64 38 52 49 53 46 56 45 56 55 23 27 27 29 30 21 25 29 51 32 32 48 90 37 37 83 28 60 89", 0),
        SERIF("50 56 49 58 51 33 53 59 29 27 55 29 89 60 55 58 56 44 45 35 58 49 77 52 50 48 63 62 69 72 61 57 70 76 34 33 65 59 87 71 74 58 74 65 54 62 68 63 90 63 59 59 60 37 48 45 49 41 52 41 52 51 25 25 26 27 28 19 24 26 46 29 29 50 84 37 30 81 26 57 86", 0),
        SANS("56 61 57 61 58 37 61 59 24 24 55 24 88 59 60 61 61 38 53 33 59 56 82 55 56 55 69 65 73 72 60 59 75 74 27 57 67 57 90 75 76 64 76 64 64 65 74 69 99 68 68 63 63 41 61 62 65 59 62 57 62 62 28 29 29 29 30 30 26 29 51 36 36 46 64 36 47 86 29 50 100", 0),
        /** Inter 600 in upper case with .18em letter spacing: the eyebrow. */
        SANS_CAPS("57 62 58 62 59 39 63 61 26 26 57 26 90 61 61 62 62 40 55 35 61 59 84 57 59 57 73 66 74 72 61 59 75 75 28 58 70 57 92 76 77 65 77 65 65 66 74 73 102 72 71 65 66 42 62 64 67 61 64 58 64 64 25 32 32 32 33 33 29 32 54 37 37 47 66 38 52 96 32 50 100", 0.18);

        private final double[] advance;
        private final double spacing;
        private final double average;
        final double space;

        Face(String hundredths, double spacing) {
            String[] parts = hundredths.split(" ");
            advance = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                advance[i] = Integer.parseInt(parts[i]) / 100.0;
            }
            this.spacing = spacing;
            this.average = java.util.Arrays.stream(advance, 0, 26).average().orElse(0.55);
            this.space = advance[CHARS.indexOf(' ')] + spacing;
        }

        /** The advance of one character in em, 3 % generous; wide (CJK) characters a full em. */
        double em(int c) {
            if (wide(c)) {
                return 1.02 + spacing;
            }
            if (this == SANS_CAPS) {
                c = Character.toUpperCase(c);
            }
            int i = CHARS.indexOf(base(c));
            return (i >= 0 ? advance[i] : average) * 1.03 + spacing;
        }
    }

    /** The letter an accented Latin letter is drawn on: é → e, Ø → O, ł → l. */
    private static int base(int c) {
        switch (c) {
            case 'ø': return 'o';
            case 'Ø': return 'O';
            case 'ł': return 'l';
            case 'Ł': return 'L';
            case 'đ': return 'd';
            case 'æ': case 'œ': return 'm';
            case 'Æ': case 'Œ': return 'W';
            case 'ß': return 'B';
            default:
                if (c < 128) {
                    return c;
                }
                String plain = java.text.Normalizer.normalize(new String(Character.toChars(c)), java.text.Normalizer.Form.NFD);
                return plain.isEmpty() ? c : plain.codePointAt(0);
        }
    }

    private static boolean wide(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
    }

    /** A line count measured once: every change renders the screens again from the same texts and sizes. */
    private record Measure(String text, Face face, double size, double width) {
    }

    private static final int REMEMBERED = 20_000;
    private static final Map<Measure, Integer> MEASURED = new ConcurrentHashMap<>();

    /** How many lines {@code text} takes at {@code size} px in a box {@code width} px wide (0 for no text). */
    public static int lines(String text, Face face, double size, double width) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Measure key = new Measure(text, face, size, width);
        Integer known = MEASURED.get(key);
        if (known != null) {
            return known;
        }
        if (MEASURED.size() >= REMEMBERED) {
            MEASURED.clear();   // a long day of edits: start over rather than grow
        }
        int lines = count(text, face, size, width);
        MEASURED.put(key, lines);
        return lines;
    }

    private static int count(String text, Face face, double size, double width) {
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
