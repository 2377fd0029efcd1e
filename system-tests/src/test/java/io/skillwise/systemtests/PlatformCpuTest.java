package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCpuTest {

    @Test
    void hotSpotsCompilerAndCollectorThreadsAreToldApartFromTheWork() {
        assertThat(PlatformCpu.ThreadRole.of("C2 CompilerThre")).isEqualTo(PlatformCpu.ThreadRole.JIT);
        assertThat(PlatformCpu.ThreadRole.of("C1 CompilerThre")).isEqualTo(PlatformCpu.ThreadRole.JIT);
        assertThat(PlatformCpu.ThreadRole.of("GC Thread#1")).isEqualTo(PlatformCpu.ThreadRole.GC);
        assertThat(PlatformCpu.ThreadRole.of("G1 Conc#0")).isEqualTo(PlatformCpu.ThreadRole.GC);
        assertThat(PlatformCpu.ThreadRole.of("kafka-3")).isEqualTo(PlatformCpu.ThreadRole.OTHER);
        assertThat(PlatformCpu.ThreadRole.of("VM Thread")).isEqualTo(PlatformCpu.ThreadRole.OTHER);
    }

    @Test
    void aThreadsUserAndSystemTicksAreReadPastANameWithSpacesAndParentheses(@TempDir Path dir) throws IOException {
        Path stat = dir.resolve("stat");
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(stat, "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 10 0 0 0 250 30 0 0 20 0 1 0\n");
        Files.writeString(dir.resolve("odd"), "7 (a) b (c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0\n");

        assertThat(PlatformCpu.threadCpu(stat)).hasValue(
                new PlatformCpu.ThreadCpu(PlatformCpu.ThreadRole.JIT, Duration.ofMillis(2800)));
        assertThat(PlatformCpu.threadCpu(dir.resolve("odd"))).hasValue(
                new PlatformCpu.ThreadCpu(PlatformCpu.ThreadRole.OTHER, Duration.ofMillis(70)));
    }

    @Test
    void aThreadThatEndedIsNotCounted(@TempDir Path dir) {
        assertThat(PlatformCpu.threadCpu(dir.resolve("gone"))).isEmpty();
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundInProc() {
        PlatformCpu.Sample sample = PlatformCpu.sample(Path.of("/nonexistent/state-" + System.nanoTime()));

        assertThat(sample.threads().get(ProcessHandle.current().pid()).values())
                .as("a JVM has C1/C2 compiler threads")
                .anySatisfy(thread -> assertThat(thread.role()).isEqualTo(PlatformCpu.ThreadRole.JIT));
    }
}
