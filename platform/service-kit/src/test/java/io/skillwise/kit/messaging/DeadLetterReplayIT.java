package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.Records;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.ProfileEventsListener;
import io.skillwise.kit.messaging.testapp.RefusedNames;
import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record refused as unprocessable goes to the dead-letter topic at once; after the fix an admin replays it through
 * the kit's endpoint and it is applied exactly once, however often the replay is repeated.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.replay")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class DeadLetterReplayIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".replay";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    RefusedNames refusedNames;
    @Autowired
    JdbcClient jdbc;

    private final String admin = TestTokens.shared().bearer(TestUser.admin());

    @AfterEach
    void refuseAgain() {
        refusedNames.refuse(ProfileEventsListener.POISON);
    }

    @Test
    void aRefusedRecordIsDeadLetteredAtOnceAndAppliedOnceWhenReplayedAfterTheFix() {
        UUID user = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        TopicRecords.send(kafka, List.of(
                Records.cloudEvent(TOPIC, 1, UUID.randomUUID(), Records.profileUpdated(user, "first", 1)),
                Records.cloudEvent(TOPIC, 1, poisonId, Records.profileUpdated(user, ProfileEventsListener.POISON, 2))));

        JsonNode listed = await().atMost(Duration.ofSeconds(30)).until(() -> get("/admin/dead-letters/" + TOPIC, admin),
                response -> response.status() == 200 && !response.body().path("items").isEmpty()).body();
        JsonNode letter = listed.path("items").get(0);
        assertThat(letter.path("eventId").asString()).isEqualTo(poisonId.toString());
        assertThat(letter.path("exception").asString()).isEqualTo(UnprocessableEventException.class.getName());
        // a @KafkaListener's id is its group unless it names one: the test app's listener is "replicas"
        assertThat(letter.path("consumerGroup").asString()).isEqualTo("replicas");
        assertThat(probe.attempts(TOPIC, 1, letter.path("offset").asLong())).as("no retries for a refusal").isEqualTo(1);
        assertThat(replicaName(user)).isEqualTo("first");

        ApiResponse beforeTheFix = replay(null);
        assertThat(beforeTheFix.status()).isEqualTo(200);
        assertThat(beforeTheFix.body().path("failed").asInt()).isEqualTo(1);
        assertThat(beforeTheFix.body().path("records").get(0).path("kind").asString()).isEqualTo("POISON");
        assertThat(replicaName(user)).as("still refused, still not applied").isEqualTo("first");

        refusedNames.allow(ProfileEventsListener.POISON);
        ApiResponse afterTheFix = replay(List.of(poisonId));
        assertThat(afterTheFix.status()).isEqualTo(200);
        assertThat(afterTheFix.body().path("replayed").asInt()).isEqualTo(1);
        assertThat(afterTheFix.body().path("failed").asInt()).isZero();
        assertThat(replicaName(user)).isEqualTo(ProfileEventsListener.POISON);
        assertThat(appliedCount(user)).as("first and the replayed one").isEqualTo(2);

        ApiResponse again = replay(null);
        assertThat(again.body().path("replayed").asInt()).isEqualTo(1);
        assertThat(appliedCount(user)).as("a second replay changes nothing").isEqualTo(2);
        assertThat(TopicRecords.readAll(kafka, TOPIC)).as("a replay writes nothing to the topic").hasSize(2);
        assertThat(TopicRecords.readAll(kafka, Topics.dlt(TOPIC))).as("nor to the dead-letter topic").hasSize(1);
    }

    @Test
    void onlyAdminsSeeAndReplayDeadLetters() {
        assertThat(get("/admin/dead-letters/" + TOPIC, TestTokens.shared().bearer(TestUser.student())).status())
                .isEqualTo(403);
        assertThat(get("/admin/dead-letters/" + TOPIC, null).status()).isEqualTo(401);
        ApiResponse unknown = get("/admin/dead-letters/" + Topics.CATALOG_COURSE, admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        ApiResponse badIds = send(HttpRequest.newBuilder(uri("/admin/dead-letters/" + TOPIC + "/replay"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventIds\": [\"not-a-uuid\"]}")));
        assertThat(badIds.status()).isEqualTo(400);
    }

    private ApiResponse replay(List<UUID> eventIds) {
        String body = eventIds == null ? "{}" : ApiCalls.JSON.writeValueAsString(Map.of("eventIds", eventIds));
        return send(HttpRequest.newBuilder(uri("/admin/dead-letters/" + TOPIC + "/replay"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private ApiResponse get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request);
    }

    private static ApiResponse send(HttpRequest.Builder request) {
        return ApiCalls.send(request.timeout(Duration.ofSeconds(30)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String replicaName(UUID user) {
        return jdbc.sql("select display_name from profile_replica where id = :id").param("id", user)
                .query(String.class).optional().orElse(null);
    }

    private int appliedCount(UUID user) {
        return jdbc.sql("select applied_count from profile_replica where id = :id").param("id", user)
                .query(Integer.class).single();
    }
}
