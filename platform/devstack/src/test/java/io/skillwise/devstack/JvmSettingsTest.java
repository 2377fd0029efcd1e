package io.skillwise.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a JVM started with each setting really runs with, as it reports its own final flags. */
class JvmSettingsTest {

    @Test
    void productionSettingsRunFullJitAndG1WithThreeQuartersOfAPodAsHeap() throws Exception {
        Map<String, String> flags = finalFlags(JvmSettings.PRODUCTION);

        assertThat(flags).containsEntry("UseG1GC", "true")
                .containsEntry("TieredStopAtLevel", "4")
                .containsEntry("ExitOnOutOfMemoryError", "true")
                .containsEntry("MaxHeapSize", Long.toString(768L * 1024 * 1024));
    }

    @Test
    void localSettingsKeepTheSmallQuickStartingJvm() throws Exception {
        Map<String, String> flags = finalFlags(JvmSettings.LOCAL);

        assertThat(flags).containsEntry("UseSerialGC", "true")
                .containsEntry("TieredStopAtLevel", "1")
                .containsEntry("MaxHeapSize", Long.toString(256L * 1024 * 1024));
    }

    @Test
    void productionSettingsAreTheLineOfTheDeploymentFile() {
        assertThat(JvmSettings.PRODUCTION.environment(StackLayout.locateHome()))
                .containsOnlyKeys("JAVA_TOOL_OPTIONS")
                .containsValue(JvmSettings.productionOptions(StackLayout.locateHome()));
        assertThat(JvmSettings.LOCAL.environment(StackLayout.locateHome())).isEmpty();
        assertThat(JvmSettings.named("production")).isEqualTo(JvmSettings.PRODUCTION);
        assertThat(JvmSettings.named("local")).isEqualTo(JvmSettings.LOCAL);
    }

    private static Map<String, String> finalFlags(JvmSettings settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(StackLayout.currentJavaHome().resolve("bin/java").toString());
        command.addAll(settings.commandLine());
        command.add("-XX:+PrintFlagsFinal");
        command.add("-version");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(settings.environment(StackLayout.locateHome()));
        Process java = builder.start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        Map<String, String> flags = new HashMap<>();
        for (String line : output.split("\n")) {
            // "     bool UseG1GC                                  = true                                   {product} {ergonomic}"
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[2].equals("=")) {
                flags.put(parts[1], parts[3]);
            }
        }
        return flags;
    }
}
