package se.kuvert.media;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Scaled copies of uploaded JPEG and PNG images: one for the big screen (fits 1920×1080) and one thumbnail for
 * phones and the admin (fits 320×320), made once at upload with the JDK's ImageIO. Their names follow from the
 * upload's own name, so a template can ask for them without looking anything up.
 */
public final class Renditions {
    private static final int DISPLAY_W = 1920;
    private static final int DISPLAY_H = 1080;
    private static final int THUMB = 320;

    private Renditions() {
    }

    /** The big-screen copy of {@code path} when it is an uploaded JPEG or PNG, else {@code path} itself. */
    public static String display(String path) {
        return variant(path, "display");
    }

    /** The thumbnail of {@code path} when it is an uploaded JPEG or PNG, else {@code path} itself. */
    public static String thumb(String path) {
        return variant(path, "thumb");
    }

    private static String variant(String path, String name) {
        if (path == null || !path.matches(MediaStore.FOLDER + "/[0-9a-f]{20}\\.(jpg|png)")) {
            return path;
        }
        int dot = path.lastIndexOf('.');
        return path.substring(0, dot) + "." + name + path.substring(dot);
    }

    /** Writes both copies of the image in {@code source} for {@code path}, each through a temporary file moved into place. */
    public static void make(Path mediaDir, String path, Path source) {
        try {
            BufferedImage image = read(source);
            String format = path.endsWith(".png") ? "png" : "jpg";
            write(scale(image, DISPLAY_W, DISPLAY_H), format, mediaDir.resolve(display(path)));
            write(scale(image, THUMB, THUMB), format, mediaDir.resolve(thumb(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scale " + path, e);
        }
    }

    /**
     * The image, decoded at a whole fraction of its size when it is at least twice the big screen's in both
     * directions: a 50-megapixel photo is read at about 12 or 3 megapixels instead of 150–200 MB of pixels, so an
     * upload fits in the server's capped heap; it is still at least the display copy's size before it is scaled.
     */
    static BufferedImage read(Path source) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no reader for " + source.getFileName());
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(reader.getWidth(0), reader.getHeight(0));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The largest whole step that still leaves the image at least as large as the display copy, in both directions. */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.min(width / DISPLAY_W, height / DISPLAY_H));
    }

    /** Fits the image inside w×h, never enlarging it. */
    static BufferedImage scale(BufferedImage source, int w, int h) {
        double factor = Math.min(1.0, Math.min((double) w / source.getWidth(), (double) h / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static void write(BufferedImage image, String format, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".rendition-", ".part");
        try {
            if (!ImageIO.write(image, format, temp.toFile())) {
                throw new IOException("no " + format + " writer");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            MediaStore.deleteQuietly(temp);
        }
    }
}
