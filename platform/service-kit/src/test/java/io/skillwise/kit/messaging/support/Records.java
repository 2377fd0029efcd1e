package io.skillwise.kit.messaging.support;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.identity.UserProfileUpdated;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-made records, well-formed or deliberately not, as another service (or a broken one) would send them. */
public final class Records {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Records() {
    }

    public static UserProfileUpdated profileUpdated(UUID userId, String displayName, long revision) {
        return new UserProfileUpdated(userId, displayName, "revision " + revision, null, List.of(), List.of("displayName"),
                userId, Instant.now());
    }

    /** A well-formed CloudEvent for the event, with the given ce_id, on the given partition. */
    public static ProducerRecord<String, String> cloudEvent(String topic, Integer partition, UUID eventId,
                                                            UserProfileUpdated event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, eventId.toString(), "identity-service")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, partition, event.aggregateId(), JSON.writeValueAsString(event), headers);
    }

    /** The same record with a header set to another value, or removed when {@code value} is null. */
    public static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name,
                                                            String value) {
        RecordHeaders copy = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!header.key().equals(name)) {
                copy.add(header);
            }
        });
        if (value != null) {
            copy.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), copy);
    }

    /** The same record with another body. */
    public static ProducerRecord<String, String> withBody(ProducerRecord<String, String> record, String body) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), body, record.headers());
    }
}
