package io.skillwise.kit.messaging;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.mongo.MongoRelayLease;
import io.skillwise.kit.messaging.outbox.JdbcOutboxStore;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.MongoProfiles;
import io.skillwise.kit.messaging.testapp.Profiles;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only one relay publishes from a database at a time, whatever the number of instances, which is what keeps the
 * order per key: while another instance holds the relay lock (PostgreSQL) or lease (MongoDB), this one publishes
 * nothing; when it is released, this one takes over.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.single-relay")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class SingleRelayIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".single-relay";

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Profiles profiles;
    @Autowired
    MongoProfiles mongoProfiles;

    @Test
    void noJdbcPublicationWhileAnotherInstanceHoldsTheRelayLock() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, JdbcOutboxStore.RELAY_LOCK);
                lock.execute();
            }

            profiles.rename(id, "waits", id);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(published(id)).as("records published").isZero());

            otherInstance.commit(); // the other relay's round ends
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published(id)).as("records published")
                .isEqualTo(1));
    }

    @Test
    void noMongoPublicationWhileAnotherInstanceHoldsTheLease() {
        var leases = mongo.getCollection(MongoRelayLease.COLLECTION);
        leases.updateOne(Filters.eq("_id", MongoRelayLease.ID), Updates.combine(Updates.set("holder", "another-instance"),
                Updates.set("until", Date.from(Instant.now().plus(Duration.ofHours(1))))), new UpdateOptions().upsert(true));
        UUID id = UUID.randomUUID();

        mongoProfiles.rename(id, "waits", id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(published(id)).as("records published").isZero());

        // the other instance died: its lease lapses
        leases.updateOne(Filters.eq("_id", MongoRelayLease.ID), Updates.set("until", new Date(0)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published(id)).as("records published")
                .isEqualTo(1));
    }

    private long published(UUID key) {
        return TopicRecords.on(kafka).withKey(TOPIC, key.toString()).size();
    }
}
