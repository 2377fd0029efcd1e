package io.skillwise.deploy.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.deploy.Docs;
import io.skillwise.deploy.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides (and the diagrams page and the executed tutorials they lead to) mostly point into the service guides, so
 * their value is in their links: every relative link reaches a file of the repository, and a link to a heading
 * reaches that heading.
 */
class GuidesTest {

    private static final List<String> PAGES = List.of(
            "docs/guides/instructors.md", "docs/guides/learners.md", "docs/guides/operators.md", "docs/diagrams.md");

    @Test
    void everyLinkOfTheGuidesReachesAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (String page : guidesAndTutorials()) {
            for (String link : Docs.links(page)) {
                brokenLink(page, link).ifPresent(broken::add);
            }
        }

        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeListsTheGuidesAndTheDiagrams() {
        assertThat(Docs.links("README.md")).contains(
                "docs/guides/instructors.md", "docs/guides/learners.md", "docs/guides/operators.md",
                "docs/diagrams.md");
    }

    /** The guides, and the executed tutorials they send readers to (getting-started.md and docs/tutorials/). */
    private static List<String> guidesAndTutorials() {
        List<String> pages = new ArrayList<>(PAGES);
        pages.add("docs/getting-started.md");
        try (Stream<Path> tutorials = Files.list(Repository.root().resolve("docs/tutorials"))) {
            tutorials.map(file -> "docs/tutorials/" + file.getFileName()).filter(name -> name.endsWith(".md"))
                    .sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static Optional<String> brokenLink(String page, String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return Optional.empty();
        }
        int hash = link.indexOf('#');
        String target = hash < 0 ? link : link.substring(0, hash);
        Path root = Repository.root().toAbsolutePath().normalize();
        Path file = target.isEmpty()
                ? root.resolve(page)
                : root.resolve(page).getParent().resolve(target).normalize();
        if (!file.startsWith(root) || !Files.exists(file)) {
            return Optional.of(page + ": " + link + " (no such file)");
        }
        if (hash >= 0 && !Docs.anchors(root.relativize(file).toString())
                .contains(link.substring(hash + 1))) {
            return Optional.of(page + ": " + link + " (no such heading)");
        }
        return Optional.empty();
    }
}
