package se.kuvert.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of Kuvert is running, stamped by Maven into {@code kuvert-build.properties}. Screens compare it with
 * the build their page came from and reload themselves when the server was upgraded under them. Starting the server
 * with {@code -Dkuvert.build=<anything new>} makes every screen reload too (after a change to a style, say).
 */
public final class Build {
    private static final String STAMPED = read();

    private Build() {
    }

    public static String id() {
        return System.getProperty("kuvert.build", STAMPED);
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getClassLoader().getResourceAsStream("kuvert-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // an unstamped build is still a build; it just cannot tell upgrades apart
        }
        return (p.getProperty("version", "dev") + "-" + p.getProperty("built", "")).replaceAll("[^A-Za-z0-9._-]", "");
    }
}
