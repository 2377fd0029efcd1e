package io.skillwise.kit.messaging.outbox;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.kit.messaging.OutboxEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Puts outbox entries on Kafka as CloudEvents 1.0 in binary mode: JSON body, {@code ce_*} headers,
 * {@code content-type}, {@code traceparent}, key = aggregate id. It owns one idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}) with short timeouts: a round against a dead broker fails within about
 * {@code sendTimeout} instead of blocking for Kafka's default minute, and the relay retries it later.
 *
 * <p>Not thread-safe: one relay thread uses it.
 */
public final class CloudEventSender implements AutoCloseable {

    private final Map<String, Object> producerConfig;
    private final Function<Map<String, Object>, Producer<String, String>> producerFactory;
    private final String source;
    private final OutboxTracing tracing;
    private final Duration sendTimeout;
    private Producer<String, String> producer;

    /**
     * @param kafkaConfig the service's producer settings (bootstrap servers, security, ...)
     * @param serviceName {@code spring.application.name}, the {@code ce_source}
     */
    public CloudEventSender(Map<String, Object> kafkaConfig, String serviceName, OutboxTracing tracing,
                            Duration sendTimeout) {
        this(kafkaConfig, serviceName, tracing, sendTimeout, KafkaProducer::new);
    }

    CloudEventSender(Map<String, Object> kafkaConfig, String serviceName, OutboxTracing tracing, Duration sendTimeout,
                     Function<Map<String, Object>, Producer<String, String>> producerFactory) {
        this.producerConfig = relayProducerConfig(kafkaConfig, serviceName, sendTimeout);
        this.source = CloudEventHeaders.source(serviceName);
        this.tracing = tracing;
        this.sendTimeout = sendTimeout;
        this.producerFactory = producerFactory;
    }

    static Map<String, Object> relayProducerConfig(Map<String, Object> kafkaConfig, String serviceName, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        // Stated here, not only in the defaults: the relay's guarantees depend on them.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // send() waits at most max.block.ms for metadata of a dead broker; a record is then acknowledged or failed
        // within delivery.timeout.ms. Kafka's defaults (60 s, 120 s) would stall the relay for minutes.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs(sendTimeout));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) maxBlockMs(sendTimeout));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeoutMs(sendTimeout));
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    private static long deliveryTimeoutMs(Duration sendTimeout) {
        return Math.max(2000, sendTimeout.toMillis());
    }

    // delivery.timeout.ms must be at least linger.ms + request.timeout.ms
    private static long maxBlockMs(Duration sendTimeout) {
        return deliveryTimeoutMs(sendTimeout) / 2;
    }

    /**
     * Sends the entries and waits for the broker's acknowledgements: about {@code sendTimeout} at most, or 1.5 times
     * that when the broker is unreachable (metadata wait plus delivery timeout).
     *
     * @return one outcome per entry, in the same order
     */
    public List<Outcome> send(List<OutboxEntry> entries) {
        // The producer reports every record within max.block.ms + delivery.timeout.ms; the deadline only guards
        // against a producer that breaks that promise.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxBlockMs(sendTimeout) + deliveryTimeoutMs(sendTimeout))
                + TimeUnit.SECONDS.toNanos(1);
        List<CompletableFuture<Void>> acks = new ArrayList<>(entries.size());
        RuntimeException refused = null;
        for (OutboxEntry entry : entries) {
            if (refused != null) {
                // the producer could not even take a record (no metadata in max.block.ms): do not wait again per entry
                acks.add(CompletableFuture.failedFuture(refused));
                continue;
            }
            CompletableFuture<Void> ack;
            try {
                ack = sendOne(entry);
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            if (ack.isCompletedExceptionally() && !isRefusal(ack.exceptionNow())) {
                // failed inside send(), e.g. no metadata within max.block.ms: the broker is away. (A record refused
                // for itself, e.g. too large, fails alone: the others still go.)
                refused = new IllegalStateException("Kafka refused the record", ack.exceptionNow());
            }
            acks.add(ack);
        }
        List<Outcome> outcomes = new ArrayList<>(entries.size());
        boolean unresolved = false;
        for (int i = 0; i < entries.size(); i++) {
            Throwable failure = await(acks.get(i), deadline);
            unresolved |= failure instanceof TimeoutException;
            outcomes.add(new Outcome(entries.get(i), failure));
        }
        if (unresolved) {
            // Records the producer has not given up on must not go out behind the retry: drop them with the producer.
            // (A failure the producer reported needs no such step; keeping the producer keeps its idempotence.)
            closeProducer(Duration.ZERO);
        }
        return outcomes;
    }

    /**
     * An upper bound of the size Kafka gives the entry's record, computed as the producer does before it checks
     * {@code max.request.size}: the outbox refuses larger events when they are written, not when they are sent.
     */
    public static int recordSizeUpperBound(OutboxEntry entry, String serviceName) {
        RecordHeaders headers = headers(entry, CloudEventHeaders.source(serviceName), entry.traceparent());
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                ByteBuffer.wrap(entry.key().getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap(entry.payload().getBytes(StandardCharsets.UTF_8)), headers.toArray());
    }

    /**
     * Whether Kafka refused the record itself, for good: it is too large, or its topic name is invalid. Such a failure
     * concerns this record alone; sending it again changes nothing until a person changes the record or the limits.
     */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof InvalidTopicException
                || failure instanceof SerializationException;
    }

    /** A failure as the outbox stores it ({@code last_error}): its text, at most 500 characters. */
    public static String errorText(Throwable failure) {
        String text = failure.toString();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static RecordHeaders headers(OutboxEntry entry, String source, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, entry.eventId());
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TYPE, entry.type());
        add(headers, CloudEventHeaders.TIME, entry.occurredAt().toString());
        add(headers, CloudEventHeaders.SUBJECT, entry.key());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_JSON);
        if (traceparent != null) {
            add(headers, OutboxTracing.TRACEPARENT, traceparent);
        }
        return headers;
    }

    private CompletableFuture<Void> sendOne(OutboxEntry entry) {
        OutboxTracing.PublishSpan span = tracing.startPublish(entry.traceparent(), entry.topic(), entry.type());
        RecordHeaders headers = headers(entry, source, span.traceparent());
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.topic(), null, entry.key(), entry.payload(), headers);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, exception) -> {
                span.end(exception);
                if (exception == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            span.end(e);
            throw e;
        }
        return ack;
    }

    private static Throwable await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producerFactory.apply(producerConfig);
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } finally {
                producer = null;
            }
        }
    }

    @Override
    public void close() {
        closeProducer(Duration.ofSeconds(2));
    }

    /** What became of one entry: published when {@code failure} is null. */
    public record Outcome(OutboxEntry entry, Throwable failure) {

        public boolean published() {
            return failure == null;
        }

        /** Kafka refused this record for good ({@link #isRefusal}); other failures pass once the broker is back. */
        public boolean refused() {
            return failure != null && isRefusal(failure);
        }
    }
}
