package se.kuvert.screens;

import se.kuvert.content.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every screen in the room (big screens, stage monitors, kiosks) by name: its open streams, its last heartbeat,
 * the round trip it measured, the state version it shows and how much of the show's media it has loaded.
 * Each stream gets a token as its first event; only a heartbeat or goodbye carrying the token of an open stream of
 * that screen counts, so nobody on the Wi-Fi can make a screen look ready or gone. A screen gets in by opening its
 * stream, always: gone screens make room, and are forgotten {@link #EXPIRE_AFTER} after they were last heard of.
 * Listeners hear when any screen's health changes, not on every heartbeat.
 */
public final class Screens {
    /** Names as they appear in {@code ?screen=}: short, lowercase, safe to print anywhere. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    public static final List<String> KINDS = List.of("display", "stage", "kiosk");
    /** Without a heartbeat for this long, a screen counts as gone; screens beat every 2 s. */
    static final Duration GONE_AFTER = Duration.ofSeconds(5);
    /** A screen may take this long to show a new version before it counts as behind. */
    static final Duration BEHIND_AFTER = Duration.ofMillis(2500);
    static final long SLOW_MILLIS = 500;
    /** A screen with no stream open for this long is forgotten, as if the admin had. */
    static final Duration EXPIRE_AFTER = Duration.ofMinutes(10);
    /** Beyond this many screens, a new one takes the place of the one gone longest (connected ones stay). */
    static final int MAX_SCREENS = 64;
    /** The SSE event that carries a stream's token, the first event of every screen's stream. */
    public static final String TOKEN_EVENT = "screen";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public enum Health { GREEN, AMBER, RED }

    /**
     * One screen as the crew sees it; {@code problem} says in (English) words why it is not green, or is null, and
     * {@code cause} says the same as a key of the screens' words ({@code screen.*} in {@link Texts}) and its figures,
     * for the phone to say it in the show's language.
     */
    public record Report(String name, String kind, boolean connected, Instant lastSeen, Long roundTripMillis,
                         long version, int preloaded, int media, Health health, String problem, Cause cause) {
        public String healthName() {
            return health.name().toLowerCase();
        }
    }

    /**
     * What the live show expects of every screen right now: its version, the images and videos to load, and the
     * sounds that the audio output loads besides.
     */
    public record Expectation(long version, Instant versionSince, int media, int sounds) {
    }

    /** One open stream of a screen. */
    private record Stream(String name, String kind) {
    }

    private static final class Entry {
        final String name;
        final String kind;
        int streams;
        /** When a stream of it last opened or closed, or it last reported: what expiry counts from. */
        Instant lastHeard;
        /** It has sent a heartbeat on one of its streams, as a screen's page does and a bare stream does not. */
        boolean reported;
        Instant lastSeen;
        Long roundTrip;
        long version = -1;
        int preloaded;
        int media;

        Entry(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** The open streams by token. */
    private final Map<String, Stream> streams = new java.util.HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Expectation expected = new Expectation(0, Instant.EPOCH, 0, 0);
    /**
     * Since when each recent version was expected (under this lock): a screen is behind from the first version it
     * missed, not from the newest, so one stuck on an old version stays amber while the show moves on.
     */
    private final java.util.TreeMap<Long, Instant> expectedSince = new java.util.TreeMap<>();
    private static final int VERSIONS_KEPT = 256;
    private final Predicate<String> audioOutput;
    private List<Report> lastReports = List.of();

    public Screens(Clock clock) {
        this(clock, name -> false);
    }

    /** {@code audioOutput} tells by its name the big screen that plays the sounds (and so must load them too). */
    public Screens(Clock clock, Predicate<String> audioOutput) {
        this.clock = clock;
        this.audioOutput = audioOutput;
    }

    public static String kind(String kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS));
        }
        return kind;
    }

    /** The screen's name from {@code ?screen=}, or the kind's default name; throws for a name that is not allowed. */
    public static String name(String requested, String kind) {
        if (requested == null || requested.isBlank()) {
            return kind;
        }
        String name = requested.trim().toLowerCase();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a screen name is 1 to 32 lowercase letters, digits and dashes, such as 'main' or 'foyer-left'");
        }
        return name;
    }

    /** The screen name a request asks for with {@code ?screen=}; a 400 for a name that is not allowed. */
    public static String nameOf(io.javalin.http.Context ctx, String kind) {
        try {
            return name(ctx.queryParam("screen"), kind);
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse(e.getMessage());
        }
    }

    /**
     * Serves {@code hub} at {@code path} as the stream of screens of this kind: a bad {@code ?screen=} name is refused
     * with a 400 before the stream opens (once open, its status is sent), and the screen stays registered while its
     * stream is open.
     */
    public void route(io.javalin.config.RoutesConfig routes, String path, String kind, se.kuvert.web.SseHub hub) {
        route(routes, path, kind, hub, () -> new byte[0]);
    }

    /** As {@link #route}, and {@code greeting} (events of {@code SseHub.format}) follows the token on every stream. */
    public void route(io.javalin.config.RoutesConfig routes, String path, String kind, se.kuvert.web.SseHub hub,
                      java.util.function.Supplier<byte[]> greeting) {
        routes.before(path, ctx -> nameOf(ctx, kind));
        routes.sse(path, client -> {
            String token = connected(nameOf(client.ctx(), kind), kind);
            byte[] first = se.kuvert.web.SseHub.format(TOKEN_EVENT, token);
            byte[] more = greeting.get();
            byte[] both = java.util.Arrays.copyOf(first, first.length + more.length);
            System.arraycopy(more, 0, both, first.length, more.length);
            hub.connect(client, both, () -> disconnected(token));
        });
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The live show moved on or changed: screens are measured against this from now on. */
    public void expect(long version, int media) {
        expect(version, media, 0);
    }

    /** As {@link #expect(long, int)}, with the sounds that the audio output loads besides the media. */
    public void expect(long version, int media, int sounds) {
        Expectation before = expected;
        if (before.version() != version || before.media() != media || before.sounds() != sounds) {
            Instant now = clock.instant();
            synchronized (this) {
                expectedSince.putIfAbsent(version, now);
                while (expectedSince.size() > VERSIONS_KEPT) {
                    expectedSince.pollFirstEntry();
                }
            }
            expected = new Expectation(version, now, media, sounds);
            sweep();
        }
    }

    /** A stream opened for this screen; returns the token its heartbeats and goodbye must carry. Never refuses. */
    public String connected(String name, String kind) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = java.util.HexFormat.of().formatHex(bytes);
        synchronized (this) {
            Entry e = entry(name, kind);
            streams.put(token, new Stream(name, kind));
            e.streams++;
            e.lastSeen = clock.instant();
            e.lastHeard = e.lastSeen;
        }
        sweep();
        return token;
    }

    /** The stream with this token closed. */
    public void disconnected(String token) {
        synchronized (this) {
            Stream stream = streams.remove(token);
            Entry e = stream == null ? null : entries.get(stream.name());
            if (e != null) {
                e.streams = Math.max(0, e.streams - 1);
                e.lastHeard = clock.instant();
            }
        }
        sweep();
    }

    /**
     * The screen says goodbye (its page is closing): it is gone now, not in five seconds. False, and nothing
     * changes, unless {@code token} is of an open stream of this screen.
     */
    public boolean left(String token, String name, String kind) {
        synchronized (this) {
            if (!owns(token, name, kind)) {
                return false;
            }
            entry(name, kind).lastSeen = null;
        }
        sweep();
        return true;
    }

    /**
     * A heartbeat: what the screen shows and has loaded, and the round trip it measured for its previous beat.
     * False, and nothing changes, unless {@code token} is of an open stream of this screen.
     */
    public boolean heartbeat(String token, String name, String kind, long version, int preloaded, int media, Long roundTripMillis) {
        synchronized (this) {
            if (!owns(token, name, kind)) {
                return false;
            }
            Entry e = entry(name, kind);
            e.lastSeen = clock.instant();
            e.lastHeard = e.lastSeen;
            e.reported = true;
            e.version = version;
            e.preloaded = preloaded;
            e.media = media;
            if (roundTripMillis != null) {
                e.roundTrip = roundTripMillis;
            }
        }
        sweep();
        return true;
    }

    private boolean owns(String token, String name, String kind) {
        return token != null && new Stream(name, kind).equals(streams.get(token));
    }

    /** Forgets a screen that is not coming back. */
    public boolean forget(String name) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(name) != null;
        }
        sweep();
        return removed;
    }

    public List<Report> reports() {
        Instant now = clock.instant();
        Expectation exp = expected;
        List<Report> out = new ArrayList<>();
        synchronized (this) {
            for (Entry e : entries.values()) {
                out.add(report(e, now, exp));
            }
        }
        out.sort(Comparator.comparing(Report::kind).thenComparing(Report::name));
        return out;
    }

    /**
     * Forgets screens gone for {@link #EXPIRE_AFTER}, recomputes every screen's health and tells the listeners if
     * any changed; also called every second.
     */
    public void sweep() {
        synchronized (this) {
            Instant expired = clock.instant().minus(EXPIRE_AFTER);
            entries.values().removeIf(e -> e.streams == 0 && e.lastHeard.isBefore(expired));
        }
        List<Report> now = reports();
        boolean changed;
        synchronized (this) {
            changed = !sameHealth(now, lastReports);
            lastReports = now;
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private static boolean sameHealth(List<Report> a, List<Report> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Report x = a.get(i), y = b.get(i);
            if (!x.name().equals(y.name()) || x.health() != y.health() || !Objects.equals(x.problem(), y.problem())) {
                return false;
            }
        }
        return true;
    }

    /** The screen's entry, made afresh for a new name or kind (also after the admin forgot a connected one). */
    private Entry entry(String name, String kind) {
        Entry e = entries.get(name);
        if (e == null || !e.kind.equals(kind)) {
            if (e == null && entries.size() >= MAX_SCREENS) {
                makeRoom();
            }
            Entry fresh = new Entry(name, kind);
            fresh.streams = (int) streams.values().stream().filter(s -> s.name().equals(name)).count();
            fresh.lastHeard = clock.instant();
            entries.put(name, fresh);
            e = fresh;
        }
        return e;
    }

    /** Forgets the screen with no stream that was heard of longest ago, first those that never reported. */
    private void makeRoom() {
        entries.values().stream()
                .filter(e -> e.streams == 0)
                .min(Comparator.comparing((Entry e) -> e.reported).thenComparing(e -> e.lastHeard))
                .ifPresent(gone -> entries.remove(gone.name));
    }

    /** Why a screen is not green: a key of the screens' words ({@code screen.*}) and the figures it names. */
    public record Cause(String key, List<Long> figures) {
        static Cause of(String key, long... figures) {
            return new Cause(key, java.util.Arrays.stream(figures).boxed().toList());
        }

        /** The cause in the words of {@code texts}. */
        public String in(Texts texts) {
            return texts.format("screen." + key, figures.toArray());
        }
    }

    /** Since when a screen showing {@code version} has missed a newer one (the oldest kept, for a very old version). */
    private Instant missedSince(long version, Expectation exp) {
        var missed = expectedSince.higherEntry(version);
        return missed == null ? exp.versionSince() : missed.getValue();
    }

    private Report report(Entry e, Instant now, Expectation exp) {
        int media = exp.media() + (e.kind.equals("display") && audioOutput.test(e.name) ? exp.sounds() : 0);
        boolean fresh = e.lastSeen != null && Duration.between(e.lastSeen, now).compareTo(GONE_AFTER) <= 0;
        boolean connected = e.streams > 0 && fresh;
        Health health;
        Cause cause;
        if (!connected) {
            health = Health.RED;
            cause = Cause.of(e.streams == 0 ? "notConnected" : "noHeartbeat");
        } else if (e.version >= 0 && e.version < exp.version()
                && Duration.between(missedSince(e.version, exp), now).compareTo(BEHIND_AFTER) > 0) {
            health = Health.AMBER;
            cause = Cause.of("behind", e.version, exp.version());
        } else if (e.version < 0) {
            health = Health.AMBER;
            cause = Cause.of("starting");
        } else if (e.preloaded < media) {
            health = Health.AMBER;
            cause = Cause.of("media", e.preloaded, media);
        } else if (e.roundTrip != null && e.roundTrip > SLOW_MILLIS) {
            health = Health.AMBER;
            cause = Cause.of("slow", e.roundTrip);
        } else {
            health = Health.GREEN;
            cause = null;
        }
        return new Report(e.name, e.kind, connected, e.lastSeen, e.roundTrip, e.version, e.preloaded, e.media, health,
                cause == null ? null : cause.in(ENGLISH), cause);
    }

    private static final Texts ENGLISH = Texts.of("en");
}
