package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.TestApi;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proof 5: one trace from the HTTP request that changed state, through the outbox row and the Kafka record, to the
 * listener that applied the event in another consumer.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.tracing")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class TraceContinuityIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".tracing";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theConsumerSpanBelongsToTheTraceOfTheRequestThatCommittedTheEvent() {
        String traceId = randomHex(16);
        UUID id = UUID.randomUUID();

        assertThat(new TestApi(port).rename(id, "Traced", "00-" + traceId + "-" + randomHex(8) + "-01").statusCode())
                .isEqualTo(200);

        assertThat(jdbc.sql("select traceparent from outbox_event where event_key = :key")
                .param("key", id.toString()).query(String.class).single()).contains(traceId);
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(15)).until(
                () -> TopicRecords.readAll(kafka, TOPIC).stream().filter(r -> id.toString().equals(r.key())).toList(),
                records -> !records.isEmpty()).getFirst();
        assertThat(TopicRecords.header(record, "traceparent")).startsWith("00-" + traceId + "-");
        List<DeliveryProbe.Delivery> deliveries = await().atMost(Duration.ofSeconds(15))
                .until(() -> probe.ofKey(id.toString()), list -> !list.isEmpty());
        assertThat(deliveries.getFirst().traceId()).isEqualTo(traceId);
    }

    @Test
    void theMongoOutboxCarriesTheTraceToo() {
        String traceId = randomHex(16);
        UUID id = UUID.randomUUID();

        assertThat(new TestApi(port).renameInMongo(id, "Traced", "00-" + traceId + "-" + randomHex(8) + "-01").statusCode())
                .isEqualTo(200);

        List<DeliveryProbe.Delivery> deliveries = await().atMost(Duration.ofSeconds(15))
                .until(() -> probe.ofKey(id.toString()), list -> !list.isEmpty());
        assertThat(deliveries.getFirst().traceId()).isEqualTo(traceId);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C declares invalid
        return HexFormat.of().formatHex(random);
    }
}
