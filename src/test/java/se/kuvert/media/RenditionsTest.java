package se.kuvert.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenditionsTest {

    @Test
    void a_big_image_is_decoded_at_a_whole_fraction_that_still_covers_the_display_copy() {
        assertEquals(1, Renditions.subsampling(1920, 1080), "the screen's own size is read whole");
        assertEquals(1, Renditions.subsampling(3839, 5000), "under twice as wide: whole");
        assertEquals(2, Renditions.subsampling(3840, 2160));
        assertEquals(4, Renditions.subsampling(8660, 5773), "50 megapixels: read at a sixteenth");
        assertEquals(1, Renditions.subsampling(1000, 20000), "a narrow, tall image is read whole");
    }

    @Test
    void the_copies_of_a_4k_photo_read_subsampled_are_as_large_as_from_the_whole_image(@TempDir Path media) throws Exception {
        BufferedImage photo = new BufferedImage(3840, 2160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, 3840, 2160);
        g.setColor(Color.WHITE);
        g.fillRect(1920, 0, 1920, 2160);   // right half white: the copy keeps the picture, not only its size
        g.dispose();
        Files.createDirectories(media.resolve(MediaStore.FOLDER));
        String path = MediaStore.FOLDER + "/0123456789abcdef0123.png";
        Path source = media.resolve(path);
        ImageIO.write(photo, "png", source.toFile());

        Renditions.make(media, path, source);
        BufferedImage display = ImageIO.read(media.resolve(Renditions.display(path)).toFile());
        BufferedImage thumb = ImageIO.read(media.resolve(Renditions.thumb(path)).toFile());
        assertEquals(1920, display.getWidth());
        assertEquals(1080, display.getHeight());
        assertEquals(320, thumb.getWidth());
        assertEquals(180, thumb.getHeight());
        assertEquals(new Color(200, 40, 40).getRGB(), display.getRGB(100, 540));
        assertEquals(Color.WHITE.getRGB(), display.getRGB(1800, 540));
    }
}
