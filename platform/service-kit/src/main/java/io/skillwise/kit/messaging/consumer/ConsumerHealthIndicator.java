package io.skillwise.kit.messaging.consumer;

import io.skillwise.kit.health.KitHealthStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eventConsumers} health component: UP while every partition moves, DEGRADED once a record has kept its
 * partition waiting for longer than {@code skillwise.consumer.stuck-after} (the database or Kafka away), with the
 * record, since when, how many attempts and the latest error in the details.
 */
public final class ConsumerHealthIndicator implements HealthIndicator {

    private final StalledPartitions stalls;
    private final Duration stuckAfter;

    public ConsumerHealthIndicator(StalledPartitions stalls, Duration stuckAfter) {
        this.stalls = stalls;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public Health health() {
        Instant now = stalls.clock().instant();
        List<StalledPartitions.Stall> current = stalls.current();
        List<Map<String, Object>> stuck = current.stream()
                .filter(stall -> stall.age(now).compareTo(stuckAfter) >= 0)
                .map(stall -> describe(stall, now))
                .toList();
        if (stuck.isEmpty()) {
            return Health.up().withDetail("retrying", current.size()).build();
        }
        return Health.status(KitHealthStatus.DEGRADED).withDetail("stuck", stuck).build();
    }

    private static Map<String, Object> describe(StalledPartitions.Stall stall, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("group", stall.group());
        detail.put("topic", stall.topic());
        detail.put("partition", stall.partition());
        detail.put("offset", stall.offset());
        detail.put("eventType", stall.eventType());
        detail.put("eventId", stall.eventId());
        detail.put("since", stall.since().toString());
        detail.put("seconds", stall.age(now).toSeconds());
        detail.put("attempts", stall.attempts());
        detail.put("lastError", stall.lastError());
        return detail;
    }
}
