package se.kuvert.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and writes show files (YAML; the format is in docs/show-files.md). Every problem is reported with the
 * file and the line it is on, and a file is either read whole or refused: never half a show.
 */
public final class ShowFile {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Long texts stay on one line each, so a hand edit never meets a word broken across lines.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private static final Set<String> SHOW_KEYS = Set.of("id", "title", "subtitle", "date", "venue", "language", "theme",
            "awards", "partners", "closing", "runOfShow", "loop", "sounds");
    private static final Set<String> THEME_KEYS = Set.of("background", "text", "accent", "logo");
    private static final Set<String> AWARD_KEYS = Set.of("id", "name", "about", "nominees", "winner", "citation",
            "recipients", "motivation", "jury", "presenter", "prize", "minutes");
    private static final Set<String> NOMINEE_KEYS = Set.of("id", "name", "text", "image", "video");
    private static final Set<String> JURY_KEYS = Set.of("name", "role");
    private static final Set<String> PARTNER_KEYS = Set.of("name", "logo");
    private static final Set<String> LOOP_KEYS = Set.of("order", "dwell", "kioskIdle");
    private static final Set<String> SLIDE_KEYS = Set.of("kind", "award", "title", "text", "image", "video", "notes", "sound");
    /** What a browser plays and {@code MediaStore} accepts as audio. */
    private static final Pattern AUDIO = Pattern.compile(".*\\.(mp3|ogg|wav)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> AWARD_SLIDES = Set.of("award", "nominees", "envelope", "winner", "motivation", "prize", "jury");

    private ShowFile() {
    }

    /** True for a path a sound may have: an MP3, Ogg or WAV file (what browsers play and uploads accept as audio). */
    public static boolean isAudio(String path) {
        return path != null && AUDIO.matcher(path).matches();
    }

    /** The shows of a folder that could be read, and one message per file that could not. */
    public record LoadResult(List<Show> shows, List<String> errors) {
    }

    public static LoadResult loadAll(Path dir) {
        List<Show> shows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new LoadResult(shows, errors);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return new LoadResult(shows, List.of(dir + ": cannot list the folder: " + e.getMessage()));
        }
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            try {
                Show show = read(file);
                if (!ids.add(show.id())) {
                    errors.add(file + ": another file already has the show id '" + show.id() + "'");
                } else {
                    shows.add(show);
                }
            } catch (ShowFileException e) {
                errors.add(e.getMessage());
            }
        }
        return new LoadResult(shows, errors);
    }

    public static Show read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ShowFileException(file.toString(), 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** Parses a show file's text; {@code fileName} names it in errors and gives the default id. */
    public static Show parse(String fileName, String yaml) {
        Map<String, Integer> lines = lines(fileName, yaml);
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw syntax(fileName, e);
        }
        if (root == null || !root.isObject()) {
            throw new ShowFileException(fileName, 1, "a show file must be a mapping with at least 'title' and 'awards'");
        }
        return new Reader((pointer, problem) -> {
            String p = pointer;
            while (!lines.containsKey(p) && p.contains("/")) {
                p = p.substring(0, p.lastIndexOf('/'));
            }
            return new ShowFileException(fileName, lines.getOrDefault(p, 1), problem);
        }).show((ObjectNode) root, defaultId(fileName));
    }

    /** Turns a problem at a JSON pointer into the exception that says where it is in the source ("/awards/0/winner"). */
    @FunctionalInterface
    public interface Errors {
        ShowFileException at(String pointer, String problem);
    }

    /**
     * Reads a show from a tree in the show file's shape that another reader built (a spreadsheet), with every rule
     * of a show file; {@code errors} says where in that source a pointer came from.
     */
    public static Show fromTree(ObjectNode root, String defaultId, Errors errors) {
        return new Reader(errors).show(root, defaultId);
    }

    /** The show as a show file; {@code parse(write(show))} gives the same show back. */
    public static String write(Show show) {
        ObjectNode root = MAPPER.valueToTree(show);
        removeNulls(root);
        for (String empty : List.of("loop", "sounds")) {
            if (root.path(empty).isEmpty()) {
                root.remove(empty);
            }
        }
        try {
            return "# Kuvert show file; the format is described in docs/show-files.md\n" + MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            object.fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                if (v.isNull()) {
                    drop.add(f.getKey());
                } else {
                    removeNulls(v);
                }
            });
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ShowFile::removeNulls);
        }
    }

    private static String defaultId(String fileName) {
        String name = Path.of(fileName).getFileName().toString();
        return name.replaceFirst("\\.ya?ml$", "").toLowerCase();
    }

    /** The line of every node, by JSON pointer ("/awards/0/winner"), from one streaming pass. */
    private static Map<String, Integer> lines(String fileName, String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation at = parser.currentTokenLocation();
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    pointer = pointer.isEmpty() ? "/" + parser.currentName() : pointer;
                }
                lines.putIfAbsent(pointer, at.getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw syntax(fileName, e);
        } catch (IOException e) {
            throw new ShowFileException(fileName, 0, e.getMessage());
        }
        return lines;
    }

    private static ShowFileException syntax(String fileName, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
        return new ShowFileException(fileName, line, "not valid YAML: " + message);
    }

    /** Turns the tree into a Show, checking each value where it stands. */
    private static final class Reader {
        private final Errors errors;

        Reader(Errors errors) {
            this.errors = errors;
        }

        ShowFileException error(String pointer, String problem) {
            return errors.at(pointer, problem);
        }

        Show show(ObjectNode node, String defaultId) {
            keys(node, "", SHOW_KEYS, "a show");
            String id = optional(node, "", "id");
            id = id == null ? defaultId : id;
            if (!ID.matcher(id).matches()) {
                throw error("/id", "the show id '" + id + "' may only have lowercase letters, digits and dashes");
            }
            String language = optional(node, "", "language");
            if (language != null && !language.equals("sv") && !language.equals("en")) {
                throw error("/language", "language must be sv or en, not '" + language + "'");
            }
            List<Award> awards = new ArrayList<>();
            Set<String> awardIds = new HashSet<>();
            JsonNode awardList = list(node, "", "awards", true);
            for (int i = 0; i < awardList.size(); i++) {
                Award award = award(awardList.get(i), "/awards/" + i);
                if (!awardIds.add(award.id())) {
                    throw error("/awards/" + i + "/id", "two awards have the id '" + award.id() + "'");
                }
                awards.add(award);
            }
            List<Partner> partners = new ArrayList<>();
            JsonNode partnerList = list(node, "", "partners", false);
            for (int i = 0; i < partnerList.size(); i++) {
                String at = "/partners/" + i;
                ObjectNode p = object(partnerList.get(i), at, "a partner");
                keys(p, at, PARTNER_KEYS, "a partner");
                partners.add(new Partner(required(p, at, "name"), media(p, at, "logo")));
            }
            List<SlideSpec> slides = new ArrayList<>();
            JsonNode slideList = list(node, "", "runOfShow", false);
            for (int i = 0; i < slideList.size(); i++) {
                slides.add(slide(slideList.get(i), "/runOfShow/" + i, awardIds));
            }
            return new Show(id, required(node, "", "title"), optional(node, "", "subtitle"), optional(node, "", "date"),
                    optional(node, "", "venue"), language, theme(node.get("theme")), awards, partners,
                    optional(node, "", "closing"), slides, loop(node.get("loop")), sounds(node.get("sounds")));
        }

        /** {@code sounds:}, the show's default sound for each slide kind. */
        Map<String, String> sounds(JsonNode node) {
            Map<String, String> sounds = new HashMap<>();
            if (node == null || node.isNull()) {
                return sounds;
            }
            ObjectNode s = object(node, "/sounds", "'sounds' (a sound for each slide kind, such as winner: sounds/fanfare.wav)");
            keys(s, "/sounds", Set.copyOf(RunOfShow.KINDS), "'sounds' (slide kinds)");
            for (String kind : RunOfShow.KINDS) {
                String path = sound(s, "/sounds", kind);
                if (path != null && !path.equals(SlideSpec.SILENT)) {
                    sounds.put(kind, path);
                }
            }
            return sounds;
        }

        /** A sound: an audio file below media/, or 'none' (or an empty value) for silence; null when the key is absent. */
        private String sound(ObjectNode node, String at, String key) {
            if (!node.has(key)) {
                return null;
            }
            String path = media(node, at, key);
            if (path == null || path.equalsIgnoreCase(SlideSpec.SILENT)) {
                return SlideSpec.SILENT;
            }
            if (!isAudio(path)) {
                throw error(at + "/" + key, key + " must be an MP3, Ogg or WAV file below media/ (or 'none'), not '" + path + "'");
            }
            return path;
        }

        LoopSettings loop(JsonNode node) {
            if (node == null || node.isNull()) {
                return LoopSettings.DEFAULT;
            }
            ObjectNode l = object(node, "/loop", "the loop");
            keys(l, "/loop", LOOP_KEYS, "the loop");
            List<String> order = new ArrayList<>();
            JsonNode parts = list(l, "/loop", "order", false);
            for (int i = 0; i < parts.size(); i++) {
                String part = text(parts.get(i), "/loop/order/" + i, "a loop part");
                if (!LoopSettings.PARTS.contains(part)) {
                    throw error("/loop/order/" + i, "unknown loop part '" + part + "'; the parts are " + String.join(", ", LoopSettings.PARTS));
                }
                order.add(part);
            }
            return new LoopSettings(order, seconds(l, "dwell", 3, 120), seconds(l, "kioskIdle", 10, 3600));
        }

        private Integer seconds(ObjectNode node, String key, int min, int max) {
            return whole(node, "/loop", key, min, max);
        }

        private Integer whole(ObjectNode node, String at, String key, int min, int max) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
                throw error(at + "/" + key, key + " must be a whole number from " + min + " to " + max + ", not '" + value.asText() + "'");
            }
            return value.asInt();
        }

        Theme theme(JsonNode node) {
            if (node == null || node.isNull()) {
                return Theme.DEFAULT;
            }
            ObjectNode t = object(node, "/theme", "the theme");
            keys(t, "/theme", THEME_KEYS, "the theme");
            for (String colour : List.of("background", "text", "accent")) {
                String value = optional(t, "/theme", colour);
                if (value != null && !COLOUR.matcher(value).matches()) {
                    throw error("/theme/" + colour, "theme " + colour + " must be a colour like #0b1026, not '" + value + "'");
                }
            }
            return new Theme(optional(t, "/theme", "background"), optional(t, "/theme", "text"),
                    optional(t, "/theme", "accent"), media(t, "/theme", "logo"));
        }

        Award award(JsonNode node, String at) {
            ObjectNode a = object(node, at, "an award");
            keys(a, at, AWARD_KEYS, "an award");
            String id = id(a, at);
            List<Nominee> nominees = new ArrayList<>();
            Set<String> nomineeIds = new HashSet<>();
            JsonNode list = list(a, at, "nominees", false);
            for (int i = 0; i < list.size(); i++) {
                String nat = at + "/nominees/" + i;
                ObjectNode n = object(list.get(i), nat, "a nominee");
                keys(n, nat, NOMINEE_KEYS, "a nominee");
                String nid = id(n, nat);
                if (!nomineeIds.add(nid)) {
                    throw error(nat + "/id", "two nominees of award '" + id + "' have the id '" + nid + "'");
                }
                nominees.add(new Nominee(nid, required(n, nat, "name"), optional(n, nat, "text"), media(n, nat, "image"),
                        media(n, nat, "video")));
            }
            String winner = optional(a, at, "winner");
            if (winner != null && !nomineeIds.contains(winner)) {
                throw error(at + "/winner", "award '" + id + "' names winner '" + winner + "', which is not one of its nominees ("
                        + String.join(", ", nominees.stream().map(Nominee::id).toList()) + ")");
            }
            List<String> motivation = new ArrayList<>();
            JsonNode paragraphs = list(a, at, "motivation", false);
            for (int i = 0; i < paragraphs.size(); i++) {
                motivation.add(text(paragraphs.get(i), at + "/motivation/" + i, "a motivation paragraph"));
            }
            List<JuryMember> jury = new ArrayList<>();
            JsonNode members = list(a, at, "jury", false);
            for (int i = 0; i < members.size(); i++) {
                String jat = at + "/jury/" + i;
                ObjectNode m = object(members.get(i), jat, "a jury member");
                keys(m, jat, JURY_KEYS, "a jury member");
                jury.add(new JuryMember(required(m, jat, "name"), optional(m, jat, "role")));
            }
            return new Award(id, required(a, at, "name"), optional(a, at, "about"), nominees, winner,
                    optional(a, at, "citation"), optional(a, at, "recipients"), motivation, jury,
                    optional(a, at, "presenter"), optional(a, at, "prize"), whole(a, at, "minutes", 1, 180));
        }

        SlideSpec slide(JsonNode node, String at, Set<String> awardIds) {
            ObjectNode s = object(node, at, "a slide");
            keys(s, at, SLIDE_KEYS, "a slide");
            String kind = required(s, at, "kind");
            if (!RunOfShow.KINDS.contains(kind)) {
                throw error(at + "/kind", "unknown slide kind '" + kind + "'; the kinds are " + String.join(", ", RunOfShow.KINDS));
            }
            String award = optional(s, at, "award");
            if (AWARD_SLIDES.contains(kind)) {
                if (award == null) {
                    throw error(at, "a '" + kind + "' slide needs 'award:' naming one of the awards (" + String.join(", ", awardIds) + ")");
                }
                if (!awardIds.contains(award)) {
                    throw error(at + "/award", "slide names award '" + award + "', which is not in this show");
                }
            }
            String image = media(s, at, "image");
            String video = media(s, at, "video");
            if (kind.equals("image") && image == null) {
                throw error(at, "an 'image' slide needs 'image:' (a path below media/)");
            }
            if (kind.equals("video") && video == null) {
                throw error(at, "a 'video' slide needs 'video:' (a path below media/)");
            }
            return new SlideSpec(kind, award, optional(s, at, "title"), optional(s, at, "text"), image, video,
                    optional(s, at, "notes"), sound(s, at, "sound"));
        }

        private void keys(ObjectNode node, String at, Set<String> allowed, String what) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    throw error(at + "/" + key, "unknown key '" + key + "' in " + what + " (is it a typo?); the keys are "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            });
        }

        private String id(ObjectNode node, String at) {
            String id = required(node, at, "id");
            if (!ID.matcher(id).matches()) {
                throw error(at + "/id", "the id '" + id + "' may only have lowercase letters, digits and dashes");
            }
            return id;
        }

        private String media(ObjectNode node, String at, String key) {
            String path = optional(node, at, key);
            if (path != null && (path.startsWith("/") || path.contains("\\") || path.contains(":")
                    || List.of(path.split("/")).contains(".."))) {
                throw error(at + "/" + key, key + " must be a path inside media/ such as emblems/logo.svg, not '" + path + "'");
            }
            return path;
        }

        private String required(ObjectNode node, String at, String key) {
            String value = optional(node, at, key);
            if (value == null) {
                throw error(at, "'" + key + "' is missing");
            }
            return value;
        }

        private String optional(ObjectNode node, String at, String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            String text = text(value, at + "/" + key, "'" + key + "'");
            return text.isEmpty() ? null : text;
        }

        private String text(JsonNode value, String at, String what) {
            if (!value.isValueNode()) {
                throw error(at, what + " must be text, not a " + (value.isArray() ? "list" : "mapping"));
            }
            return value.asText().strip();
        }

        private JsonNode list(ObjectNode node, String at, String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error(at, "'" + key + "' is missing");
                }
                return MAPPER.createArrayNode();
            }
            if (!value.isArray()) {
                throw error(at + "/" + key, "'" + key + "' must be a list (lines starting with '- ')");
            }
            return value;
        }

        private ObjectNode object(JsonNode node, String at, String what) {
            if (!(node instanceof ObjectNode o)) {
                throw error(at, what + " must be a mapping of keys and values");
            }
            return o;
        }
    }
}
