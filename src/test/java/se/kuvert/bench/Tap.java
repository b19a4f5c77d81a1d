package se.kuvert.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tap to display in Chromium on its own, for the side-by-side run ({@code bench/peer/harness.js} calls it): starts
 * {@code target/kuvert.jar} and nothing else, so the browser, the server and this process have the machine to
 * themselves; {@code -Dbench.tap.rounds} passes through both demo shows (default 2). Prints one line per pass and
 * {@code tap p50=… p95=… max=… n=…} last.
 */
public final class Tap {
    private Tap() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/kuvert.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -q -DskipTests package");
        }
        int rounds = Integer.getInteger("bench.tap.rounds", 2);
        try (Benchmark.Server server = Benchmark.Server.start(jar)) {
            for (int i = 0; i < rounds; i++) {
                Benchmark.tapToDisplay(server);
            }
        }
        Benchmark.TAP_LINES.forEach(System.out::println);
        System.out.println(Benchmark.tapSummary());
    }
}
