package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.ProfileEvents;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.ProfileEventsListener;
import io.skillwise.kit.messaging.testapp.RefusedNames;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static io.skillwise.testsupport.Eventually.eventually;

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

    @AfterEach
    void refuseAgain() {
        refusedNames.refuse(ProfileEventsListener.POISON);
    }

    @Test
    void aRefusedRecordIsDeadLetteredAtOnceAndAppliedOnceWhenReplayedAfterTheFix() {
        UUID user = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        TopicRecords.on(kafka).send(List.of(
                ProfileEvents.record(TOPIC, 1, UUID.randomUUID(), ProfileEvents.updated(user, "first", 1)),
                ProfileEvents.record(TOPIC, 1, poisonId, ProfileEvents.updated(user, ProfileEventsListener.POISON, 2))));

        JsonNode listed = eventually(Duration.ofSeconds(30), () -> admin().get("/admin/dead-letters/" + TOPIC),
                response -> assertThat(response.assertStatus(200).body().path("items")).isNotEmpty()).body();
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
        assertThat(TopicRecords.on(kafka).readAll(TOPIC)).as("a replay writes nothing to the topic").hasSize(2);
        assertThat(TopicRecords.on(kafka).readAll(Topics.dlt(TOPIC))).as("nor to the dead-letter topic").hasSize(1);
    }

    @Test
    void onlyAdminsSeeAndReplayDeadLetters() {
        String path = "/admin/dead-letters/" + TOPIC;
        assertThat(ApiClient.root(port).as(TestUser.student()).get(path).status()).isEqualTo(403);
        assertThat(ApiClient.root(port).anonymous().get(path).status()).isEqualTo(401);
        admin().get("/admin/dead-letters/" + Topics.CATALOG_COURSE).assertProblem(404);
        admin().post(path + "/replay", "{\"eventIds\": [\"not-a-uuid\"]}").assertProblem(400);
        admin().post(path + "/replay", "{\"eventIds\": [null]}").assertProblem(400);
    }

    @Test
    void aReplayNamingMoreThanAThousandRecordsIsRefused() {
        List<UUID> tooMany = Stream.generate(UUID::randomUUID).limit(1001).toList();

        assertThat(replay(tooMany).assertProblem(400).text("detail")).contains("at most 1000");
        assertThat(replay(tooMany.subList(0, 1000)).status()).isEqualTo(200);
    }

    private ApiClient admin() {
        return ApiClient.root(port).as(TestUser.admin());
    }

    private ApiResponse replay(List<UUID> eventIds) {
        return admin().post("/admin/dead-letters/" + TOPIC + "/replay",
                eventIds == null ? Map.of() : Map.of("eventIds", eventIds));
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
