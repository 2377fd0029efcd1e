package io.skillwise.kit.messaging;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.MongoProfiles;
import io.skillwise.kit.messaging.testapp.Profiles;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, point 4: an event larger than Kafka takes is refused when it is written, failing its transaction; one
 * that passes that check but that the broker still refuses (here: a topic with a smaller {@code max.message.bytes})
 * is parked after a few refusals, without holding back other keys, while the later events of its own key wait. Health
 * and the gauge show it; released after the fix, it goes out, followed by the events that waited, in order.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skillwise.outbox.topic-suffix=.parking", "skillwise.outbox.park-after-refusals=3",
                "skillwise.outbox.poll-interval=200ms", "management.endpoint.health.show-details=always"})
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class OutboxParkingIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".parking";
    private static final int TOPIC_LIMIT = 16_384;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    Profiles profiles;
    @Autowired
    MongoProfiles mongoProfiles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void topicTakesSmallRecordsOnly() {
        setTopicLimit(TOPIC_LIMIT);
    }

    @AfterEach
    void topicLimitBack() {
        setTopicLimit(1_048_588);
    }

    @Test
    void anEventLargerThanKafkaTakesIsRefusedWhenWrittenAndItsChangeRollsBack() {
        UUID jdbcProfile = UUID.randomUUID();
        UUID mongoProfile = UUID.randomUUID();
        String huge = "x".repeat(1_100_000);

        assertThatThrownBy(() -> profiles.rename(jdbcProfile, huge, jdbcProfile))
                .isInstanceOf(EventTooLargeException.class).hasMessageContaining("UserProfileUpdated");
        assertThat(jdbc.sql("select count(*) from profile where id = :id").param("id", jdbcProfile)
                .query(Long.class).single()).as("the rename rolled back with its event").isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = :key").param("key", jdbcProfile.toString())
                .query(Long.class).single()).isZero();

        assertThatThrownBy(() -> mongoProfiles.rename(mongoProfile, huge, mongoProfile))
                .isInstanceOf(EventTooLargeException.class);
        assertThat(mongo.getCollection(MongoProfiles.COLLECTION).find(Filters.eq("_id", mongoProfile.toString())).first())
                .as("the document was not renamed").satisfiesAnyOf(
                        document -> assertThat(document).isNull(),
                        document -> assertThat(document).doesNotContainKey("displayName"));
    }

    @Test
    void aJdbcEventKafkaRefusesIsParkedWithoutHoldingBackOtherKeysAndGoesOutInOrderOnceReleased() {
        UUID blocked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        profiles.rename(blocked, "first", blocked);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(blocked)).containsExactly("first"));

        profiles.rename(blocked, tooLargeForTheTopic(), blocked);
        profiles.rename(blocked, "after the large one", blocked);
        profiles.rename(other, "unaffected", other);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(parked("jdbc")).isEqualTo(1);
            JsonNode outbox = health().path("components").path("outbox");
            assertThat(outbox.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(outbox.path("details").path("oldest").get(0).path("key").asString()).isEqualTo(blocked.toString());
        });
        assertThat(names(other)).as("another key is not held back").containsExactly("unaffected");
        profiles.rename(other, "still unaffected", other);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(other)).hasSize(2));
        assertThat(names(blocked)).as("the parked event's key waits").containsExactly("first");
        Long seq = jdbc.sql("select seq from outbox_event where parked_at is not null and event_key = :key")
                .param("key", blocked.toString()).query(Long.class).single();

        setTopicLimit(1_048_588); // the fix
        jdbc.sql("update outbox_event set parked_at = null, refusals = 0 where seq = :seq").param("seq", seq).update();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(blocked))
                .containsExactly("first", tooLargeForTheTopic(), "after the large one"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(parked("jdbc")).isZero();
            assertThat(health().path("components").path("outbox").path("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    void aMongoEventKafkaRefusesIsParkedWithoutHoldingBackOtherKeysAndGoesOutInOrderOnceReleased() {
        UUID blocked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        mongoProfiles.rename(blocked, "first", blocked);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(blocked)).containsExactly("first"));

        mongoProfiles.rename(blocked, tooLargeForTheTopic(), blocked);
        mongoProfiles.rename(blocked, "after the large one", blocked);
        mongoProfiles.rename(other, "unaffected", other);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(parked("mongo")).isEqualTo(1);
            assertThat(health().path("components").path("outbox").path("status").asString()).isEqualTo("DEGRADED");
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(other)).containsExactly("unaffected"));
        assertThat(names(blocked)).as("the parked event's key waits").containsExactly("first");

        setTopicLimit(1_048_588); // the fix
        mongo.getCollection(MongoProfiles.COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", blocked.toString()), Filters.exists("outbox.parkedAt")),
                Updates.combine(Updates.unset("outbox.$.parkedAt"), Updates.set("outbox.$.refusals", 0)));
        mongoProfiles.rename(other, "wakes the relay", other);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(names(blocked))
                .containsExactly("first", tooLargeForTheTopic(), "after the large one"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parked("mongo")).isZero());
    }

    /** Passes the outbox's own check (1 MB), not the topic's limit. */
    private static String tooLargeForTheTopic() {
        return "y".repeat(TOPIC_LIMIT * 2);
    }

    /** The display names published for a profile, in the order they are on the topic. */
    private List<String> names(UUID profile) {
        return TopicRecords.on(kafka).readAll(TOPIC).stream()
                .filter(record -> profile.toString().equals(record.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(record -> ApiClient.JSON.readTree(record.value()).path("displayName").asString())
                .toList();
    }

    private double parked(String store) {
        return meters.get("skillwise.outbox.parked").tag("store", store).gauge().value();
    }

    private JsonNode health() {
        return ApiClient.root(port).get("/actuator/health").body();
    }

    private void setTopicLimit(int bytes) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Collection<AlterConfigOp> change = List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(topic, change)).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not change " + TOPIC + "'s max.message.bytes", e);
        }
    }
}
