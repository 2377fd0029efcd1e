package io.skillwise.kit.messaging;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.identity.UserProfileUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final UserProfileUpdated event = new UserProfileUpdated(UUID.randomUUID(), "Ada", null, null, List.of(),
            List.of("displayName"), UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"));
    private final UUID id = UUID.randomUUID();

    @Test
    void readsTheEnvelopeAndTheEvent() {
        IncomingEvent incoming = IncomingEvent.from(record(headers(), JSON.writeValueAsString(event)), JSON);

        assertThat(incoming.id()).isEqualTo(id);
        assertThat(incoming.type()).isEqualTo("io.skillwise.identity.UserProfileUpdated.v1");
        assertThat(incoming.event()).isEqualTo(event);
        assertThat(incoming.payloadAs(UserProfileUpdated.class)).isEqualTo(event);
        assertThat(incoming.subject()).contains(event.userId().toString());
        assertThat(incoming.time()).contains(event.occurredAt());
        assertThat(incoming.source()).contains("/skillwise/identity-service");
        assertThat(incoming.topic()).isEqualTo("identity.user.v1");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String newer = JSON.writeValueAsString(event).replaceFirst("\\{", "{\"addedInALaterVersion\":true,");

        assertThat(IncomingEvent.from(record(headers(), newer), JSON).event()).isEqualTo(event);
    }

    @Test
    void aRecordWithoutEventIdIsMalformed() {
        assertMalformed(without(CloudEventHeaders.ID), JSON.writeValueAsString(event), "no ce_id");
    }

    @Test
    void anEventIdThatIsNotAUuidIsMalformed() {
        Map<String, String> headers = headers();
        headers.put(CloudEventHeaders.ID, "42");
        assertMalformed(headers, JSON.writeValueAsString(event), "not a UUID");
    }

    @Test
    void anUnknownTypeIsMalformed() {
        Map<String, String> headers = headers();
        headers.put(CloudEventHeaders.TYPE, "io.skillwise.identity.UserTeleported.v1");
        assertMalformed(headers, JSON.writeValueAsString(event), "unknown");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertMalformed(headers(), "{\"userId\": ", "not a valid UserProfileUpdated");
    }

    @Test
    void aBodyMissingRequiredFieldsIsMalformed() {
        assertMalformed(headers(), "{\"displayName\": \"no id\"}", "not a valid UserProfileUpdated");
    }

    private void assertMalformed(Map<String, String> headers, String body, String reason) {
        assertThatThrownBy(() -> IncomingEvent.from(record(headers, body), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reason);
    }

    private Map<String, String> headers() {
        return new java.util.HashMap<>(CloudEventHeaders.of(event, id.toString(), "identity-service"));
    }

    private Map<String, String> without(String header) {
        Map<String, String> headers = headers();
        headers.remove(header);
        return headers;
    }

    private static ConsumerRecord<String, String> record(Map<String, String> headers, String body) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>("identity.user.v1", 0, 7L, ConsumerRecord.NO_TIMESTAMP,
                org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, "key", body, kafkaHeaders, Optional.empty());
    }
}
