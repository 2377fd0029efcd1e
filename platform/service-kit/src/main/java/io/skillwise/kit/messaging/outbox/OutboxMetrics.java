package io.skillwise.kit.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The relay's meters: {@code skillwise.outbox.pending} and {@code skillwise.outbox.parked} (events waiting, and
 * events parked after Kafka refused them, read from the store when scraped) and
 * {@code skillwise.outbox.oldest.age} (how long the oldest waiting event has waited, 0 when none waits: what the
 * "outbox older than a minute" alert reads) and {@code skillwise.outbox.publish.latency} (from recording an event to
 * the broker's acknowledgement; with Kafka healthy this is the commit-to-publish latency the platform budgets at p99
 * under 100 ms).
 */
public final class OutboxMetrics {

    private final Timer publishLatency;
    private final Clock clock;

    public OutboxMetrics(MeterRegistry registry, String store, Supplier<Number> pending, Supplier<Number> parked,
                         Supplier<Optional<Instant>> oldestPending, Clock clock) {
        this.clock = clock;
        Gauge.builder("skillwise.outbox.pending", () -> orNaN(pending))
                .description("Events recorded in the outbox and not yet acknowledged by Kafka (parked ones not included)")
                .tag("store", store)
                .register(registry);
        Gauge.builder("skillwise.outbox.parked", () -> orNaN(parked))
                .description("Events parked because Kafka refused them for good; their keys wait until they are released")
                .tag("store", store)
                .register(registry);
        Gauge.builder("skillwise.outbox.oldest.age", () -> orNaN(() -> ageOf(oldestPending.get())))
                .description("How long the oldest event waiting in the outbox (parked ones not included) has waited")
                .baseUnit("seconds")
                .tag("store", store)
                .register(registry);
        this.publishLatency = Timer.builder("skillwise.outbox.publish.latency")
                .description("From recording an event in the outbox to Kafka's acknowledgement")
                .tag("store", store)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static Number orNaN(Supplier<Number> count) {
        try {
            return count.get();
        } catch (RuntimeException e) {
            return Double.NaN; // the store is away; the health indicator says so
        }
    }

    private Number ageOf(Optional<Instant> oldest) {
        return oldest.map(recordedAt -> Duration.between(recordedAt, clock.instant()).toMillis() / 1000.0).orElse(0.0);
    }

    public void published(Instant recordedAt) {
        publishLatency.record(Duration.between(recordedAt, clock.instant()));
    }
}
