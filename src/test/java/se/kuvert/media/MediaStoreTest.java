package se.kuvert.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaStoreTest {
    private static final String SCRIPT = "<html><script>fetch('/api/state').then(r => r.text()).then(alert)</script></html>";

    @TempDir
    Path media;

    private MediaStore store() {
        return new MediaStore(media);
    }

    private List<String> files() throws IOException {
        Path dir = media.resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] concat(byte[] head, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(tail.repeat(20).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void real_small_files_of_every_kind_are_stored_under_their_content_name() throws IOException {
        for (String name : Fixtures.VALID) {
            byte[] content = Fixtures.bytes(name);
            MediaStore.Stored stored = store().store(name, content);
            assertTrue(stored.path().matches("uploads/[0-9a-f]{20}\\." + name.substring(name.indexOf('.') + 1)), stored.path());
            assertArrayEquals(content, Files.readAllBytes(media.resolve(stored.path())), name);
        }
        assertEquals(Fixtures.VALID.length, files().size(), "no temporary files are left: " + files());
    }

    @Test
    void magic_bytes_followed_by_a_page_or_script_are_refused_and_nothing_is_stored() throws IOException {
        byte[] ftyp = Arrays.copyOf(Fixtures.bytes("black.mp4"), 32);
        List<byte[]> fakes = List.of(
                concat(ascii("\0\0\0\u0018ftypmp42"), SCRIPT),
                concat(ftyp, SCRIPT),
                concat(bytes(0xFF, 0xFB), SCRIPT),
                concat(bytes(0xFF, 0xFB, 0x90, 0x00), SCRIPT),
                concat(ascii("ID3\u0003\0\0\0\0\0\0"), SCRIPT),
                concat(bytes(0x1A, 0x45, 0xDF, 0xA3), SCRIPT),
                concat(Arrays.copyOf(Fixtures.bytes("tone.webm"), 40), SCRIPT),
                concat(ascii("OggS"), SCRIPT),
                concat(Arrays.copyOf(Fixtures.bytes("tone.ogg"), 58), SCRIPT),
                concat(ascii("RIFF\u0010\0\0\0WAVE"), SCRIPT),
                concat(Arrays.copyOf(Fixtures.bytes("tone.wav"), 44), SCRIPT),
                concat(ascii("RIFF\u0010\0\0\0WEBPVP8 "), SCRIPT));
        for (byte[] fake : fakes) {
            MediaStore.Refused refused = assertThrows(MediaStore.Refused.class, () -> store().store("fake", fake),
                    new String(fake, 0, 12, StandardCharsets.ISO_8859_1));
            assertTrue(refused.getMessage().contains("but is not one") && refused.getMessage().contains("Nothing was stored"),
                    refused.getMessage());
        }
        assertEquals(List.of(), files());
    }

    @Test
    void a_real_file_cut_short_or_with_a_page_appended_is_refused() {
        for (String name : List.of("black.mp4", "black.webm", "tone.webm", "tone.ogg", "tone.wav", "black.webp")) {
            byte[] whole = Fixtures.bytes(name);
            assertThrows(MediaStore.Refused.class, () -> store().store(name, Arrays.copyOf(whole, whole.length - 7)), name + " cut short");
            assertThrows(MediaStore.Refused.class, () -> store().store(name, concat(whole, SCRIPT)), name + " with a page appended");
        }
        byte[] mp3 = Fixtures.bytes("tone.mp3");
        assertThrows(MediaStore.Refused.class, () -> store().store("tone.mp3", Arrays.copyOf(mp3, 200)), "an ID3 tag and one frame and a bit");
    }

    @Test
    void a_damaged_file_left_at_the_content_name_by_a_crash_is_replaced_on_the_next_upload() throws IOException {
        byte[] wav = Fixtures.bytes("tone.wav");
        MediaStore.Stored first = store().store("tone.wav", wav);
        Path file = media.resolve(first.path());
        Files.write(file, Arrays.copyOf(wav, 100));
        MediaStore.Stored again = store().store("tone.wav", wav);
        assertEquals(first.path(), again.path());
        assertArrayEquals(wav, Files.readAllBytes(file));
    }

    @Test
    void an_upload_cut_off_midway_leaves_nothing_behind() throws IOException {
        InputStream breaking = new FilterInputStream(new java.io.ByteArrayInputStream(Fixtures.bytes("black.mp4"))) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 1000) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, Math.min(len, 500));
                read += n;
                return n;
            }
        };
        assertThrows(UncheckedIOException.class, () -> store().store("intro.mp4", breaking));
        assertEquals(List.of(), files());
    }
}
