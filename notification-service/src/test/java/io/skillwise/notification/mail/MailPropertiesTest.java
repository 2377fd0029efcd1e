package io.skillwise.notification.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MailPropertiesTest {

    private final MailProperties properties = new MailProperties("SkillWise <no-reply@skillwise.local>",
            "https://api.skillwise.io/", true, Duration.ofSeconds(1), 50, Duration.ofMinutes(2), 12,
            Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofDays(30));

    @Test
    void theBackoffDoublesAfterEachFailedAttemptUpToItsCap() {
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(properties.backoffAfter(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void linksInMailAreAbsolute() {
        assertThat(properties.absolute("/api/v1/courses")).isEqualTo("https://api.skillwise.io/api/v1/courses");
        assertThat(properties.absolute(null)).isNull();
    }
}
