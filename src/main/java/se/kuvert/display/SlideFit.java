package se.kuvert.display;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Partner;
import se.kuvert.content.Show;
import se.kuvert.display.TextFit.Face;
import se.kuvert.display.TextFit.Part;

import java.util.ArrayList;
import java.util.List;

/**
 * Text sizes for the big screen's slides other than the nominees (see {@link NomineeLayout}), chosen on the server
 * from the slide's content so that long titles, about texts, citations, prize texts, motivations, juries and partner
 * lists fit the 1920×1080 stage: each starts at its designed size and steps down until the whole slide fits, to a
 * floor of 24 px for text. Each method returns CSS custom properties for the slide's style attribute.
 */
public final class SlideFit {
    /** The stage inside a slide's padding (110 px above and below, 150 px each side). */
    static final int WIDTH = 1620;
    static final int HEIGHT = 860;
    private static final int EYEBROW = 34;
    private static final double EYEBROW_LINE = 1.25;
    private static final int EYEBROW_GAP = 22;

    private SlideFit() {
    }

    private static double eyebrow(String text) {
        return TextFit.height(text, Face.SANS_CAPS, EYEBROW, EYEBROW_LINE, WIDTH) + EYEBROW_GAP;
    }

    private static String style(List<Part> parts, List<String> names, int level) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            s.append(s.length() == 0 ? "" : "; ").append("--").append(names.get(i)).append(": ").append(parts.get(i).size(level)).append("px");
        }
        return s.toString();
    }

    /** The award's name as a title and its about text. */
    public static String intro(Award award) {
        List<Part> parts = List.of(new Part(award.name(), Face.SERIF_BOLD, 1.08, 0, WIDTH, 108, 96, 84, 72, 64, 56, 48),
                new Part(award.about(), Face.SANS, 1.45, 40, 1400, 40, 36, 33, 30, 28, 26, 24, 22));
        return style(parts, List.of("title", "body"), TextFit.level(HEIGHT, l -> 52, parts));
    }

    /** The winner's name and short text, the citation and the recipients, below the award's name and the image. */
    public static String winner(Award award, Nominee winner) {
        int[] image = {300, 260, 220, 180, 150, 120, 100, 90};
        boolean media = winner != null && (winner.image() != null || winner.video() != null);
        List<Part> parts = List.of(
                new Part(winner == null ? null : winner.name(), Face.SERIF_BOLD, 1.05, 0, WIDTH, 132, 112, 96, 84, 72, 64, 56, 48),
                new Part(winner == null ? null : winner.text(), Face.SANS, 1.3, 24, 1500, 44, 40, 36, 33, 30, 28, 26, 24),
                new Part(award.citation(), Face.SANS, 1.35, 34, 1500, 46, 42, 38, 34, 31, 28, 26, 24),
                new Part(award.recipients(), Face.SANS, 1.3, 26, 1400, 32, 30, 28, 27, 26, 25, 24, 24));
        double eyebrow = eyebrow(award.name());
        int level = TextFit.level(HEIGHT, l -> eyebrow + (media ? image[Math.min(l, image.length - 1)] + 24 : 0), parts);
        return style(parts, List.of("winner", "text", "lead", "small"), level) + "; --winner-image: " + image[Math.min(level, image.length - 1)] + "px";
    }

    /** The prize text and who presents it. */
    public static String prize(Award award) {
        List<Part> parts = List.of(new Part(award.prize(), Face.SANS, 1.35, 0, 1500, 46, 42, 38, 34, 31, 28, 26, 24),
                new Part(award.presenter(), Face.SERIF, 1.2, 0, WIDTH, 60, 54, 48, 44, 40, 36, 32, 28));
        double fixed = eyebrow(award.name()) + (award.prize() == null ? 0 : 76 * 1.15 + 40 + 34)
                + (award.presenter() == null ? 0 : 50 + 28 * 1.25 + 6);
        return style(parts, List.of("lead", "person"), TextFit.level(HEIGHT, l -> fixed, parts));
    }

    /** The show's title with its subtitle, date and venue. */
    public static String title(Show show) {
        String lead = (show.date() == null ? "" : show.date()) + " · " + (show.venue() == null ? "" : show.venue());
        List<Part> parts = List.of(new Part(show.title(), Face.SERIF_BOLD, 1.08, 0, WIDTH, 108, 96, 84, 72, 64, 56, 48),
                new Part(show.date() == null && show.venue() == null ? null : lead, Face.SANS, 1.35, 34, 1500, 46, 42, 38, 34, 31, 28));
        double fixed = (show.theme().logo() == null ? 0 : 240) + (show.subtitle() == null ? 0 : eyebrow(show.subtitle()));
        return style(parts, List.of("title", "lead"), TextFit.level(HEIGHT, l -> fixed, parts));
    }

    /** A big line (the closing's thanks, a text slide's title) and a lead text below it. */
    public static String bigAndLead(String big, String lead, String eyebrow) {
        List<Part> parts = List.of(new Part(big, Face.SERIF_BOLD, 1.08, 0, WIDTH, 108, 96, 84, 72, 64, 56, 48),
                new Part(lead, Face.SANS, 1.35, 34, 1500, 46, 42, 38, 34, 31, 28, 26, 24));
        double fixed = eyebrow == null ? 0 : eyebrow(eyebrow);
        return style(parts, List.of("title", "lead"), TextFit.level(HEIGHT, l -> fixed, parts));
    }

    /**
     * The motivation at one step: the current paragraph as large as fits (50 px down to 24), the earlier ones small
     * above it, as many of the latest as fit whole (the older ones are left out rather than cut off).
     */
    public record Motivation(int currentSize, int earlierSize, int firstShown) {
        public String style() {
            return "--current: " + currentSize + "px; --earlier: " + earlierSize + "px";
        }
    }

    public static Motivation motivation(Award award, int step) {
        List<String> paragraphs = award.motivation();
        double height = HEIGHT - eyebrow("motivation");
        if (paragraphs.isEmpty()) {
            return new Motivation(50, 28, 0);
        }
        int current = Math.min(step, paragraphs.size() - 1);
        Part part = new Part(paragraphs.get(current), Face.SERIF, 1.38, 0, WIDTH, 50, 46, 42, 38, 35, 32, 30, 28, 26, 24);
        int level = TextFit.level(height, l -> 26, List.of(part));
        int size = part.size(level);
        int earlier = Math.max(24, Math.min(28, size - 6));
        double left = height - 26 - part.height(level);
        int first = current;
        while (first > 0) {
            double h = TextFit.height(paragraphs.get(first - 1), Face.SERIF, earlier, 1.38, WIDTH) + 26;
            if (h > left) {
                break;
            }
            left -= h;
            first--;
        }
        return new Motivation(size, earlier, first);
    }

    /** The jury in one to three columns with names and roles as large as fit. */
    public static String jury(Award award) {
        int n = award.jury().size();
        int columns = n <= 4 ? 1 : n <= 8 ? 2 : 3;
        int gap = columns == 3 ? 60 : 80;
        double width = (WIDTH - (columns - 1) * gap) / (double) columns;
        int[] names = {42, 38, 34, 32, 30, 28, 26, 24};
        int[] roles = {27, 26, 25, 24, 24, 24, 24, 22};
        double available = HEIGHT - eyebrow(award.name()) - (76 * 1.15 + 40);
        int level = 0;
        for (; level < names.length - 1; level++) {
            if (juryHeight(award, columns, width, names[level], roles[level]) <= available) {
                break;
            }
        }
        return "--jury-cols: " + columns + "; --jury-gap: " + gap + "px; --jury-name: " + names[level] + "px; --jury-role: " + roles[level] + "px";
    }

    private static double juryHeight(Award award, int columns, double width, int name, int role) {
        double total = 0;
        for (int row = 0; row * columns < award.jury().size(); row++) {
            double tallest = 0;
            for (int i = row * columns; i < Math.min(award.jury().size(), (row + 1) * columns); i++) {
                var member = award.jury().get(i);
                tallest = Math.max(tallest, TextFit.height(member.name(), Face.SERIF_BOLD, name, 1.2, width)
                        + TextFit.height(member.role(), Face.SANS, role, 1.3, width));
            }
            total += tallest + (row == 0 ? 0 : 26);
        }
        return total;
    }

    /** Partners in balanced rows of equal cells, logos and names as large as fit. */
    public static String partners(List<Partner> partners) {
        int n = Math.max(1, partners.size());
        int rows = (n + 5) / 6;
        int columns = (n + rows - 1) / rows;
        int gapX = 48;
        int gapY = 36;
        int cell = Math.min(420, (WIDTH - (columns - 1) * gapX) / columns);
        double rowHeight = (HEIGHT - (76 * 1.15 + 40) - (rows - 1) * gapY) / rows;
        boolean logos = partners.stream().anyMatch(p -> p.logo() != null);
        int[] sizes = {44, 40, 36, 32, 30, 28, 26, 24};
        List<String> names = new ArrayList<>();
        partners.forEach(p -> names.add(p.name()));
        int level = 0;
        double text = 0;
        for (; level < sizes.length; level++) {
            final int size = sizes[level];
            text = names.stream().mapToDouble(name -> TextFit.height(name, Face.SANS, size, 1.25, cell)).max().orElse(0);
            if (rowHeight - text - 14 >= (logos ? Math.min(80, rowHeight / 2) : 0)) {
                break;
            }
        }
        level = Math.min(level, sizes.length - 1);
        int logo = logos ? (int) Math.max(40, Math.min(140, rowHeight - text - 14)) : 0;
        return "--partner-cols: " + columns + "; --partner-w: " + cell + "px; --partner-logo: " + logo
                + "px; --partner-name: " + sizes[level] + "px";
    }
}
