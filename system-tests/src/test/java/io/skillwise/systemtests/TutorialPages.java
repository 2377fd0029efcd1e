package io.skillwise.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The executed tutorial pages (docs/testing.md#executed-tutorials), in the order they run: docs/getting-started.md,
 * then every Markdown page of docs/tutorials/ by file name (the pages are numbered, {@code 01-instructor.md}, ...).
 * Each page runs in a shell of its own and sets up what it needs itself, so the order is only for a readable report.
 */
final class TutorialPages {

    static final String GETTING_STARTED = "docs/getting-started.md";
    static final String TUTORIALS = "docs/tutorials";

    private TutorialPages() {
    }

    /** The pages under the repository's {@code home}, as paths relative to it, with forward slashes. */
    static List<String> inOrder(Path home) {
        List<String> pages = new ArrayList<>();
        pages.add(GETTING_STARTED);
        Path tutorials = home.resolve(TUTORIALS);
        if (Files.isDirectory(tutorials)) {
            try (Stream<Path> files = Files.list(tutorials)) {
                files.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".md"))
                        .sorted(Comparator.naturalOrder())
                        .forEach(name -> pages.add(TUTORIALS + "/" + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(pages);
    }

    /**
     * The pages whose path contains one of the comma-separated {@code parts} ({@code -Dskillwise.tutorial=02-learner},
     * {@code -Dskillwise.tutorial=04-,05-}), or all of them when it is blank. A part no page has is a mistake, not a
     * run of nothing.
     */
    static List<String> selected(Path home, String parts) {
        List<String> pages = inOrder(home);
        if (parts == null || parts.isBlank()) {
            return pages;
        }
        List<String> wanted = Arrays.stream(parts.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String part : wanted) {
            if (pages.stream().noneMatch(page -> page.contains(part))) {
                throw new IllegalArgumentException("no tutorial page's path contains '" + part + "'; the pages: "
                        + pages);
            }
        }
        return pages.stream().filter(page -> wanted.stream().anyMatch(page::contains)).toList();
    }
}
