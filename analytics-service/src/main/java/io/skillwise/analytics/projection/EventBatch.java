package io.skillwise.analytics.projection;

import io.skillwise.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events of one poll, parsed, in the order they were read. Each projection takes the kinds it needs and applies
 * them set-based; projections never depend on the order of events of different keys, so one batch may hold a refund
 * and the purchase it refunds in either order.
 */
public final class EventBatch {

    /** How far a batch moves one partition: the next offset to read, the newest event time, how many records. */
    public record PartitionProgress(String topic, int partition, long nextOffset, Instant newestEventAt, long events) {
    }

    private final List<Delivered<? extends DomainEvent>> events;

    public EventBatch(List<Delivered<? extends DomainEvent>> events) {
        this.events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public int size() {
        return events.size();
    }

    /** The deliveries of events of this type (a record class or a topic's event interface), in batch order. */
    @SuppressWarnings("unchecked")
    public <E> List<Delivered<E>> deliveries(Class<E> type) {
        List<Delivered<E>> matching = new ArrayList<>();
        for (Delivered<? extends DomainEvent> delivered : events) {
            if (type.isInstance(delivered.event())) {
                matching.add((Delivered<E>) delivered);
            }
        }
        return matching;
    }

    /** The events of this type, in batch order. */
    public <E> List<E> events(Class<E> type) {
        return deliveries(type).stream().map(Delivered::event).toList();
    }

    public List<PartitionProgress> progress() {
        Map<String, PartitionProgress> byPartition = new LinkedHashMap<>();
        for (Delivered<? extends DomainEvent> delivered : events) {
            String key = delivered.topic() + "-" + delivered.partition();
            PartitionProgress seen = byPartition.get(key);
            Instant at = delivered.event().occurredAt();
            byPartition.put(key, seen == null
                    ? new PartitionProgress(delivered.topic(), delivered.partition(), delivered.offset() + 1, at, 1)
                    : new PartitionProgress(seen.topic(), seen.partition(),
                            Math.max(seen.nextOffset(), delivered.offset() + 1),
                            at.isAfter(seen.newestEventAt()) ? at : seen.newestEventAt(), seen.events() + 1));
        }
        return List.copyOf(byPartition.values());
    }

    /**
     * One item per key, the greatest by {@code winner}: a set-based upsert may touch each row once per statement, so
     * the events of a batch that compete for a row are settled first, the way the table settles them with what it
     * holds (highest revision, newest time, ...).
     */
    public static <E, K> Collection<E> onePerKey(Collection<E> items, Function<E, K> key, Comparator<E> winner) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), BinaryOperator.maxBy(winner),
                LinkedHashMap::new)).values();
    }
}
