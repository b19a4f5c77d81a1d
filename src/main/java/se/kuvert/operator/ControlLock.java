package se.kuvert.operator;

import se.kuvert.auth.Role;
import se.kuvert.auth.Sessions;
import se.kuvert.content.Texts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The operator console's lock on the rundown: while one console session holds it, the commands of every other
 * presenter session (the phone, a clicker) are refused; that session itself, an admin and the API token (the
 * technician's Stream Deck) still pass. Held in memory only: a restart hands control back to the phone.
 */
public final class ControlLock {
    /** Who holds the lock: a session id (the token's hash) and the name the operator gave, or null. */
    public record Holder(String sessionId, String name) {
    }

    /** What a lock request came to. */
    public sealed interface Outcome {
        record Done(Optional<Holder> holder) implements Outcome {
        }

        record Refused(String message) implements Outcome {
        }
    }

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Predicate<String> loggedIn;
    private volatile Holder holder;

    /** {@code loggedIn}: whether a session id is still logged in; a console logged out holds no lock. */
    public ControlLock(Predicate<String> loggedIn) {
        this.loggedIn = loggedIn;
    }

    public Optional<Holder> holder() {
        return Optional.ofNullable(current());
    }

    /** The holder, or null when nobody holds the lock or its session has been logged out (then nobody does). */
    private Holder current() {
        Holder h = holder;
        return h == null || loggedIn.test(h.sessionId()) ? h : null;
    }

    /**
     * Who has control as the phone says it ("The operator console (Anna)"), or null when nobody holds the lock.
     */
    public String label(Texts texts) {
        Holder h = current();
        return h == null ? null : h.name() == null ? texts.get("ui.theConsole") : texts.format("ui.theConsoleOf", h.name());
    }

    /**
     * Who made a command, for the control log: the console's label ("The operator console (Anna)") while
     * {@code session} holds the lock, else {@code who} (its session or the token), so the crew tells console from phone.
     */
    public String actor(Sessions.Session session, String who, Texts texts) {
        Holder h = current();
        return h != null && session != null && session.id().equals(h.sessionId()) ? label(texts) : who;
    }

    /** Called after every change of the holder (off any lock: the listeners render pages). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Why a command from {@code session} (null for the API token) is refused while the lock is held, in the live
     * show's words; empty when it may pass.
     */
    public Optional<String> refusal(Sessions.Session session, Texts texts) {
        Holder h = current();
        if (h == null || session == null || session.role() == Role.ADMIN || session.id().equals(h.sessionId())) {
            return Optional.empty();
        }
        return Optional.of(texts.format("ui.lockedRefusal", label(texts)));
    }

    /**
     * Takes ({@code on} true) or hands back (false) the lock for {@code session}, as {@code name} (or null); null
     * toggles. Only a console session can take it (an admin may take it over); the holder, an admin or the API token
     * (null) can hand it back.
     */
    public Outcome request(Sessions.Session session, Boolean on, String name, Texts texts) {
        Outcome outcome;
        synchronized (this) {
            Holder h = current();
            boolean mine = h != null && session != null && session.id().equals(h.sessionId());
            boolean take = on == null ? !mine : on;
            if (take) {
                if (session == null) {
                    return new Outcome.Refused("only a logged-in operator console can take control; the API token can only hand it back");
                }
                if (h != null && !mine && session.role() != Role.ADMIN) {
                    return new Outcome.Refused(texts.format("ui.lockedRefusal", label(texts)));
                }
                holder = new Holder(session.id(), name);
            } else {
                if (h != null && !mine && session != null && session.role() != Role.ADMIN) {
                    return new Outcome.Refused(texts.format("ui.lockedRefusal", label(texts)));
                }
                holder = null;
            }
            outcome = new Outcome.Done(Optional.ofNullable(holder));
            if (java.util.Objects.equals(h, holder)) {
                return outcome;
            }
        }
        listeners.forEach(Runnable::run);
        return outcome;
    }
}
