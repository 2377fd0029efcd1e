package io.skillwise.testsupport;

import io.skillwise.devstack.StackLayout;
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
 * {@code <!-- name:end -->} markers below the section's heading, so the document always shows the latest run with
 * the conditions it ran under. The file is read right before it is written: sections that other benchmarks wrote
 * meanwhile stay, and a heading is added the first time a section is written.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** The machine's 1-minute load average now; benchmarks note it when they start (the machine may be shared). */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Records the section with the load average read when the benchmark started. */
    public static void record(String section, String title, String body, double loadAtStart) {
        write(section, title, body, String.format(Locale.ROOT, "%.1f", loadAtStart) + " when it started");
    }

    /** Records the section with the load average read now, when the figures are written. */
    public static void record(String section, String title, String body) {
        write(section, title, body, String.format(Locale.ROOT, "%.1f", loadAverage())
                + " (1-minute average when the figures were written)");
    }

    /**
     * Records a section of a document beside the figures, {@code docs/benchmarks/<document>} (e.g. the query plans a
     * benchmark measured), in the same way: the section's content between its markers is replaced, the rest kept.
     */
    public static void recordDetails(String document, String section, String title, String body) {
        if (!document.matches("[a-z0-9-]+\\.md")) {
            throw new IllegalArgumentException("a document name such as catalog-plans.md, not " + document);
        }
        write(StackLayout.locateHome().resolve("docs/benchmarks").resolve(document), section, title, body,
                String.format(Locale.ROOT, "%.1f", loadAverage()) + " (1-minute average when it was written)");
    }

    private static void write(String section, String title, String body, String load) {
        write(StackLayout.locateHome().resolve("docs/benchmarks.md"), section, title, body, load);
    }

    private static void write(Path file, String section, String title, String body, String load) {
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        String content = start + "\n" + body.strip() + "\n\n_Last run " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
                + ", load average " + load + "._\n" + end;
        try {
            Files.createDirectories(file.getParent());
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
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
}
