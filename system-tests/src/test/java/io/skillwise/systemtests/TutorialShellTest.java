package io.skillwise.systemtests;

import io.skillwise.systemtests.TutorialShell.Output;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TutorialShellTest {

    @Test
    void variablesOfOneBlockAreThereForTheNextAndEachBlockReportsItsOwnStatus() {
        try (TutorialShell shell = new TutorialShell()) {
            assertThat(shell.run("NAME=ada")).isEqualTo(new Output(0, ""));
            assertThat(shell.run("echo hello $NAME")).isEqualTo(new Output(0, "hello ada"));
            assertThat(shell.run("echo failing >&2; false")).isEqualTo(new Output(1, "failing"));
        }
    }

    @Test
    void filesAPageSavesLandInTheShellsOwnDirectoryWhichGoesAwayWithIt() {
        Path saved;
        try (TutorialShell shell = new TutorialShell()) {
            saved = Path.of(shell.run("echo pdf > certificate.pdf && pwd").text()).resolve("certificate.pdf");
            assertThat(saved).hasContent("pdf");
            assertThat(saved.getParent()).isNotEqualTo(Path.of("").toAbsolutePath());
        }
        assertThat(Files.exists(saved.getParent())).isFalse();
    }
}
