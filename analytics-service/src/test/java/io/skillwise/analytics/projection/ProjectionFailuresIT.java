package io.skillwise.analytics.projection;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.Events;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A record that can never be applied goes to the dead-letter topic through the kit's error handling, and the batch it
 * came in is applied around it; the kit's dead-letter endpoints list it and hand it back to the projection.
 */
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.failures")
class ProjectionFailuresIT extends AnalyticsApiTest {

    @Test
    void malformedRecordIsDeadLetteredAndItsNeighboursApplied() {
        TestUser instructor = TestUser.instructor();
        CoursePublished before = Events.published(UUID.randomUUID(), instructor.id(), "Before", 1000, 1, Instant.now());
        CoursePublished after = Events.published(UUID.randomUUID(), instructor.id(), "After", 1000, 1, Instant.now());
        UUID poisonId = UUID.randomUUID();
        ProducerRecord<String, String> poison = TopicRecords.withBody(
                TopicRecords.cloudEvent(Events.published(UUID.randomUUID(), instructor.id(), "Broken", 1000, 1,
                        Instant.now()), poisonId), "{\"courseId\": \"not even a uuid\"");
        // one key, so one partition: the poison sits between the two in one batch
        send(List.of(TopicRecords.cloudEvent(before), withKey(poison, before.courseId().toString()),
                withKey(TopicRecords.cloudEvent(after), before.courseId().toString())));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(instructor).get("/instructors/courses")
                .assertStatus(200).items("title")).containsExactly("After", "Before"));
        String topic = topicOf(before);
        ApiClient service = ApiClient.root(port).as(admin);
        JsonNode letter = eventually(PATIENCE, () -> service.get("/admin/dead-letters/" + topic),
                response -> assertThat(response.assertStatus(200).body().path("items")).isNotEmpty())
                .body().path("items").get(0);
        assertThat(letter.path("eventId").asString()).isEqualTo(poisonId.toString());
        assertThat(letter.path("consumerGroup").asString()).endsWith("-projections-v1");

        ApiResponse replay = service.post("/admin/dead-letters/" + topic + "/replay",
                Map.of("eventIds", List.of(poisonId))).assertStatus(200);

        assertThat(replay.body().path("failed").asInt()).as("still malformed").isEqualTo(1);
        assertThat(replay.body().path("records").get(0).path("kind").asString()).isEqualTo("POISON");
    }

    private static ProducerRecord<String, String> withKey(ProducerRecord<String, String> record, String key) {
        return new ProducerRecord<>(record.topic(), null, key, record.value(), record.headers());
    }
}
