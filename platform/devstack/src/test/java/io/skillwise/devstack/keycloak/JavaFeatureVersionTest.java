package io.skillwise.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFeatureVersionTest {

    @TempDir
    Path javaHome;

    @Test
    void theFeatureVersionComesFromTheReleaseFile() throws IOException {
        Files.writeString(javaHome.resolve("release"), """
                IMPLEMENTOR="Eclipse Adoptium"
                JAVA_RUNTIME_VERSION="25.0.1+8-LTS"
                JAVA_VERSION="25.0.1"
                JAVA_VERSION_DATE="2025-10-21"
                """);

        assertThat(KeycloakServer.javaFeatureVersion(javaHome)).isEqualTo(25);
    }

    @Test
    void aJdkWithoutAReadableVersionCountsAsUnknown() throws IOException {
        assertThat(KeycloakServer.javaFeatureVersion(javaHome)).as("no release file").isZero();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"soon\"\n");
        assertThat(KeycloakServer.javaFeatureVersion(javaHome)).as("no version in it").isZero();
    }

    @Test
    void theRunningJdkIsRead() {
        assertThat(KeycloakServer.javaFeatureVersion(Path.of(System.getProperty("java.home"))))
                .isEqualTo(Runtime.version().feature());
    }
}
