package se.kuvert;

import org.junit.jupiter.api.Test;
import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.live.LiveState;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The keys of the events rendered ahead ({@link se.kuvert.web.Ahead}) have their {@code equals} written out. A
 * component that it leaves out would let a stream send an event rendered for another state (a winner's too early).
 * Each key is held to the record's own equality: equal to a copy of itself, and unequal to a copy with any one
 * component changed, both ways round.
 */
class AheadKeysTest {
    private static final Show SHOW = TestShows.gala();
    private static final Award AWARD = SHOW.awards().get(0);
    private static final Instant AT = Instant.parse("2026-12-04T19:00:00Z");
    private static final LiveState STATE = new LiveState("gala", 2, 1, true, false, true, 7, AT, false);
    private static final Snapshot SNAPSHOT = new Snapshot(STATE, SHOW, RunOfShow.of(SHOW), Set.of(AWARD.id()));
    private static final Segment SEGMENT = new Segment("gala/" + AWARD.id(), AWARD, AT);

    @Test
    void the_live_records_compare_every_component() throws Exception {
        assertEveryComponentCounts(LiveState.class);
        assertEveryComponentCounts(Snapshot.class);
        assertEveryComponentCounts(Segment.class);
    }

    @Test
    void each_streams_key_compares_every_component() throws Exception {
        assertEveryComponentCounts(Class.forName("se.kuvert.presenter.PresenterController$Panel"));
        assertEveryComponentCounts(Class.forName("se.kuvert.stage.StageController$Monitor"));
        assertEveryComponentCounts(Class.forName("se.kuvert.api.StateStream$Tools"));
        assertEveryComponentCounts(se.kuvert.api.ToolState.Screen.class);   // the tools' key holds a list of them
    }

    private static void assertEveryComponentCounts(Class<?> type) throws Exception {
        assertTrue(type.isRecord(), type + " is a record");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values.add(sample(components[i]));
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        Object key = canonical.newInstance(values.toArray());
        Object copy = canonical.newInstance(values.toArray());
        assertEquals(key, copy, type.getSimpleName() + " equals a copy of itself");
        assertEquals(key.hashCode(), copy.hashCode(), type.getSimpleName() + "'s hash agrees with its equality");
        for (int i = 0; i < components.length; i++) {
            List<Object> changed = new ArrayList<>(values);
            changed.set(i, other(components[i], values.get(i)));
            Object differs = canonical.newInstance(changed.toArray());
            String what = type.getSimpleName() + " with another " + components[i].getName();
            assertFalse(key.equals(differs), what);   // not assertNotEquals: it would print the whole show
            assertFalse(differs.equals(key), what + ", compared the other way round");
        }
    }

    /** A value for a component of this test's kinds, with every reference set (so that null differs from it). */
    private static Object sample(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == int.class) {
            return 3;
        } else if (type == long.class) {
            return 7L;
        } else if (type == boolean.class) {
            return false;
        } else if (type == String.class) {
            return "kept";
        } else if (type == Instant.class) {
            return AT;
        } else if (type == Set.class) {
            return Set.of("a");
        } else if (type == List.class) {
            return List.of("a");
        } else if (type == LiveState.class) {
            return STATE;
        } else if (type == Snapshot.class) {
            return SNAPSHOT;
        } else if (type == Segment.class) {
            return SEGMENT;
        } else if (type == Show.class) {
            return SHOW;
        } else if (type == RunOfShow.class) {
            return SNAPSHOT.run();
        } else if (type == Award.class) {
            return AWARD;
        }
        return fail("no sample for " + component + ": add one");
    }

    /** A value unequal to {@code value} for the same component. */
    private static Object other(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (type == int.class) {
            return (Integer) value + 1;
        } else if (type == long.class) {
            return (Long) value + 1;
        } else if (type == boolean.class) {
            return !(Boolean) value;
        } else if (type == String.class) {
            return value + "·";
        } else if (type == Instant.class) {
            return ((Instant) value).plusMillis(1);
        } else if (type == Set.class) {
            return Set.of("b");
        } else if (type == List.class) {
            return List.of("b");
        }
        return null;
    }
}
