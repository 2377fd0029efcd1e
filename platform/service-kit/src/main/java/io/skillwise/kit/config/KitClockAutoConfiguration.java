package io.skillwise.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The one {@link Clock} of a service: business rules ask it for the time (an enrollment's start, a coupon's expiry,
 * a refund window) instead of calling {@code Instant.now()}. A test that needs another moment declares its own
 * {@code Clock} bean ({@code @TestConfiguration}), and this one steps aside. The kit's own machinery (outbox relay,
 * leases, inbox housekeeping) keeps the system clock: it measures real time, whatever a test pretends.
 */
@AutoConfiguration
public class KitClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
