package io.skillwise.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes the test infrastructure's throw-away folders. A database cluster and a Kafka log per test JVM are a few
 * hundred megabytes; left behind by every run they fill the disk within days, and then PostgreSQL stops the build
 * with "No space left on device".
 */
final class LeftoverFolders {

    private LeftoverFolders() {
    }

    /** Deletes folders named {@code prefix*} whose owning process has ended, or which never recorded one. */
    static void sweep(Path parent, String prefix, String ownerFile) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder) && !ownerAlive(folder.resolve(ownerFile))) {
                    delete(folder);
                }
            }
        } catch (IOException ignored) {
            // sweeping is housekeeping; a test run never fails because of it
        }
    }

    private static boolean ownerAlive(Path ownerFile) {
        try {
            long pid = Long.parseLong(Files.readString(ownerFile).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // a folder still being created has no owner file yet: only sweep it once it is clearly stale
            return isRecent(ownerFile.getParent());
        }
    }

    private static boolean isRecent(Path folder) {
        try {
            long ageMillis = System.currentTimeMillis() - Files.getLastModifiedTime(folder).toMillis();
            return ageMillis < 60 * 60 * 1000L;
        } catch (IOException e) {
            return true;
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a file still held open by a stopping server; the next sweep takes it
                }
            });
        } catch (IOException ignored) {
            // already gone, or unreadable: nothing more to do here
        }
    }
}
