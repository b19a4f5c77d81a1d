package se.kuvert.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Checks that a file is built like the container its first bytes claim, so a script or page behind a copied magic
 * number is refused: MP4 box sizes chain to the end with an ftyp first and a moov, WebM has an EBML header saying
 * "webm" and then a Segment with tracks, MP3 frames chain (after an optional ID3 tag), Ogg pages chain with valid
 * checksums, WAV and WebP chunks fit their RIFF size. It reads headers only, never whole media.
 */
final class MediaCheck {
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso8", "iso9",
            "mp41", "mp42", "avc1", "av01", "hvc1", "hev1", "M4V ", "M4VH", "M4VP", "M4A ", "f4v ", "dash", "mmp4", "msdh",
            "cmfc", "3gp4", "3gp5", "3gp6", "3g2a", "MSNV", "qt  ");
    private static final int EBML = 0x1A45DFA3;
    private static final int DOC_TYPE = 0x4282;
    private static final int SEGMENT = 0x18538067;
    private static final int TRACKS = 0x1654AE6B;
    private static final Set<Integer> SEGMENT_CHILDREN = Set.of(0x114D9B74, 0x1549A966, TRACKS, 0x1F43B675, 0x1C53BB6B,
            0xEC, 0xBF, 0x1254C367, 0x1043A770, 0x1941A469);
    private static final int MP3_FRAMES = 8;
    private static final int OGG_CRC_PAGES = 16;

    private MediaCheck() {
    }

    /** What is wrong with the file, for the message to staff. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static void check(MediaStore.Kind kind, Path file) throws IOException, Malformed {
        try (Bytes b = new Bytes(file)) {
            switch (kind) {
                case MP4 -> mp4(b);
                case WEBM -> webm(b);
                case MP3 -> mp3(b);
                case OGG -> ogg(b);
                case WAV -> wav(b);
                case WEBP -> webp(b);
                case JPEG, PNG -> {
                    // decoded by MediaStore
                }
            }
        }
    }

    private static void mp4(Bytes b) throws IOException, Malformed {
        long pos = 0;
        boolean moov = false;
        while (pos < b.size) {
            Box box = box(b, pos, b.size);
            if (pos == 0) {
                if (!box.type.equals("ftyp") || box.size < 16) {
                    throw new Malformed("it does not start with an ftyp box");
                }
                String major = b.ascii(8, 4);
                boolean known = MP4_BRANDS.contains(major);
                for (long p = 16; p + 4 <= box.size && !known; p += 4) {
                    known = MP4_BRANDS.contains(b.ascii(p, 4));
                }
                if (!known) {
                    throw new Malformed("its brand '" + major + "' is not an MP4 brand");
                }
            }
            if (box.type.equals("moov")) {
                boolean mvhd = false;
                for (long p = pos + box.header; p < pos + box.size; ) {
                    Box child = box(b, p, pos + box.size);
                    mvhd |= child.type.equals("mvhd");
                    p += child.size;
                }
                if (!mvhd) {
                    throw new Malformed("its moov box has no movie header (mvhd)");
                }
                moov = true;
            }
            pos += box.size;
        }
        if (!moov) {
            throw new Malformed("it has no moov box (the index a player needs)");
        }
    }

    private record Box(String type, long size, int header) {
    }

    private static Box box(Bytes b, long pos, long end) throws IOException, Malformed {
        if (pos + 8 > end) {
            throw new Malformed("it ends inside a box header at byte " + pos);
        }
        long size = b.u32be(pos);
        String type = b.ascii(pos + 4, 4);
        if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == 0xA9)) {
            throw new Malformed("byte " + pos + " is not the start of a box");
        }
        int header = 8;
        if (size == 1) {
            if (pos + 16 > end) {
                throw new Malformed("it ends inside the '" + type + "' box header");
            }
            size = b.u32be(pos + 8) << 32 | b.u32be(pos + 12);
            header = 16;
        } else if (size == 0) {
            size = end - pos;
        }
        if (size < header || size > end - pos) {
            throw new Malformed("its '" + type + "' box at byte " + pos + " claims " + size + " bytes, more than there are");
        }
        return new Box(type, size, header);
    }

    private static void webm(Bytes b) throws IOException, Malformed {
        Element header = element(b, 0, b.size);
        if (header.id != EBML || header.size < 0) {
            throw new Malformed("it does not start with an EBML header");
        }
        String docType = null;
        for (long p = header.data; p < header.end(); ) {
            Element child = element(b, p, header.end());
            if (child.id == DOC_TYPE && child.size <= 64) {
                docType = b.ascii(child.data, (int) child.size).replace("\0", "");
            }
            p = child.end();
        }
        if (!"webm".equals(docType)) {
            throw new Malformed("its EBML header says it is " + (docType == null ? "no document type" : "'" + docType + "'") + ", not webm");
        }
        Element segment = element(b, header.end(), b.size);
        if (segment.id != SEGMENT) {
            throw new Malformed("no Segment follows its EBML header");
        }
        long end = segment.size < 0 ? b.size : segment.end();
        if (end != b.size) {
            throw new Malformed("there are " + (b.size - end) + " bytes after its Segment");
        }
        boolean tracks = false;
        for (long p = segment.data; p < end; ) {
            Element child = element(b, p, end);
            if (!SEGMENT_CHILDREN.contains(child.id)) {
                throw new Malformed("byte " + p + " is not a WebM segment element");
            }
            tracks |= child.id == TRACKS;
            if (child.size < 0) {
                break; // a cluster of unknown size runs to the end, as a live recording writes it
            }
            p = child.end();
        }
        if (!tracks) {
            throw new Malformed("it has no tracks");
        }
    }

    /** An EBML element; {@code size} is -1 when unknown (all ones), which runs to the end of its parent. */
    private record Element(int id, long data, long size) {
        long end() {
            return data + size;
        }
    }

    private static Element element(Bytes b, long pos, long end) throws IOException, Malformed {
        if (pos >= end) {
            throw new Malformed("it ends where an element should start (byte " + pos + ")");
        }
        int first = b.u8(pos);
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || idLength > 4 || pos + idLength > end) {
            throw new Malformed("byte " + pos + " is not an EBML element");
        }
        int id = 0;
        for (int i = 0; i < idLength; i++) {
            id = id << 8 | b.u8(pos + i);
        }
        long p = pos + idLength;
        if (p >= end) {
            throw new Malformed("it ends inside an element header at byte " + pos);
        }
        int lead = b.u8(p);
        int sizeLength = Integer.numberOfLeadingZeros(lead) - 23;
        if (lead == 0 || p + sizeLength > end) {
            throw new Malformed("the element at byte " + pos + " has no valid size");
        }
        long size = lead & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int v = b.u8(p + i);
            allOnes &= v == 0xFF;
            size = size << 8 | v;
        }
        long data = p + sizeLength;
        if (allOnes) {
            return new Element(id, data, -1);
        }
        if (size > end - data) {
            throw new Malformed("the element at byte " + pos + " claims " + size + " bytes, more than there are");
        }
        return new Element(id, data, size);
    }

    private static final int[][] MP3_BITRATES = {
            {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
            {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
            {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
            {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
            {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};        // MPEG-2/2.5 layers II and III
    private static final int[][] MP3_RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    private static void mp3(Bytes b) throws IOException, Malformed {
        long pos = 0;
        if (b.size >= 10 && b.ascii(0, 3).equals("ID3")) {
            int major = b.u8(3);
            long size = 0;
            for (int i = 6; i < 10; i++) {
                int v = b.u8(i);
                if (v >= 0x80) {
                    throw new Malformed("its ID3 tag has a broken size");
                }
                size = size << 7 | v;
            }
            if (major < 2 || major > 4) {
                throw new Malformed("its ID3 tag has the unknown version 2." + major);
            }
            pos = 10 + size + ((b.u8(5) & 0x10) != 0 ? 10 : 0);
        }
        int frames = 0;
        int signature = -1;
        while (frames < MP3_FRAMES && pos < b.size) {
            if (frames > 0 && b.size - pos == 128 && b.ascii(pos, 3).equals("TAG")) {
                break; // an ID3v1 tag ends the file
            }
            if (pos + 4 > b.size) {
                break;
            }
            long h = b.u32be(pos);
            int length = mp3FrameLength(h);
            // Version, layer and sample rate stay the same from frame to frame.
            int frameSignature = (int) (h >>> 10) & 0x783;
            if (length <= 0 || (signature >= 0 && frameSignature != signature)) {
                throw new Malformed(frames == 0 ? "there is no MPEG audio frame where its audio should start (byte " + pos + ")"
                        : "its frame " + frames + " is not followed by another frame at byte " + pos);
            }
            signature = frameSignature;
            pos += length;
            frames++;
        }
        if (frames < 3) {
            throw new Malformed("it has only " + frames + " audio frame(s)");
        }
    }

    /** The length in bytes of the MPEG audio frame with header {@code h}, or -1 when it is not a valid header. */
    private static int mp3FrameLength(long h) {
        int version = (int) (h >>> 19) & 3;
        int layer = (int) (h >>> 17) & 3;
        int bitrateIndex = (int) (h >>> 12) & 0xF;
        int rateIndex = (int) (h >>> 10) & 3;
        if ((h >>> 21) != 0x7FF || version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || (h & 3) == 2) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : layer == 3 ? 3 : 4;
        int bitrate = MP3_BITRATES[table][bitrateIndex - 1] * 1000;
        int rate = MP3_RATES[version][rateIndex];
        int padding = (int) (h >>> 9) & 1;
        if (layer == 3) {
            return (12 * bitrate / rate + padding) * 4;
        }
        return (layer == 1 && !mpeg1 ? 72 : 144) * bitrate / rate + padding;
    }

    private static void ogg(Bytes b) throws IOException, Malformed {
        long pos = 0;
        int pages = 0;
        while (pos < b.size) {
            if (pos + 27 > b.size || !b.ascii(pos, 4).equals("OggS") || b.u8(pos + 4) != 0 || (b.u8(pos + 5) & ~7) != 0) {
                throw new Malformed("byte " + pos + " is not the start of an Ogg page");
            }
            int segments = b.u8(pos + 26);
            if (pos + 27 + segments > b.size) {
                throw new Malformed("it ends inside the Ogg page at byte " + pos);
            }
            byte[] lacing = b.read(pos + 27, segments);
            long body = 0;
            for (byte l : lacing) {
                body += l & 0xFF;
            }
            long length = 27 + segments + body;
            if (pos + length > b.size) {
                throw new Malformed("its Ogg page at byte " + pos + " claims more bytes than there are");
            }
            if (pages == 0) {
                String codec = b.ascii(pos + 27 + segments, (int) Math.min(8, body));
                if ((b.u8(pos + 5) & 2) == 0 || !(codec.startsWith("\u0001vorbis") || codec.startsWith("OpusHead")
                        || codec.startsWith("\u007fFLAC") || codec.startsWith("Speex"))) {
                    throw new Malformed("its first page does not start a Vorbis, Opus, FLAC or Speex stream");
                }
            }
            if (pages < OGG_CRC_PAGES) {
                byte[] page = b.read(pos, (int) length);
                long stored = b.u32le(pos + 22);
                page[22] = page[23] = page[24] = page[25] = 0;
                if (oggCrc(page) != stored) {
                    throw new Malformed("its Ogg page at byte " + pos + " has a wrong checksum");
                }
            }
            pos += length;
            pages++;
        }
        if (pages < 2) {
            throw new Malformed("it has only " + pages + " Ogg page(s)");
        }
    }

    private static final int[] OGG_CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int j = 0; j < 8; j++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            OGG_CRC_TABLE[i] = r;
        }
    }

    static long oggCrc(byte[] page) {
        int crc = 0;
        for (byte value : page) {
            crc = (crc << 8) ^ OGG_CRC_TABLE[((crc >>> 24) & 0xFF) ^ (value & 0xFF)];
        }
        return crc & 0xFFFFFFFFL;
    }

    private static void wav(Bytes b) throws IOException, Malformed {
        long end = riffEnd(b);
        boolean fmt = false;
        boolean data = false;
        for (long pos = 12; pos + 8 <= end; ) {
            Chunk chunk = chunk(b, pos, end);
            if (chunk.id.equals("fmt ")) {
                if (chunk.size < 16) {
                    throw new Malformed("its fmt chunk is too short");
                }
                int format = b.u16le(chunk.data);
                int channels = b.u16le(chunk.data + 2);
                long rate = b.u32le(chunk.data + 4);
                long byteRate = b.u32le(chunk.data + 8);
                int align = b.u16le(chunk.data + 12);
                int bits = b.u16le(chunk.data + 14);
                boolean pcm = format == 1 || format == 3 || format == 0xFFFE;
                if (channels < 1 || channels > 32 || rate < 1000 || rate > 768_000 || align < 1 || bits < 1 || bits > 64
                        || (pcm && (align != channels * ((bits + 7) / 8) || byteRate != rate * align))) {
                    throw new Malformed("its fmt chunk describes no sensible audio (" + channels + " channels, " + rate + " Hz, "
                            + bits + " bits)");
                }
                fmt = true;
            } else if (chunk.id.equals("data")) {
                if (!fmt) {
                    throw new Malformed("its data chunk comes before the fmt chunk");
                }
                data = true;
            }
            pos = chunk.next();
        }
        if (!fmt || !data) {
            throw new Malformed("it has no " + (fmt ? "data" : "fmt") + " chunk");
        }
    }

    private static void webp(Bytes b) throws IOException, Malformed {
        long end = riffEnd(b);
        Chunk first = chunk(b, 12, end);
        switch (first.id) {
            case "VP8 " -> {
                if (first.size < 10 || b.u8(first.data + 3) != 0x9D || b.u8(first.data + 4) != 0x01 || b.u8(first.data + 5) != 0x2A
                        || (b.u16le(first.data + 6) & 0x3FFF) == 0 || (b.u16le(first.data + 8) & 0x3FFF) == 0) {
                    throw new Malformed("its VP8 image header is broken");
                }
            }
            case "VP8L" -> {
                if (first.size < 5 || b.u8(first.data) != 0x2F || (b.u32le(first.data + 1) >>> 29) != 0) {
                    throw new Malformed("its lossless (VP8L) image header is broken");
                }
            }
            case "VP8X" -> {
                if (first.size < 10) {
                    throw new Malformed("its extended (VP8X) header is too short");
                }
            }
            default -> throw new Malformed("its first chunk is '" + first.id + "', not an image");
        }
        boolean image = !first.id.equals("VP8X");
        for (long pos = first.next(); pos + 8 <= end; ) {
            Chunk chunk = chunk(b, pos, end);
            image |= chunk.id.equals("VP8 ") || chunk.id.equals("VP8L") || chunk.id.equals("ANMF");
            pos = chunk.next();
        }
        if (!image) {
            throw new Malformed("it holds no image");
        }
    }

    private record Chunk(String id, long data, long size) {
        long next() {
            return data + size + (size & 1);
        }
    }

    /** Where the RIFF form ends; its declared size must match the file (a pad byte aside). */
    private static long riffEnd(Bytes b) throws IOException, Malformed {
        long declared = b.u32le(4) + 8;
        if (declared != b.size && declared + 1 != b.size) {
            throw new Malformed("its RIFF header says " + declared + " bytes, but the file has " + b.size);
        }
        return declared;
    }

    private static Chunk chunk(Bytes b, long pos, long end) throws IOException, Malformed {
        if (pos + 8 > end) {
            throw new Malformed("it ends where a chunk should start (byte " + pos + ")");
        }
        String id = b.ascii(pos, 4);
        long size = b.u32le(pos + 4);
        if (!id.chars().allMatch(c -> c >= 0x20 && c < 0x7F) || size > end - pos - 8) {
            throw new Malformed("its chunk at byte " + pos + " is broken or claims more bytes than there are");
        }
        return new Chunk(id, pos + 8, size);
    }

    /** Random access to a file's bytes; reading past the end is a {@link Malformed} file. */
    private static final class Bytes implements AutoCloseable {
        final FileChannel channel;
        final long size;

        Bytes(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        }

        byte[] read(long pos, int n) throws IOException, Malformed {
            if (pos < 0 || n < 0 || pos + n > size) {
                throw new Malformed("it ends early (at byte " + size + ")");
            }
            ByteBuffer buffer = ByteBuffer.allocate(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, pos + buffer.position()) < 0) {
                    throw new Malformed("it ends early (at byte " + size + ")");
                }
            }
            return buffer.array();
        }

        int u8(long pos) throws IOException, Malformed {
            return read(pos, 1)[0] & 0xFF;
        }

        int u16le(long pos) throws IOException, Malformed {
            byte[] v = read(pos, 2);
            return (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
        }

        long u32le(long pos) throws IOException, Malformed {
            byte[] v = read(pos, 4);
            return (v[0] & 0xFFL) | (v[1] & 0xFFL) << 8 | (v[2] & 0xFFL) << 16 | (v[3] & 0xFFL) << 24;
        }

        long u32be(long pos) throws IOException, Malformed {
            byte[] v = read(pos, 4);
            return (v[0] & 0xFFL) << 24 | (v[1] & 0xFFL) << 16 | (v[2] & 0xFFL) << 8 | (v[3] & 0xFFL);
        }

        String ascii(long pos, int n) throws IOException, Malformed {
            return new String(read(pos, n), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
