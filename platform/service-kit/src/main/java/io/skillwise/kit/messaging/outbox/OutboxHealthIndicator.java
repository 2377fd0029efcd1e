package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.health.KitHealthStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code outbox} health component: UP while nothing is parked, DEGRADED while an event Kafka refused for good is
 * parked (it and the later events of its key wait for a person), with the oldest parked events in the details.
 * Kafka being away is not reported here: the relay retries that by itself, and the {@code kafka} component says so;
 * while the store is away the component is UNKNOWN (the store's own component is DOWN).
 */
public final class OutboxHealthIndicator implements HealthIndicator {

    private static final int SHOWN = 10;

    private final ObjectProvider<RelayLoop> relays;

    public OutboxHealthIndicator(ObjectProvider<RelayLoop> relays) {
        this.relays = relays;
    }

    @Override
    public Health health() {
        try {
            return parkedEvents();
        } catch (RuntimeException e) {
            // the store is away: its own component (db, mongo) is DOWN; whether events are parked is unknown meanwhile
            return Health.unknown().withDetail("error", e.toString()).build();
        }
    }

    private Health parkedEvents() {
        long parked = 0;
        List<ParkedEvent> oldest = new ArrayList<>();
        for (RelayLoop relay : relays) {
            long count = relay.countParked();
            if (count > 0) {
                parked += count;
                oldest.addAll(relay.parked(SHOWN));
            }
        }
        if (parked == 0) {
            return Health.up().build();
        }
        return Health.status(KitHealthStatus.DEGRADED).withDetail("parked", parked)
                .withDetail("oldest", oldest.stream().limit(SHOWN).toList()).build();
    }
}
