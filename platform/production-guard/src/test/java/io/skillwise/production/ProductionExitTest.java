package io.skillwise.production;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees: the process ends at once with a non-zero exit code and a line naming each key. */
class ProductionExitTest {

    @Test
    void aRefusedStartEndsTheProcessWithExitCodeOneAndOneLinePerProblem() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(GuardedApplication.class.getName());
        command.add("--spring.profiles.active=production");
        command.add("--skillwise.production.required.signing.key=app.signing-secret");
        command.add("--skillwise.production.required.signing.development-values=dev-signing-secret");
        command.add("--app.signing-secret=dev-signing-secret");
        command.add("--skillwise.production.required.stripe.key=app.stripe-key");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();

        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the process ended by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        List<String> refusals = output.lines()
                .filter(line -> line.contains("Production configuration refused")).toList();
        assertThat(refusals).hasSize(2);
        assertThat(refusals)
                .anySatisfy(line -> assertThat(line).contains("app.signing-secret has its development value"))
                .anySatisfy(line -> assertThat(line)
                        .contains("app.stripe-key is not set (environment variable APP_STRIPEKEY)"));
        assertThat(output).doesNotContain("dev-signing-secret").contains("APPLICATION FAILED TO START");
    }
}
