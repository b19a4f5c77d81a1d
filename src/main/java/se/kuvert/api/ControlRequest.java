package se.kuvert.api;

import com.fasterxml.jackson.databind.JsonNode;
import se.kuvert.live.Command;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A control API body checked field by field: an unknown or mistyped field is refused, never ignored. {@code lock} is
 * set (and {@code command} null) for {@code {"action": "lock", "on": true|false}}: the operator console's lock on the
 * rundown is not a change of the live state, so it is not a {@link Command}.
 */
record ControlRequest(Command command, Long ifVersion, Lock lock) {
    private static final Set<String> FIELDS = Set.of("action", "slide", "step", "on", "show", "rehearsal", "ifVersion", "name", "do");
    static final int NAME_LENGTH = 40;
    private static final String ACTIONS = "next, prev, goto, blackout, logo, loop, load, undo, lock, sound or mute";

    /** Take ({@code on} true), hand back (false) or toggle (null) the console's lock; {@code name}: who, or null. */
    record Lock(Boolean on, String name) {
    }

    /** The operator's sound commands, which go to the sound desk, not the live state. */
    sealed interface Sound {
        record Stop() implements Sound {
        }

        /** {@code on} null toggles. */
        record Mute(Boolean on) implements Sound {
        }
    }

    static final class BadCommand extends RuntimeException {
        BadCommand(String message) {
            super(message);
        }
    }

    /** The sound command of a body ({@code "sound"} with {@code "do": "stop"}, or {@code "mute"}), or empty for another action. */
    static Optional<Sound> sound(JsonNode body) {
        JsonNode action = body.get("action");
        if (action == null || !action.isTextual() || !Set.of("sound", "mute").contains(action.asText())) {
            return Optional.empty();
        }
        checkFields(body);
        if (body.has("name")) {
            throw new BadCommand("'name' goes with the lock action only");
        }
        if (action.asText().equals("mute")) {
            return Optional.of(new Sound.Mute(bool(body)));
        }
        JsonNode what = body.get("do");
        if (what == null || !what.isTextual() || !what.asText().equals("stop")) {
            throw new BadCommand("a sound command needs \"do\": \"stop\" (it stops what plays now)");
        }
        return Optional.of(new Sound.Stop());
    }

    static ControlRequest parse(JsonNode body) {
        checkFields(body);
        JsonNode action = body.get("action");
        if (action == null || !action.isTextual()) {
            throw new BadCommand("'action' is required: " + ACTIONS);
        }
        if (action.asText().equals("lock")) {
            return new ControlRequest(null, null, new Lock(bool(body, "on", "'on' must be true (take control) or false (hand back)"), name(body)));
        }
        if (body.has("name")) {
            throw new BadCommand("'name' goes with the lock action only");
        }
        if (body.has("do")) {
            throw new BadCommand("'do' goes with the sound action only");
        }
        Command command = switch (action.asText()) {
            case "next" -> new Command.Next();
            case "prev" -> new Command.Prev();
            case "goto" -> new Command.Goto(integer(body, "slide"), body.has("step") ? integer(body, "step") : 0);
            case "blackout" -> new Command.Blackout(bool(body));
            case "logo" -> new Command.Logo(bool(body));
            case "loop" -> new Command.Loop(bool(body));
            case "load" -> new Command.Load(showId(body), rehearsal(body));
            case "undo" -> new Command.Undo();
            default -> throw new BadCommand("unknown action '" + action.asText() + "'; use " + ACTIONS);
        };
        Long ifVersion = null;
        if (body.has("ifVersion") && !body.get("ifVersion").isNull()) {
            JsonNode v = body.get("ifVersion");
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                throw new BadCommand("'ifVersion' must be a whole number (the version the command is based on)");
            }
            ifVersion = v.asLong();
        }
        return new ControlRequest(command, ifVersion, null);
    }

    private static void checkFields(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadCommand("unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
    }

    private static int integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadCommand("'" + field + "' must be a whole number");
        }
        return node.asInt();
    }

    private static Boolean bool(JsonNode body) {
        return bool(body, "on", "'on' must be true or false (or left out to toggle)");
    }

    /** The field as true or false, or null when it is left out; anything else is refused with {@code message}. */
    private static Boolean bool(JsonNode body, String field, String message) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new BadCommand(message);
        }
        return value.asBoolean();
    }

    /** {@code rehearsal} of a load: true runs the show with stand-in winners; left out, the real show. */
    private static boolean rehearsal(JsonNode body) {
        return Boolean.TRUE.equals(bool(body, "rehearsal", "'rehearsal' must be true or false (true runs the show with stand-in winners)"));
    }

    /** Who takes the lock, as the phone will show it: up to 40 characters, or null when left out or blank. */
    private static String name(JsonNode body) {
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            return null;
        }
        if (!name.isTextual() || name.asText().strip().length() > NAME_LENGTH || name.asText().chars().anyMatch(Character::isISOControl)) {
            throw new BadCommand("'name' must be text of up to " + NAME_LENGTH + " characters on one line");
        }
        return name.asText().isBlank() ? null : name.asText().strip();
    }

    private static String showId(JsonNode body) {
        JsonNode show = body.get("show");
        if (show == null || !show.isTextual() || show.asText().isBlank()) {
            throw new BadCommand("'show' must name a show id for load");
        }
        return show.asText();
    }
}
