package io.skillwise.kit.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KitClockAutoConfigurationTest {

    private static final Instant MOMENT = Instant.parse("2026-03-01T10:00:00Z");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KitClockAutoConfiguration.class));

    @Test
    void aServiceGetsTheSystemClockInUtc() {
        context.run(app -> assertThat(app.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void aTestsOwnClockReplacesIt() {
        context.withUserConfiguration(FixedTime.class)
                .run(app -> assertThat(app.getBean(Clock.class).instant()).isEqualTo(MOMENT));
    }

    @Configuration
    static class FixedTime {
        @Bean
        Clock clock() {
            return Clock.fixed(MOMENT, ZoneOffset.UTC);
        }
    }
}
