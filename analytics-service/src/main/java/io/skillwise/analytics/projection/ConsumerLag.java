package io.skillwise.analytics.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far each consuming projection version is behind the topics: per topic, the records on the broker that the
 * version has not applied yet (from the positions it stores with its tables, so "applied" means committed to
 * PostgreSQL, not merely read). Published as the gauge {@code skillwise.analytics.consumer.lag{projection, topic}}
 * ({@code projection} is {@code active} or {@code building}) and used to decide when a rebuild has caught up.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param byTopic    records not yet applied per topic; {@code total} is their sum
     * @param measuredAt when the topics' end offsets were read
     */
    public record Lag(int version, long total, Map<String, Long> byTopic, Instant measuredAt) {
    }

    private final Admin admin;
    private final ProjectionTopics topics;
    private final MultiGauge gauge;
    private final Map<Integer, Lag> latest = new ConcurrentHashMap<>();

    ConsumerLag(KafkaAdmin kafkaAdmin, ProjectionTopics topics, MeterRegistry meters) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.topics = topics;
        this.gauge = MultiGauge.builder("skillwise.analytics.consumer.lag")
                .description("Records on the topics that a projection version has not applied yet")
                .baseUnit("records")
                .register(meters);
    }

    /** The lag of a version whose positions are given (per {@code topic-partition}, the next offset it applies). */
    public Lag measure(int version, Map<String, Long> nextOffsets) {
        Instant measuredAt = Instant.now();
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Long> byTopic = new TreeMap<>();
        topics.names().forEach(topic -> byTopic.put(topic, 0L));
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            TopicPartition partition = end.getKey();
            long applied = nextOffsets.getOrDefault(partition.topic() + "-" + partition.partition(), 0L);
            byTopic.merge(partition.topic(), Math.max(0, end.getValue() - applied), Long::sum);
        }
        Lag lag = new Lag(version, byTopic.values().stream().mapToLong(Long::longValue).sum(), byTopic, measuredAt);
        latest.put(version, lag);
        return lag;
    }

    /** The last measured lag of a version; absent when it was never measured. */
    public java.util.Optional<Lag> latest(int version) {
        return java.util.Optional.ofNullable(latest.get(version));
    }

    /** Replaces the gauge's rows: one per consuming version (by role) and topic. */
    public void publish(Lag active, Lag building) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        addRows(rows, "active", active);
        addRows(rows, "building", building);
        gauge.register(rows, true);
        latest.keySet().removeIf(version -> (active == null || version != active.version())
                && (building == null || version != building.version()));
    }

    /** Removes the consumer group of a version that no longer consumes; a failure only leaves an idle group behind. */
    public void forgetGroup(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the group may still be closing its last session; an idle group costs nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void addRows(List<MultiGauge.Row<?>> rows, String role, Lag lag) {
        if (lag != null) {
            lag.byTopic().forEach((topic, records) ->
                    rows.add(MultiGauge.Row.of(Tags.of("projection", role, "topic", topic), records)));
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latestOffsets = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics.names()).topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
            try {
                topic.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions().forEach(partition ->
                        latestOffsets.put(new TopicPartition(topic.getKey(), partition.partition()), OffsetSpec.latest()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Kafka did not describe " + topic.getKey(), e.getCause());
                }
                // a topic nobody has written to yet: nothing to lag behind
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not describe " + topic.getKey() + " in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (latestOffsets.isEmpty()) {
            return Map.of();
        }
        try {
            Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latestOffsets).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer the end offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
    }
}
