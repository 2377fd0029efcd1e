package io.skillwise.payment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a benchmark's figures into its own section of docs/benchmarks.md, between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, in the format of system-tests' BenchmarkReport (which a service cannot depend on). The
 * file is read right before it is written, so sections other benchmarks wrote meanwhile stay.
 */
public final class BenchmarkSection {

    private BenchmarkSection() {
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void record(String name, String title, String body, double loadAtStart) {
        Path file = repositoryRoot().resolve("docs/benchmarks.md");
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String content = start + "\n" + body.strip() + "\n\n_Last run " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
                + ", load average " + String.format(Locale.ROOT, "%.1f", loadAtStart) + " when it started._\n" + end;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            String updated = from >= 0 && to > from
                    ? text.substring(0, from) + content + text.substring(to + end.length())
                    : text.stripTrailing() + "\n\n## " + title + "\n\n" + content + "\n";
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/benchmarks.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/benchmarks.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
