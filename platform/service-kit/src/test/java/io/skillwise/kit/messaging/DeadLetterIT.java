package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.ProfileEvents;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proof 4: records that cannot be processed end up in {@code <topic>.dlt} (malformed ones and those a handler refuses
 * as unprocessable at once, a handler failing for an unexpected reason after bounded retries) and the records behind
 * them on the same partition are processed.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.deadletters")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class DeadLetterIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".deadletters";
    private static final String CASE = "test-case";

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRecordsBehindThemAreProcessed() {
        UUID user = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        UUID bugId = UUID.randomUUID();
        ProducerRecord<String, String> good = ProfileEvents.record(TOPIC, 0, UUID.randomUUID(),
                ProfileEvents.updated(user, "Before", 1));
        ProducerRecord<String, String> template = ProfileEvents.record(TOPIC, 0, UUID.randomUUID(),
                ProfileEvents.updated(user, "Bad", 2));
        List<ProducerRecord<String, String>> records = List.of(
                labelled(good, "good-before"),
                labelled(TopicRecords.withBody(template, "{\"userId\": \"" + user + "\", \"displayName\": "),
                        "bad-json"),
                labelled(TopicRecords.withHeader(template, "ce_type", "io.skillwise.identity.UserTeleported.v1"),
                        "unknown-type"),
                labelled(TopicRecords.withHeader(template, "ce_id", null), "missing-id"),
                labelled(TopicRecords.withBody(template, "{\"displayName\": \"no user id\"}"), "invalid-event"),
                labelled(ProfileEvents.record(TOPIC, 0, poisonId, ProfileEvents.updated(user, "poison", 2)),
                        "handler-refuses"),
                labelled(ProfileEvents.record(TOPIC, 0, bugId, ProfileEvents.updated(user, "bug", 2)),
                        "handler-fails"),
                labelled(ProfileEvents.record(TOPIC, 0, UUID.randomUUID(), ProfileEvents.updated(user, "After", 3)),
                        "good-after"));

        TopicRecords.on(kafka).send(records);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replicaName(user)).isEqualTo("After"));
        Map<String, ConsumerRecord<String, String>> deadLetters = eventually(Duration.ofSeconds(15),
                () -> TopicRecords.on(kafka).withKey(Topics.dlt(TOPIC), user.toString()).stream()
                        .collect(Collectors.toMap(r -> TopicRecords.header(r, CASE), Function.identity())),
                found -> assertThat(found).hasSize(6));

        assertThat(deadLetters).containsOnlyKeys("bad-json", "unknown-type", "missing-id", "invalid-event",
                "handler-refuses", "handler-fails");
        for (String malformed : List.of("bad-json", "unknown-type", "missing-id", "invalid-event")) {
            ConsumerRecord<String, String> dead = deadLetters.get(malformed);
            assertThat(TopicRecords.header(dead, "kafka_dlt-exception-cause-fqcn")).as(malformed)
                    .isEqualTo(MalformedEventException.class.getName());
            assertThat(probe.attempts(TOPIC, 0, originalOffset(dead))).as("deliveries of " + malformed).isEqualTo(1);
        }
        ConsumerRecord<String, String> refused = deadLetters.get("handler-refuses");
        assertThat(TopicRecords.header(refused, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(UnprocessableEventException.class.getName());
        assertThat(TopicRecords.header(refused, "ce_id")).isEqualTo(poisonId.toString());
        assertThat(probe.attempts(TOPIC, 0, originalOffset(refused))).as("refused: no retries").isEqualTo(1);
        ConsumerRecord<String, String> bug = deadLetters.get("handler-fails");
        assertThat(TopicRecords.header(bug, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(TopicRecords.header(bug, "ce_id")).isEqualTo(bugId.toString());
        assertThat(probe.attempts(TOPIC, 0, originalOffset(bug))).as("first delivery and three retries").isEqualTo(4);
        assertThat(probe.ofKey(user.toString())).extracting(DeliveryProbe.Delivery::displayName)
                .containsExactly("Before", "poison", "bug", "bug", "bug", "bug", "After");
    }

    private static ProducerRecord<String, String> labelled(ProducerRecord<String, String> record, String label) {
        return TopicRecords.withHeader(record, CASE, label);
    }

    private static long originalOffset(ConsumerRecord<String, String> deadLetter) {
        byte[] offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset").value();
        return java.nio.ByteBuffer.wrap(offset).getLong();
    }

    private String replicaName(UUID user) {
        return jdbc.sql("select display_name from profile_replica where id = :id").param("id", user)
                .query(String.class).optional().orElse(null);
    }
}
