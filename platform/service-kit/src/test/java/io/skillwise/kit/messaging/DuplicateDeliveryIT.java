package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.ProfileEvents;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.ProfileReplicas;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Proof 3: Kafka delivers at least once, so the same event (same {@code ce_id}) can arrive again; it changes the
 * state once, in the JDBC replica (inbox row in the handler's transaction) and in the Mongo replica (processed id in
 * the same document update).
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.duplicates")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class DuplicateDeliveryIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".duplicates";

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theSameEventDeliveredThreeTimesChangesTheStateOnce() {
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = ProfileEvents.record(TOPIC, null, eventId,
                ProfileEvents.updated(user, "Once", 1));

        TopicRecords.on(kafka).send(List.of(record));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(appliedCount(user)).isEqualTo(1));
        // a redelivery after the first one committed, and a duplicate right behind it
        TopicRecords.on(kafka).send(List.of(record, record));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe.ofEvent(eventId)).hasSize(3));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(appliedCount(user)).isEqualTo(1);
            assertThat(mongoReplica(user).getInteger("appliedCount")).isEqualTo(1);
        });
        assertThat(mongoReplica(user).getList(MongoInbox.FIELD, String.class)).containsExactly(eventId.toString());
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDifferentEventForTheSameAggregateStillApplies() {
        UUID user = UUID.randomUUID();
        TopicRecords.on(kafka).send(List.of(
                ProfileEvents.record(TOPIC, null, UUID.randomUUID(), ProfileEvents.updated(user, "First", 1)),
                ProfileEvents.record(TOPIC, null, UUID.randomUUID(), ProfileEvents.updated(user, "Second", 2))));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(appliedCount(user)).isEqualTo(2);
            assertThat(mongoReplica(user)).containsAllEntriesOf(Map.of("appliedCount", 2, "displayName", "Second"));
        });
    }

    private int appliedCount(UUID user) {
        return jdbc.sql("select applied_count from profile_replica where id = :id").param("id", user)
                .query(Integer.class).optional().orElse(0);
    }

    private Document mongoReplica(UUID user) {
        return mongo.findOne(query(where("_id").is(user.toString())), Document.class, ProfileReplicas.MONGO_COLLECTION);
    }
}
