package se.kuvert.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The live show's changes, one line each, appended before the screens hear of them ({@code live.journal} in the data
 * folder). A change is then stored in SQLite after its first screens have it: on a processor back from idle, the
 * line and its write cost a command some 45 µs, SQLite's transaction some 0.24 ms (BENCHMARKS.md, "The tenth round"). An appended line is in the operating system's hands, like a commit in SQLite's WAL with
 * {@code synchronous=NORMAL}: a server killed with kill -9 loses none, so whatever the room saw, a restart resumes.
 * At start, the lines SQLite does not have yet are stored and the journal is emptied; it is emptied while the show
 * runs too, once it is long and SQLite has every line. A line cut short or changed (a crash of the machine itself)
 * fails its checksum and is not used.
 */
final class Journal {
    /** A change as {@link LiveStateRepository#record(LogEntry, boolean, Set)} stores it. */
    record Entry(LogEntry log, Set<String> revealed) {
    }

    static final String FILE = "live.journal";
    private static final String FORMAT = "k1";
    /** Emptied past this length, when SQLite has every line (a line is some 150 bytes). */
    static final long EMPTY_PAST = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    /** The file's length: what this journal wrote since it was last emptied, and what it held when opened. */
    private long length;

    Journal(Path file) {
        this.file = file;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            length = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the live show's journal " + file, e);
        }
    }

    /** Appends {@code entry} with one write; when this returns, a killed server still has it. */
    void append(Entry entry) {
        byte[] line = line(entry);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            length += line.length;
        } catch (IOException e) {
            try {
                channel.truncate(length);   // no part of a line left for the next one to be glued to
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new UncheckedIOException("cannot write the live show's journal " + file, e);
        }
    }

    long length() {
        return length;
    }

    /** Empties the journal: SQLite has every line of it. */
    void empty() {
        try {
            channel.truncate(0);
            length = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the live show's journal " + file, e);
        }
    }

    /**
     * The entries, oldest first; lines that fail their checksum or cannot be read are left out (a line cut inside a
     * letter reads with a replacement character, and fails its checksum).
     */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                Entry entry = parse(line);
                if (entry != null) {
                    out.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the live show's journal " + file, e);
        }
        return out;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the live show's journal " + file, e);
        }
    }

    // A line: fields separated by tabs, the last one the CRC-32 of what comes before it. A text is "" for null and "="
    // before its value otherwise, with %, tab, newline, carriage return and comma written as %25, %09, %0A, %0D, %2C;
    // an instant is its seconds, a dot and its nanoseconds.

    /** The line of {@code entry}, as UTF-8, ending in its newline. */
    static byte[] line(Entry entry) {
        LogEntry e = entry.log();
        LiveState to = e.to();
        StringBuilder b = new StringBuilder(192).append(FORMAT);
        field(b).append(to.version());
        instant(field(b), e.at());
        text(field(b), e.who());
        text(field(b), e.action());
        text(field(b), e.outcome());
        text(field(b), e.from().showId());
        field(b).append(e.from().slide());
        field(b).append(e.from().step());
        text(field(b), to.showId());
        field(b).append(to.slide());
        field(b).append(to.step());
        field(b).append(flag(to.blackout())).append(flag(to.logo())).append(flag(to.loop())).append(flag(to.rehearsal()));
        if (to.startedAt() == null) {
            field(b);
        } else {
            instant(field(b), to.startedAt());
        }
        field(b);
        if (entry.revealed() != null) {
            b.append('=');
            boolean first = true;
            for (String award : entry.revealed()) {
                if (!first) {
                    b.append(',');
                }
                escape(b, award);
                first = false;
            }
        }
        byte[] fields = b.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(fields);
        byte[] end = ("\t" + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(fields, fields.length + end.length);
        System.arraycopy(end, 0, line, fields.length, end.length);
        return line;
    }

    /** The entry of {@code line}, or null when it is cut short, changed or of another format. */
    static Entry parse(String line) {
        int lastTab = line.lastIndexOf('\t');
        if (lastTab < 0) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(line.substring(0, lastTab).getBytes(StandardCharsets.UTF_8));
        if (!Long.toHexString(crc.getValue()).equals(line.substring(lastTab + 1))) {
            return null;
        }
        String[] f = line.substring(0, lastTab).split("\t", -1);
        if (f.length != 15 || !f[0].equals(FORMAT) || f[12].length() != 4) {
            return null;
        }
        try {
            LiveState to = new LiveState(text(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]),
                    f[12].charAt(0) == '1', f[12].charAt(1) == '1', f[12].charAt(2) == '1', Long.parseLong(f[1]),
                    f[13].isEmpty() ? null : instant(f[13]), f[12].charAt(3) == '1');
            LiveState from = new LiveState(text(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), false, false, false, 0, null);
            Set<String> awards = f[14].isEmpty() ? null : new LinkedHashSet<>();
            if (f[14].length() > 1) {
                Arrays.stream(f[14].substring(1).split(",", -1)).map(Journal::unescape).forEach(awards::add);
            }
            return new Entry(new LogEntry(instant(f[2]), text(f[3]), text(f[4]), text(f[5]), from, to), awards);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** An instant as its seconds and nanoseconds since 1970: no date formatter on a command's way. */
    private static void instant(StringBuilder b, Instant at) {
        b.append(at.getEpochSecond()).append('.').append(at.getNano());
    }

    private static Instant instant(String field) {
        int dot = field.indexOf('.');
        return Instant.ofEpochSecond(Long.parseLong(field.substring(0, dot)), Integer.parseInt(field.substring(dot + 1)));
    }

    private static StringBuilder field(StringBuilder b) {
        return b.append('\t');
    }

    private static char flag(boolean on) {
        return on ? '1' : '0';
    }

    private static void text(StringBuilder b, String value) {
        if (value != null) {
            escape(b.append('='), value);
        }
    }

    private static String text(String field) {
        return field.isEmpty() ? null : unescape(field.substring(1));
    }

    private static void escape(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '\t' -> b.append("%09");
                case '\n' -> b.append("%0A");
                case '\r' -> b.append("%0D");
                case ',' -> b.append("%2C");
                default -> b.append(c);
            }
        }
    }

    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                b.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
