package se.kuvert.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kuvert.TestApp;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestartTest {
    @TempDir
    Path data;

    @Test
    void a_new_server_on_the_same_data_folder_resumes_the_same_state_and_version() throws Exception {
        String before;
        var settings = se.kuvert.config.Settings.forTest(data);
        try (TestApp first = TestApp.start(data, "gala")) {
            first.control("{\"action\":\"goto\",\"slide\":5,\"step\":1}");
            first.control("{\"action\":\"logo\",\"on\":true}");
            before = first.get("/api/state").body();
        }
        try (TestApp second = TestApp.restart(settings)) {
            String after = second.get("/api/state").body();
            assertEquals(before, after);
            var json = new ObjectMapper().readTree(after);
            assertEquals("motivation", json.get("kind").asText());
            assertEquals(1, json.get("step").asInt());
            long version = json.get("version").asLong();
            var next = second.control("{\"action\":\"next\",\"ifVersion\":" + version + "}");
            assertEquals(200, next.statusCode(), "a command based on the resumed version is accepted");
        }
    }
}
