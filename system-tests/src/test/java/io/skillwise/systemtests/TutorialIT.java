package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.StackLayout;
import io.skillwise.devstack.StackPorts;
import io.skillwise.systemtests.Tutorial.Check;
import io.skillwise.systemtests.Tutorial.Step;
import io.skillwise.systemtests.TutorialShell.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/getting-started.md, executed: every {@code bash} block of the page runs in order in one shell against the
 * platform the system tests start, and each block's output must show what the page says it shows (its
 * {@code <!-- tutorial: ... -->} notes, docs/testing.md#executed-tutorials). So the page cannot drift from the API
 * unnoticed. The page speaks of the default addresses; the platform here listens on shifted ports, so the test
 * points the page's address variables at it, and nothing else of the page is changed.
 */
class TutorialIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void gettingStartedTakesANewcomerFromSignInToALessonOfABoughtCourse() throws IOException {
        // CI installs them (.ci/run); a machine with nothing but a JDK still builds, without this one test
        assumeTrue(hasReadersTools(), "docs/getting-started.md runs with bash, curl and jq, as its reader does: "
                + "install them to execute the tutorial");
        Tutorial tutorial = Tutorial.parse(Files.readString(StackLayout.locateHome().resolve("docs/getting-started.md")));
        assertThat(tutorial.steps()).as("steps of the page").hasSizeGreaterThan(5);
        assertThat(tutorial.steps()).as("steps whose output is checked").filteredOn(s -> s.check() != Check.NONE)
                .hasSizeGreaterThan(4);

        try (TutorialShell shell = new TutorialShell()) {
            for (Step step : tutorial.steps()) {
                String code = onThisPlatform(step.code());
                if (step.check() == Check.EVENTUALLY) {
                    AtomicReference<Output> last = new AtomicReference<>();
                    await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        last.set(shell.run(code));
                        assertShows(step, last.get());
                    });
                } else {
                    assertShows(step, shell.run(code));
                }
            }
        }
    }

    private static void assertShows(Step step, Output output) {
        String where = "the block at line " + step.line() + " of docs/getting-started.md:\n" + step.code()
                + "\nprinted:\n" + output.text();
        assertThat(output.status()).as("exit status of " + where).isZero();
        if (step.check() != Check.NONE) {
            assertThat(output.text()).as(where).contains(step.expected());
        }
    }

    private static boolean hasReadersTools() {
        try {
            Process probe = new ProcessBuilder("bash", "-c", "command -v curl && command -v jq")
                    .redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The page's addresses are the default ports; this platform's are shifted. */
    private static String onThisPlatform(String code) {
        StackPorts defaults = StackPorts.defaults();
        StackPorts here = platform.ports();
        return code.replace("http://127.0.0.1:" + defaults.gateway(), "http://127.0.0.1:" + here.gateway())
                .replace("http://127.0.0.1:" + defaults.mailApi(), "http://127.0.0.1:" + here.mailApi());
    }
}
