package io.skillwise.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own end-to-end latency on a broker, measured as Kafka's {@code EndToEndLatency} tool does, with the plain
 * client: one message at a time from a producer ({@code acks=all}, no linger) to a consumer polling the topic's only
 * partition, timed from the send to the poll that returns it. The floor under every event path on that broker: what
 * the outbox, the listener container and the handler add is the rest.
 */
public final class KafkaEndToEndLatency {

    private KafkaEndToEndLatency() {
    }

    /**
     * Sends {@code warmUp} messages, then measures {@code count}.
     *
     * @return the measured latencies in nanoseconds, sorted
     */
    public static long[] measure(String bootstrapServers, int warmUp, int count, int messageBytes) {
        String topic = "skillwise.e2e-latency." + UUID.randomUUID();
        createTopic(bootstrapServers, topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition, Duration.ofSeconds(30));
            byte[] message = new byte[messageBytes];
            Arrays.fill(message, (byte) 'x');
            long[] latencies = new long[count];
            for (int i = 0; i < warmUp + count; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, 0, null, message));
                awaitOne(consumer);
                if (i >= warmUp) {
                    latencies[i - warmUp] = System.nanoTime() - start;
                }
            }
            Arrays.sort(latencies);
            return latencies;
        } finally {
            deleteTopic(bootstrapServers, topic);
        }
    }

    private static void awaitOne(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            if (!records.isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("a message did not come back within 30 s");
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    private static void deleteTopic(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a left-over topic of a benchmark harms nothing
        }
    }
}
