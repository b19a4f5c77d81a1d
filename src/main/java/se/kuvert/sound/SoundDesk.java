package se.kuvert.sound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The operator's hand on the sound: stop what plays now, mute and unmute the audio output. It is not part of the
 * live state (a mute is no step of the show and needs no version); it lives in memory, so a restart unmutes.
 * Listeners (the big screen's stream) hear every cue.
 */
public final class SoundDesk {
    /** What the operator asked for: {@code stop} what plays now, and whether the output is {@code muted} from now on. */
    public record Cue(boolean stop, boolean muted) {
    }

    /** The answer to a sound command: whether the audio output is muted now. */
    public record Status(boolean muted) {
    }

    private final List<Consumer<Cue>> listeners = new CopyOnWriteArrayList<>();
    private boolean muted;

    public void onCue(Consumer<Cue> listener) {
        listeners.add(listener);
    }

    public synchronized boolean muted() {
        return muted;
    }

    /** Stops the sound that plays now on the audio output; the mute stays as it is. */
    public Status stop() {
        Cue cue;
        synchronized (this) {
            cue = new Cue(true, muted);
        }
        tell(cue);
        return new Status(cue.muted());
    }

    /** Mutes ({@code true}) or unmutes ({@code false}) the audio output; null toggles. */
    public Status mute(Boolean on) {
        Cue cue;
        synchronized (this) {
            muted = on == null ? !muted : on;
            cue = new Cue(false, muted);
        }
        tell(cue);
        return new Status(cue.muted());
    }

    private void tell(Cue cue) {
        listeners.forEach(l -> l.accept(cue));
    }
}
