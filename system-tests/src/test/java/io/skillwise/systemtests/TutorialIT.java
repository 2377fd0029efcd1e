package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.StackLayout;
import io.skillwise.devstack.StackPorts;
import io.skillwise.systemtests.Tutorial.Check;
import io.skillwise.systemtests.Tutorial.Step;
import io.skillwise.systemtests.TutorialShell.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tutorial pages (docs/getting-started.md and docs/tutorials/, {@link TutorialPages}), executed: every
 * {@code bash} block of a page runs in order in one shell of its own against the platform the system tests start,
 * and each block's output must show what the page says it shows (its {@code <!-- tutorial: ... -->} notes,
 * docs/testing.md#executed-tutorials). So no page can drift from the API unnoticed. The pages speak of the default
 * addresses; the platform here listens on shifted ports, so the test points the pages' address variables at it, and
 * nothing else of a page is changed.
 */
class TutorialIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Path HOME = StackLayout.locateHome();
    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    /** Every page, or those {@code -Dskillwise.tutorial=<part of the path>} names. */
    static List<String> pages() {
        return TutorialPages.selected(HOME, System.getProperty("skillwise.tutorial"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyStepOfThePageShowsWhatThePageSays(String page) throws IOException {
        // CI installs them (.ci/run); a machine with nothing but a JDK still builds, without this one test
        assumeTrue(hasReadersTools(), "the tutorial pages run with bash, curl, jq, python3 and openssl, as their reader does: "
                + "install them to execute the tutorials");
        Tutorial tutorial = Tutorial.parse(Files.readString(HOME.resolve(page)));
        assertThat(tutorial.steps()).as("steps whose output is checked on " + page)
                .filteredOn(s -> s.check() != Check.NONE).hasSizeGreaterThan(2);

        try (TutorialShell shell = new TutorialShell()) {
            for (Step step : tutorial.steps()) {
                String code = onThisPlatform(step.code());
                if (step.check() == Check.EVENTUALLY) {
                    AtomicReference<Output> last = new AtomicReference<>();
                    await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        last.set(shell.run(code));
                        assertShows(page, step, last.get());
                    });
                } else {
                    assertShows(page, step, shell.run(code));
                }
            }
        }
    }

    private static void assertShows(String page, Step step, Output output) {
        // in the test's output file: what each block printed, to compare with what the page says it prints
        System.out.printf("[tutorial] %s, the block at line %d printed:%n%s%n", page, step.line(), output.text());
        String where = "the block at line " + step.line() + " of " + page + ":\n" + step.code()
                + "\nprinted:\n" + output.text();
        assertThat(output.status()).as("exit status of " + where).isZero();
        if (step.check() != Check.NONE) {
            assertThat(output.text()).as(where).contains(step.expected());
        }
    }

    private static boolean hasReadersTools() {
        try {
            Process probe = new ProcessBuilder("bash", "-c", "command -v curl && command -v jq && command -v python3 && command -v openssl")
                    .redirectErrorStream(true).start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The pages' addresses are the default ports; this platform's are shifted. */
    private static String onThisPlatform(String code) {
        StackPorts defaults = StackPorts.defaults();
        StackPorts here = platform.ports();
        return code.replace("http://127.0.0.1:" + defaults.gateway(), "http://127.0.0.1:" + here.gateway())
                .replace("http://127.0.0.1:" + defaults.mailApi(), "http://127.0.0.1:" + here.mailApi());
    }
}
