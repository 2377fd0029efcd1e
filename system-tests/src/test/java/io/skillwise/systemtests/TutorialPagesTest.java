package io.skillwise.systemtests;

import io.skillwise.devstack.StackLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TutorialPagesTest {

    @Test
    void gettingStartedRunsFirstThenTheTutorialPagesByFileName(@TempDir Path home) throws IOException {
        Path tutorials = Files.createDirectories(home.resolve("docs/tutorials"));
        Files.writeString(home.resolve("docs/getting-started.md"), "# start");
        Files.writeString(tutorials.resolve("02-learner.md"), "# learner");
        Files.writeString(tutorials.resolve("01-instructor.md"), "# instructor");
        Files.writeString(tutorials.resolve("notes.txt"), "not a page");
        Files.createDirectories(tutorials.resolve("images.md"));

        assertThat(TutorialPages.inOrder(home)).containsExactly(
                "docs/getting-started.md", "docs/tutorials/01-instructor.md", "docs/tutorials/02-learner.md");
    }

    @Test
    void withoutATutorialsFolderOnlyGettingStartedRuns(@TempDir Path home) {
        assertThat(TutorialPages.inOrder(home)).containsExactly("docs/getting-started.md");
    }

    @Test
    void everyPageOfThisRepositoryParsesAndChecksSomething() throws IOException {
        Path home = StackLayout.locateHome();
        for (String page : TutorialPages.inOrder(home)) {
            Tutorial tutorial = Tutorial.parse(Files.readString(home.resolve(page)));
            assertThat(tutorial.steps()).as("checked steps of " + page)
                    .anyMatch(step -> step.check() != Tutorial.Check.NONE);
        }
    }
}
