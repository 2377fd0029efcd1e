package io.skillwise.systemtests;

import io.skillwise.devstack.StackLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a benchmark's figures into its own section of docs/benchmarks.md (between HTML comment markers), so the
 * document always shows the latest run with the conditions it ran under.
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void record(String section, String title, String body) {
        Path file = StackLayout.locateHome().resolve("docs/benchmarks.md");
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        // The markers sit below the heading, so other benchmarks that rewrite "their" section up to the next heading
        // never eat them.
        String content = start + "\n" + body.strip() + "\n\n_Last run " + LocalDate.now()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
                + ", load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " (1-minute average when the figures were written)._\n" + end;
        try {
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
