package io.skillwise.review.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How far the service under test has consumed a topic: for replicas that no endpoint shows, a test waits until the
 * service's consumer group has committed past everything on the topic now (offsets are committed after each poll
 * was applied).
 */
final class Consumption {

    private final String bootstrapServers;
    private final String group;

    Consumption(String bootstrapServers, String group) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    void awaitConsumed(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = ends(admin, topic);
            await().atMost(Steps.PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> assertThat(committed.get(partition))
                        .as("%s consumed by %s up to %d", partition, group, end)
                        .satisfies(offset -> assertThat(offset == null ? 0 : offset.offset())
                                .isGreaterThanOrEqualTo(end)));
            });
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(entry -> entry.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
