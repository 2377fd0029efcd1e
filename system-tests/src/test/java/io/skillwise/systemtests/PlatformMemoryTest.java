package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlatformMemoryTest {

    @Test
    void residentMemoryOfARunningProcessIsReadFromProc() {
        long self = ProcessHandle.current().pid();

        assertThat(PlatformMemory.residentKilobytes(self)).hasValueSatisfying(kilobytes ->
                assertThat(kilobytes).as("this JVM's resident kB").isGreaterThan(1024));
    }

    @Test
    void aProcessThatIsGoneHasNoResidentMemory() {
        assertThat(PlatformMemory.residentKilobytes(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aStateFolderNoProcessNamesMeansNothingIsCounted() {
        PlatformMemory.Usage usage = PlatformMemory.measure(Path.of("/nonexistent/state-" + System.nanoTime()));

        assertThat(usage.processes()).isZero();
        assertThat(usage.totalKilobytes()).isZero();
        assertThat(usage.testJvmKilobytes()).isPositive();
    }

    @Test
    void aServiceIsNamedAfterTheModuleWhoseJarItRuns() {
        assertThat(PlatformMemory.moduleOf(Path.of(
                "/home/dev/skillwise/catalog-service/target/devstack-app/catalog-service-0.1.0-SNAPSHOT.jar")))
                .hasValue("catalog-service");
        assertThat(PlatformMemory.moduleOf(Path.of("/opt/keycloak/lib/quarkus-run.jar"))).isEmpty();
    }
}
