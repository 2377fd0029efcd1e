package io.skillwise.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders the platform uses: the repository it runs from and the one git-ignored state folder under which
 * every component keeps its data and logs, so `--fresh` is a single delete.
 */
public record StackLayout(Path home, Path stateDir, Path javaHome) {

    public Path logs() {
        return stateDir.resolve("logs");
    }

    public Path data(String component) {
        return stateDir.resolve("data").resolve(component);
    }

    public Path pids() {
        return stateDir.resolve("pids");
    }

    public Path logFile(String component) {
        return logs().resolve(component + ".log");
    }

    public void createFolders() throws java.io.IOException {
        Files.createDirectories(logs());
        Files.createDirectories(pids());
        Files.createDirectories(stateDir.resolve("data"));
    }

    /** The repository root: -Dskillwise.home, else the working directory or its parent (tests run in a module). */
    public static Path locateHome() {
        String configured = System.getProperty("skillwise.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("skillwise")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    public static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
