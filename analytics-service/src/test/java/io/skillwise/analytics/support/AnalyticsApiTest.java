package io.skillwise.analytics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What analytics' API tests share: the service on a random port with its own database, reading topics of its own
 * (each test class names a suffix with {@code skillwise.analytics.projection.topic-suffix}, so no other class's
 * events reach its platform-wide figures), a client for its API, and publishing as the other services' relays do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.analytics.projection.check-interval=300ms")
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
public abstract class AnalyticsApiTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;
    @Value("${skillwise.analytics.projection.topic-suffix}")
    protected String topicSuffix;

    protected ApiClient api;
    protected TopicRecords topics;
    protected final TestUser admin = TestUser.admin();

    @BeforeEach
    protected void connect() {
        api = ApiClient.api(port);
        topics = TopicRecords.on(kafka);
    }

    /** Each event as its producer's relay publishes it (a fresh {@code ce_id}), on this class's topics. */
    protected void publish(List<? extends DomainEvent> events) {
        send(events.stream().map(TopicRecords::cloudEvent).toList());
    }

    /** Exactly these records (a redelivery repeats a record), on this class's topics. */
    protected void send(List<ProducerRecord<String, String>> records) {
        topics.send(records.stream().map(this::onOurTopic).toList());
    }

    protected ProducerRecord<String, String> onOurTopic(ProducerRecord<String, String> record) {
        return TopicRecords.onTopic(record, record.topic() + topicSuffix, null);
    }

    protected String topicOf(DomainEvent event) {
        return EventCatalog.of(event.getClass()).topic() + topicSuffix;
    }

    /** Waits until the active projection version has applied everything published before the call. */
    protected void awaitCaughtUp() {
        Instant since = Instant.now();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode active = activeVersion();
            assertThat(active.path("lagMeasuredAt").isMissingNode() ? null
                    : Instant.parse(active.path("lagMeasuredAt").asString()))
                    .as("lag measured after the events were published: " + active).isAfter(since);
            assertThat(active.path("lag").asLong()).as("records the active version has not applied").isZero();
        });
    }

    protected JsonNode activeVersion() {
        return api.as(admin).get("/admin/analytics/projections").assertStatus(200).items().stream()
                .filter(version -> "ACTIVE".equals(version.path("status").asString())).findFirst().orElseThrow();
    }
}
