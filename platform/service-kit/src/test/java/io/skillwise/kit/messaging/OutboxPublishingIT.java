package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.MongoProfiles;
import io.skillwise.kit.messaging.testapp.Profiles;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.skillwise.testsupport.Eventually.eventually;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What a published event looks like on Kafka, from either store, and the outbox's transactional contract. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.publishing")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class OutboxPublishingIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".publishing";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Profiles profiles;
    @Autowired
    MongoProfiles mongoProfiles;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void jdbcEventGoesOutAsBinaryCloudEventKeyedByAggregate() {
        UUID id = UUID.randomUUID();
        ApiClient.root(port).as(TestUser.student()).put("/profiles/" + id, Map.of("displayName", "Ada"))
                .assertStatus(200);

        ConsumerRecord<String, String> record = awaitRecordWithKey(id);
        assertCloudEvent(record, id, "Ada");
        UUID stored = jdbc.sql("select event_id from outbox_event where event_key = :key")
                .param("key", id.toString()).query(UUID.class).single();
        assertThat(TopicRecords.header(record, CloudEventHeaders.ID))
                .as("ce_id is the id the outbox stored, so a repeated publication carries the same one")
                .isEqualTo(stored.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select published_at is not null from outbox_event where event_id = :id")
                .param("id", stored).query(Boolean.class).single()).as("marked published").isTrue());
    }

    @Test
    void mongoEventGoesOutAsBinaryCloudEventAndLeavesItsDocument() {
        UUID id = UUID.randomUUID();
        ApiClient.root(port).as(TestUser.student()).put("/mongo-profiles/" + id, Map.of("displayName", "Grace"))
                .assertStatus(200);

        assertCloudEvent(awaitRecordWithKey(id), id, "Grace");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document profile = mongo.findOne(query(where("_id").is(id.toString())), Document.class, MongoProfiles.COLLECTION);
            assertThat(profile.getList(MongoOutbox.FIELD, Document.class)).isEmpty();
            assertThat(profile.getString("displayName")).isEqualTo("Grace");
        });
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereCommitted() {
        UUID jdbcProfile = UUID.randomUUID();
        UUID mongoProfile = UUID.randomUUID();
        IntStream.rangeClosed(1, 25).forEach(i -> {
            profiles.rename(jdbcProfile, "name " + i, UUID.randomUUID());
            mongoProfiles.rename(mongoProfile, "name " + i, UUID.randomUUID());
        });

        List<String> expected = IntStream.rangeClosed(1, 25).mapToObj(i -> "revision " + i).toList();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(probe.ofKey(jdbcProfile.toString())).extracting(DeliveryProbe.Delivery::headline).isEqualTo(expected);
            assertThat(probe.ofKey(mongoProfile.toString())).extracting(DeliveryProbe.Delivery::headline).isEqualTo(expected);
        });
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        UserProfileUpdated event = new UserProfileUpdated(UUID.randomUUID(), "x", null, null, List.of(), List.of(),
                UUID.randomUUID(), Instant.now());

        assertThatThrownBy(() -> events.publish(event)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            events.publish(new UserProfileUpdated(id, "never", null, null, List.of(), List.of(), id, Instant.now()));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = :key").param("key", id.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void relayReportsPendingEventsAndPublishLatency() {
        profiles.rename(UUID.randomUUID(), "metered", UUID.randomUUID());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("skillwise.outbox.publish.latency").tag("store", "jdbc").timer().count()).isPositive();
            assertThat(meters.get("skillwise.outbox.pending").tag("store", "jdbc").gauge().value()).isZero();
            assertThat(meters.get("skillwise.outbox.pending").tag("store", "mongo").gauge().value()).isZero();
        });
    }

    private ConsumerRecord<String, String> awaitRecordWithKey(UUID id) {
        return eventually(Duration.ofSeconds(15), () -> TopicRecords.on(kafka).withKey(TOPIC, id.toString()),
                records -> assertThat(records).hasSize(1)).getFirst();
    }

    private void assertCloudEvent(ConsumerRecord<String, String> record, UUID id, String displayName) {
        assertThat(TopicRecords.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(TopicRecords.header(record, "ce_id")).version()).as("a random UUID per event")
                .isEqualTo(4);
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("/skillwise/messaging-test-app");
        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo("io.skillwise.identity.UserProfileUpdated.v1");
        assertThat(Instant.parse(TopicRecords.header(record, "ce_time"))).isBefore(Instant.now());
        assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(id.toString());
        assertThat(TopicRecords.header(record, "content-type")).isEqualTo("application/json");
        assertThat(TopicRecords.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode body = json.readTree(record.value());
        assertThat(body.path("userId").asString()).isEqualTo(id.toString());
        assertThat(body.path("displayName").asString()).isEqualTo(displayName);
    }
}
