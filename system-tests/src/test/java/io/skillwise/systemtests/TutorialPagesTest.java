package io.skillwise.systemtests;

import io.skillwise.devstack.StackLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TutorialPagesTest {

    @Test
    void gettingStartedRunsFirstThenTheTutorialPagesByFileName(@TempDir Path home) throws IOException {
        Path tutorials = withPages(home, "02-learner.md", "01-instructor.md");
        Files.writeString(tutorials.resolve("notes.txt"), "not a page");
        Files.createDirectories(tutorials.resolve("images.md"));

        assertThat(TutorialPages.inOrder(home)).containsExactly(
                "docs/getting-started.md", "docs/tutorials/01-instructor.md", "docs/tutorials/02-learner.md");
    }

    @Test
    void aPartOfThePathSelectsOnePageAndAPartNoPageHasIsAMistake(@TempDir Path home) throws IOException {
        withPages(home, "01-instructor.md", "02-learner.md");

        assertThat(TutorialPages.selected(home, "02-learner")).containsExactly("docs/tutorials/02-learner.md");
        assertThat(TutorialPages.selected(home, " ")).hasSize(3);
        assertThat(TutorialPages.selected(home, null)).hasSize(3);
        assertThatThrownBy(() -> TutorialPages.selected(home, "03-admin"))
                .hasMessageContaining("no tutorial page's path contains '03-admin'");
    }

    @Test
    void commaSeparatedPartsSelectSeveralPagesInTheirOrder(@TempDir Path home) throws IOException {
        withPages(home, "01-instructor.md", "02-learner.md", "03-admin.md");

        assertThat(TutorialPages.selected(home, "03-, 01-")).containsExactly(
                "docs/tutorials/01-instructor.md", "docs/tutorials/03-admin.md");
        assertThatThrownBy(() -> TutorialPages.selected(home, "01-,09-"))
                .hasMessageContaining("no tutorial page's path contains '09-'");
    }

    @Test
    void withoutATutorialsFolderOnlyGettingStartedRuns(@TempDir Path home) {
        assertThat(TutorialPages.inOrder(home)).containsExactly("docs/getting-started.md");
    }

    @Test
    void everyPageOfThisRepositoryParsesAndChecksAtLeastThreeOutputs() throws IOException {
        Path home = StackLayout.locateHome();
        for (String page : TutorialPages.inOrder(home)) {
            Tutorial tutorial = Tutorial.parse(Files.readString(home.resolve(page)));
            assertThat(tutorial.steps()).as("checked steps of " + page)
                    .filteredOn(step -> step.check() != Tutorial.Check.NONE).hasSizeGreaterThan(2);
        }
    }

    /** A repository at {@code home} with getting-started.md and these pages in docs/tutorials/; that folder. */
    private static Path withPages(Path home, String... pages) throws IOException {
        Path tutorials = Files.createDirectories(home.resolve("docs/tutorials"));
        Files.writeString(home.resolve("docs/getting-started.md"), "# start");
        for (String page : pages) {
            Files.writeString(tutorials.resolve(page), "# " + page);
        }
        return tutorials;
    }
}
