package se.kuvert;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** For tests over real HTTP: a fresh server with the test gala loaded before each test, in its own data folder. */
public abstract class GalaServerTest {
    @TempDir
    protected Path data;
    protected TestApp t;

    @BeforeEach
    void startServer() {
        t = TestApp.start(data, "gala");
    }

    @AfterEach
    void stopServer() {
        t.close();
    }
}
