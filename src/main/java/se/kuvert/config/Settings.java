package se.kuvert.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server's settings: {@code config/kuvert.yaml}, then the environment ({@code KUVERT_*}) on top.
 * Blank secrets mean "not configured": the app generates a PIN and token at first start and keeps them in the data folder.
 */
public record Settings(int port, String presenterPin, String apiToken, String adminPassword,
                       Path dataDir, Path slidesDir, Path mediaDir, String startShow, String stageKey, String audio) {

    public static final int DEFAULT_PORT = 7070;

    /** Settings with a generated stage key. */
    public Settings(int port, String presenterPin, String apiToken, String adminPassword, Path dataDir, Path slidesDir,
                    Path mediaDir, String startShow) {
        this(port, presenterPin, apiToken, adminPassword, dataDir, slidesDir, mediaDir, startShow, "");
    }

    /** Settings whose sounds play on the big screen named {@code main} (or the one with no name). */
    public Settings(int port, String presenterPin, String apiToken, String adminPassword, Path dataDir, Path slidesDir,
                    Path mediaDir, String startShow, String stageKey) {
        this(port, presenterPin, apiToken, adminPassword, dataDir, slidesDir, mediaDir, startShow, stageKey, "");
    }

    /** {@code audio}: the name of the big screen that plays the show's sounds; blank for {@code main} (or no name). */
    public Settings {
        stageKey = stageKey == null ? "" : stageKey;
        audio = audio == null ? "" : audio.trim().toLowerCase();
    }

    public static Settings load(Path configFile, Map<String, String> env) {
        JsonNode file = readYaml(configFile);
        Path base = configFile.toAbsolutePath().getParent() == null ? Path.of(".") : configFile.toAbsolutePath().getParent().getParent();
        int port = intValue(env.get("KUVERT_PORT"), "KUVERT_PORT", text(file, "port", String.valueOf(DEFAULT_PORT)));
        return new Settings(
                port,
                pick(env.get("KUVERT_PRESENTER_PIN"), text(file, "presenterPin", "")),
                pick(env.get("KUVERT_API_TOKEN"), text(file, "apiToken", "")),
                pick(env.get("KUVERT_ADMIN_PASSWORD"), text(file, "adminPassword", "")),
                resolve(base, pick(env.get("KUVERT_DATA_DIR"), text(file, "dataDir", "data"))),
                resolve(base, text(file, "slidesDir", "slides")),
                resolve(base, text(file, "mediaDir", "media")),
                blankToNull(text(file, "startShow", "")),
                pick(env.get("KUVERT_STAGE_KEY"), text(file, "stageKey", "")),
                text(file, "audio", ""));
    }

    /** Settings for tests and tools: an ephemeral port, the given data folder, the repository's slides and media. */
    public static Settings forTest(Path dataDir) {
        return new Settings(0, "2468", "test-token", "admin-secret", dataDir, Path.of("slides"), Path.of("media"), null, "stage-key");
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, presenterPin, apiToken, adminPassword, dataDir, slidesDir, mediaDir, startShow, stageKey, audio);
    }

    public Settings withSlidesDir(Path dir) {
        return new Settings(port, presenterPin, apiToken, adminPassword, dataDir, dir, mediaDir, startShow, stageKey, audio);
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.exists(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return node == null ? new ObjectMapper().createObjectNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String pick(String env, String file) {
        return env != null && !env.isBlank() ? env.trim() : file == null ? "" : file.trim();
    }

    private static int intValue(String env, String name, String file) {
        String raw = env != null && !env.isBlank() ? env.trim() : file;
        try {
            int value = Integer.parseInt(raw);
            if (value < 0 || value > 65535) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, not '" + raw + "' (" + name + " or config/kuvert.yaml)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Path resolve(Path base, String dir) {
        Path path = Path.of(dir);
        return path.isAbsolute() ? path : base.resolve(path).normalize();
    }
}
