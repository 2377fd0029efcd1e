package io.skillwise.devstack.keycloak;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Finds the Keycloak distribution zip that the build fetched from Maven Central and unpacks it once. */
final class KeycloakDistribution {

    static final String VERSION = "26.5.6";
    static final String ZIP_NAME = "keycloak-quarkus-dist-" + VERSION + ".zip";
    /** The zip's single top-level folder, and the name of the unpacked installation. */
    static final String DIR_NAME = "keycloak-" + VERSION;

    private static final String UNZIP_PREFIX = ".unzip-";

    private KeycloakDistribution() {
    }

    /**
     * The zip copied by the devstack build (target/keycloak-dist), else the one in the local Maven repository:
     * both exist after {@code ./mvnw install}; the second also covers a devstack jar used from outside the repo.
     */
    static Path locateZip(Path skillwiseHome) throws FileNotFoundException {
        List<Path> candidates = new ArrayList<>();
        Path home = skillwiseHome;
        if (home == null && System.getProperty("skillwise.home") != null) {
            home = Path.of(System.getProperty("skillwise.home"));
        }
        if (home != null) {
            candidates.add(home.resolve("platform/devstack/target/keycloak-dist").resolve(ZIP_NAME));
        }
        String repoLocal = System.getProperty("maven.repo.local");
        Path repo = repoLocal != null && !repoLocal.isBlank()
                ? Path.of(repoLocal)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        candidates.add(repo.resolve("org/keycloak/keycloak-quarkus-dist").resolve(VERSION).resolve(ZIP_NAME));

        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new FileNotFoundException("Keycloak distribution " + ZIP_NAME + " not found; looked at " + candidates
                + ". Build devstack first: ./mvnw -pl platform/devstack -am install -DskipTests");
    }

    /**
     * Unpacks the zip into {@code parent/keycloak-<version>} unless that folder exists. The zip goes into a
     * temporary sibling folder that is renamed only once complete, so a crash mid-unzip never leaves a
     * half-installed Keycloak that a later start would reuse.
     */
    static Path ensureUnpacked(Path parent, ZipSupplier zip) throws IOException {
        Path target = parent.resolve(DIR_NAME);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(parent);
        deleteLeftoverUnzipFolders(parent);
        Path tmp = Files.createTempDirectory(parent, UNZIP_PREFIX);
        try {
            unzip(zip.get(), tmp);
            Path unpacked = tmp.resolve(DIR_NAME);
            if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
                throw new IOException("unexpected layout in the Keycloak zip: no " + DIR_NAME + "/bin/kc.sh");
            }
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another process won the race: its copy is complete (it was renamed into place), use it.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return target;
        } finally {
            deleteRecursively(tmp);
        }
    }

    @FunctionalInterface
    interface ZipSupplier {
        Path get() throws IOException;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                // java.util.zip does not expose the Unix mode stored in the zip; the scripts in bin/ are
                // the only files that need the executable bit.
                if (isScript(entry.getName())) {
                    if (posix) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static boolean isScript(String entryName) {
        int bin = entryName.indexOf("/bin/");
        return bin >= 0 && entryName.endsWith(".sh");
    }

    private static void deleteLeftoverUnzipFolders(Path parent) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, UNZIP_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                deleteRecursively(leftover);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
