package se.kuvert.browser;

import se.kuvert.content.Award;
import se.kuvert.content.JuryMember;
import se.kuvert.content.Nominee;
import se.kuvert.content.Partner;
import se.kuvert.content.Show;
import se.kuvert.content.Theme;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows made to break the big screen's layout, all fictional: 1 to 12 nominees, names of 80 and short texts of 240
 * characters in real-looking words, accents and CJK, images portrait, square and wide or none, motivations of about
 * 1 200 characters a paragraph, a jury of twelve, twenty partners with logos, long prize texts and titles.
 * {@link #writeImages} draws their placeholder images with ImageIO.
 */
final class StressShows {
    static final String PORTRAIT = "stress/portrait.png";
    static final String SQUARE = "stress/square.png";
    static final String WIDE = "stress/wide.png";
    static final String LOGO = "stress/logo.png";
    static final String LOGO_WIDE = "stress/logo-wide.png";
    static final List<String> IMAGES = List.of(PORTRAIT, SQUARE, WIDE);

    private StressShows() {
    }

    private static final String WORDS = "the light of northern harbours winter river glass orchard borderlands silent "
            + "summer archive memory Göteborg Malmö Łódź Århus Zürich København Kraków Reykjavík café naïve déjà "
            + "mother daughters inheritance rehearsal distance island weather cathedral machinery letters kitchen "
            + "lighthouse fisherman evening chorus horizon promise electric mountain station ferry lantern";
    private static final String[] WORD = WORDS.split(" ");
    private static final String[] ROLES = {"director", "screenplay", "cinematography", "editing", "production design",
            "original score", "sound", "costume design", "producer", "visual effects"};
    private static final String[] FIRST = {"Åsa", "Björn", "Zoë", "Łukasz", "Søren", "Inés", "François", "Jürgen",
            "Małgorzata", "Øystein", "Ngozi", "Haruki", "Siobhán", "Mateus", "Ingrid", "Dragoș"};
    private static final String[] LAST = {"Lindqvist", "Østergaard", "Wiśniewska", "Hernández", "Müller-Schmidt",
            "Nakamura", "Ó Briain", "Karlsson", "Dąbrowski", "Fontaine", "Abernethy", "Sætre", "Gonçalves", "Virtanen"};
    private static final String[] CJK = {"北方の灯台", "夏の記憶", "河流与玻璃", "冬の駅", "山の約束", "海边的图书馆"};

    /** Words from the list, starting at {@code seed}, until about {@code length} characters (never longer). */
    static String words(int length, int seed) {
        StringBuilder s = new StringBuilder();
        for (int i = seed; ; i++) {
            String w = WORD[Math.floorMod(i * 7 + seed, WORD.length)];
            if (s.length() + 1 + w.length() > length) {
                break;
            }
            s.append(s.length() == 0 ? "" : " ").append(w);
        }
        String text = s.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String person(int seed) {
        return FIRST[Math.floorMod(seed * 5 + 3, FIRST.length)] + " " + LAST[Math.floorMod(seed * 3 + 1, LAST.length)];
    }

    /** A film's credits as a craft award names them: "Name Surname, Name Surname (role)…", about {@code length} long. */
    static String credits(int length, int seed) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; ; i++) {
            String part = person(seed + i) + (i % 2 == 1 ? " (" + ROLES[Math.floorMod(seed + i, ROLES.length)] + ")" : "");
            if (s.length() + 2 + part.length() > length) {
                break;
            }
            s.append(s.length() == 0 ? "" : ", ").append(part);
        }
        return s.toString();
    }

    private static Nominee nominee(String award, int i, String name, String text, String image) {
        return new Nominee(award + "-" + i, name, text, image, null);
    }

    private static Award award(String id, String name, String about, List<Nominee> nominees, List<String> motivation,
                               List<JuryMember> jury, String prize) {
        return new Award(id, name, about, nominees, nominees.get(nominees.size() - 1).id(),
                "For a film that " + words(160, id.length()).toLowerCase(),
                "Received by " + person(id.length()) + " and " + person(id.length() + 1),
                motivation, jury, person(40), prize);
    }

    /** Nominee counts 1, 2, 3, 5, 6, 7, 10 and 12 in turn with every kind of content; each award has its winner. */
    static Show nominees() {
        List<Award> awards = new ArrayList<>();
        List<Nominee> one = List.of(nominee("one", 0, words(80, 1), words(240, 2), SQUARE));
        awards.add(award("one", "Lifetime achievement", words(220, 3), one, List.of(), List.of(), null));

        List<Nominee> two = List.of(nominee("two", 0, "Vinterresan", credits(120, 1), PORTRAIT),
                nominee("two", 1, "Kärlek på Ön", credits(60, 2), PORTRAIT));
        awards.add(award("two", "Best actress", null, two, List.of(), List.of(), null));

        List<Nominee> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(nominee("three", i, words(80, 10 + i), words(240, 20 + i), WIDE));
        }
        awards.add(award("three", "Best documentary of the year for a film made outside the capital region", words(400, 4),
                three, List.of(), List.of(), null));

        List<Nominee> five = new ArrayList<>();
        String[] films = {"Dune: Part Two", "The Brutalist", "Emilia Pérez", "Anora", "Conclave"};
        for (int i = 0; i < 5; i++) {
            five.add(nominee("five", i, films[i], credits(i == 2 ? 240 : 90, 30 + i), null));
        }
        awards.add(award("five", "Best cinematography", null, five, List.of(), List.of(), null));

        List<Nominee> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(nominee("six", i, i % 2 == 0 ? CJK[i] : words(36, 40 + i), i % 3 == 0 ? null : credits(100, 40 + i),
                    i == 1 ? null : IMAGES.get(i % 3)));
        }
        awards.add(award("six", "最佳影片 · Best international feature", null, six, List.of(), List.of(), null));

        List<Nominee> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(nominee("seven", i, words(80, 50 + i), i % 2 == 0 ? words(40, 50 + i) : null, null));
        }
        awards.add(award("seven", "Best original screenplay", null, seven, List.of(), List.of(), null));

        List<Nominee> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(nominee("ten", i, i == 4 ? "Dune: Part Two" : words(12 + 4 * i, 60 + i), credits(40 + 6 * i, 60 + i), null));
        }
        awards.add(award("ten", "Best picture", words(300, 5), ten, List.of(), List.of(), null));

        List<Nominee> tenImages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenImages.add(nominee("ten-images", i, person(70 + i), i % 4 == 0 ? words(60, 70 + i) : null, IMAGES.get(i % 3)));
        }
        awards.add(award("ten-images", "Best supporting actor", null, tenImages, List.of(), List.of(), null));

        List<Nominee> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(nominee("twelve", i, words(14 + 2 * i, 80 + i), i % 3 == 0 ? person(80 + i) : null, IMAGES.get(i % 3)));
        }
        awards.add(award("twelve", "Best short film", null, twelve, List.of(), List.of(), null));

        List<Nominee> twelveLong = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelveLong.add(nominee("twelve-long", i, words(80, 90 + i), null, null));
        }
        awards.add(award("twelve-long", "Audience award", null, twelveLong, List.of(), List.of(), null));

        return new Show("stress-nominees", "Stress: nominees", null, null, null, "en", Theme.DEFAULT, awards, List.of(),
                null, null);
    }

    /**
     * More than the stage can hold above the floor: twelve nominees with images, names up to 75 characters and
     * credits. The big screen shows it smaller than the floor, never cut off or overflowing.
     */
    static Show overfull() {
        List<Nominee> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(nominee("overfull", i, words(20 + 5 * i, 80 + i), i % 3 == 0 ? credits(70, 80 + i) : null, IMAGES.get(i % 3)));
        }
        return new Show("stress-overfull", "Stress: overfull", null, null, null, "en", Theme.DEFAULT,
                List.of(award("overfull", "Best short film", null, twelve, List.of(), List.of(), null)), List.of(), null, null);
    }

    /** Everything but the nominees at its longest: titles, about, motivation, jury, prize, partners, closing. */
    static Show longContent() {
        List<String> motivation = List.of(words(1200, 7) + ".", words(1200, 8) + ".", words(1150, 9) + ".");
        List<JuryMember> jury = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jury.add(new JuryMember(person(100 + i), i % 3 == 0 ? words(70, 100 + i).toLowerCase() : ROLES[i % ROLES.length]));
        }
        List<Nominee> nominees = List.of(nominee("long", 0, words(80, 11), credits(240, 11), WIDE),
                nominee("long", 1, "Anora", credits(100, 12), SQUARE),
                nominee("long", 2, words(40, 13), credits(200, 13), PORTRAIT));
        String awardName = "The grand jury prize for an outstanding achievement in cinematography, editing and sound";
        Award award = new Award("long", awardName, words(1000, 6), nominees, "long-0",
                words(400, 14), "Received on behalf of the whole crew by " + person(1) + ", " + person(2) + " and " + person(3),
                motivation, jury, person(41) + ", " + words(60, 15).toLowerCase(), words(600, 16), null);
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            partners.add(new Partner(i % 5 == 0 ? words(40, 120 + i) : person(120 + i), i % 2 == 0 ? LOGO : LOGO_WIDE));
        }
        return new Show("stress-long", words(90, 17) + " 2026", words(120, 18), "Saturday 14 November 2026",
                "The Old Harbour Cinema, Göteborg", "en", new Theme(null, null, null, LOGO), List.of(award), partners,
                words(300, 19), null);
    }

    /** Draws the placeholder images the stress shows use into {@code mediaDir}. */
    static void writeImages(Path mediaDir) {
        image(mediaDir, PORTRAIT, 600, 900, "portrait 600×900");
        image(mediaDir, SQUARE, 800, 800, "square 800×800");
        image(mediaDir, WIDE, 1600, 600, "wide 1600×600");
        image(mediaDir, LOGO, 400, 400, "logo");
        image(mediaDir, LOGO_WIDE, 900, 300, "wide logo");
    }

    private static void image(Path mediaDir, String path, int width, int height, String label) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3a5f8f), width, height, new Color(0xc9a227)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(Math.max(4, width / 80f)));
        g.drawRect(8, 8, width - 16, height - 16);
        g.drawLine(8, 8, width - 8, height - 8);
        g.drawLine(width - 8, 8, 8, height - 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(20, Math.min(width, height) / 10)));
        g.drawString(label, 30, height / 2);
        g.dispose();
        try {
            Path file = mediaDir.resolve(path);
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
