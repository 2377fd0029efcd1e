package io.skillwise.kit.messaging.testapp;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What the listener saw, in arrival order, for the tests to inspect: every delivery, duplicates included. */
@Component
public class DeliveryProbe {

    public record Delivery(UUID eventId, String key, String displayName, String headline, String traceId,
                           long receivedNanos) {
    }

    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();

    /** When a record with this key first reached a consumer, by {@link System#nanoTime()}. */
    void arrived(String key, long nanos) {
        firstArrival.putIfAbsent(key, nanos);
    }

    public Long firstArrival(String key) {
        return firstArrival.get(key);
    }

    /** Every time the container hands a record to the listener, malformed or not. */
    void attempted(String topic, int partition, long offset) {
        attempts.computeIfAbsent(topic + "-" + partition + "@" + offset, k -> new AtomicInteger()).incrementAndGet();
    }

    public int attempts(String topic, int partition, long offset) {
        AtomicInteger count = attempts.get(topic + "-" + partition + "@" + offset);
        return count == null ? 0 : count.get();
    }

    void delivered(Delivery delivery) {
        deliveries.add(delivery);
    }

    public List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> ofEvent(UUID eventId) {
        return deliveries.stream().filter(d -> d.eventId().equals(eventId)).toList();
    }

    public List<Delivery> ofKey(String key) {
        return deliveries.stream().filter(d -> key.equals(d.key())).toList();
    }
}
