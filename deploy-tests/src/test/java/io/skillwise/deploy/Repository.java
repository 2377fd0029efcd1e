package io.skillwise.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout these tests read: deploy/, docker-compose.yml, docs/ and every module's configuration. */
public final class Repository {

    private static final Path ROOT = locate();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    private static Path locate() {
        // Surefire runs in the module's directory; the repository is the first parent that holds deploy/k8s
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository with deploy/k8s above " + Path.of("").toAbsolutePath());
    }
}
