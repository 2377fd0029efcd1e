package io.skillwise.testsupport;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserDeactivated;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopicRecordsTest {

    private final UserDeactivated event = new UserDeactivated(UUID.randomUUID(), UUID.randomUUID(), Instant.now());

    @Test
    void aRecordIsWhatTheProducersRelayPublishes() {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(event, eventId);

        assertThat(record.topic()).isEqualTo(Topics.IDENTITY_USER);
        assertThat(record.key()).isEqualTo(event.aggregateId());
        assertThat(ApiClient.JSON.readTree(record.value()).path("userId").asString())
                .isEqualTo(event.userId().toString());
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/skillwise/identity-service");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.skillwise.identity.UserDeactivated.v1");
    }

    @Test
    void recordsCanBeBentIntoWhatNoWellBehavedProducerSends() {
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(event);

        ProducerRecord<String, String> bent = TopicRecords.withBody(
                TopicRecords.withHeader(TopicRecords.onTopic(record, "elsewhere", 0), CloudEventHeaders.ID, null), "{");

        assertThat(bent.topic()).isEqualTo("elsewhere");
        assertThat(bent.partition()).isZero();
        assertThat(bent.value()).isEqualTo("{");
        assertThat(header(bent, CloudEventHeaders.ID)).isNull();
        assertThat(header(bent, CloudEventHeaders.TYPE)).isEqualTo(header(record, CloudEventHeaders.TYPE));
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
