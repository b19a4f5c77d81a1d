package se.kuvert.sound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the demo shows' placeholder sounds in media/sounds/: a few synthesized notes each, 16-bit mono WAV at
 * 22,050 Hz, written from nothing but arithmetic (no recording, no download). Run it again to remake them:
 * {@code mvn -o -q test-compile && java -cp target/test-classes se.kuvert.sound.PlaceholderSounds media/sounds}.
 */
public final class PlaceholderSounds {
    static final int RATE = 22_050;

    /** A note: its frequency (Hz), where it starts and how long it sounds (seconds), and how loud (0-1). */
    record Note(double hz, double start, double length, double gain) {
    }

    private PlaceholderSounds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "media/sounds");
        Files.createDirectories(dir);
        Files.write(dir.resolve("fanfare.wav"), wav(fanfare()));
        Files.write(dir.resolve("sting.wav"), wav(sting()));
    }

    /** A brass-like call on C major: G4 G4 C5 E5, then a held C5-E5-G5-C6 chord; about 2.6 s. */
    static short[] fanfare() {
        double c5 = 523.25, e5 = 659.25, g5 = 783.99, g4 = 392.00, c6 = 1046.50;
        return render(2.6, new Note[]{
                new Note(g4, 0.00, 0.18, 0.5), new Note(g4, 0.20, 0.18, 0.5), new Note(c5, 0.40, 0.30, 0.5),
                new Note(e5, 0.72, 0.30, 0.5),
                new Note(c5, 1.05, 1.50, 0.3), new Note(e5, 1.05, 1.50, 0.25), new Note(g5, 1.05, 1.50, 0.25),
                new Note(c6, 1.05, 1.50, 0.2)}, 4);
    }

    /** A short rising sting for the envelope: D5 then A5 over a low D4; about 1.1 s. */
    static short[] sting() {
        return render(1.1, new Note[]{new Note(293.66, 0.0, 1.05, 0.35), new Note(587.33, 0.0, 0.35, 0.4),
                new Note(880.00, 0.30, 0.75, 0.45)}, 2);
    }

    /** Sums the notes, each with {@code harmonics} overtones and a short attack and release, into 16-bit samples. */
    static short[] render(double seconds, Note[] notes, int harmonics) {
        double[] mix = new double[(int) (seconds * RATE)];
        for (Note n : notes) {
            int from = (int) (n.start() * RATE);
            int count = (int) (n.length() * RATE);
            for (int i = 0; i < count && from + i < mix.length; i++) {
                double t = (double) i / RATE;
                double envelope = Math.min(1, t / 0.02) * Math.min(1, (n.length() - t) / 0.12);
                double v = 0;
                for (int h = 1; h <= harmonics; h++) {
                    v += Math.sin(2 * Math.PI * n.hz() * h * t) / h;
                }
                mix[from + i] += n.gain() * Math.max(0, envelope) * v;
            }
        }
        double peak = 1e-9;
        for (double v : mix) {
            peak = Math.max(peak, Math.abs(v));
        }
        short[] samples = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            samples[i] = (short) Math.round(mix[i] / peak * 0.8 * Short.MAX_VALUE);
        }
        return samples;
    }

    /** A RIFF/WAVE file: PCM, one channel, 16 bits, {@link #RATE} Hz. */
    static byte[] wav(short[] samples) {
        int data = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }
}
