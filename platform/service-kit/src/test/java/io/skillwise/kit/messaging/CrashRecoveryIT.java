package io.skillwise.kit.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.ServiceProcess;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.MongoProfiles;
import io.skillwise.testsupport.TestInfrastructure;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proof 1: the service process dies after the commit and before the publication; after a restart the event is
 * published exactly once. The app runs as a separate JVM that is killed with SIGKILL. To hit the window between
 * commit and publication every time (it is a few milliseconds wide), the first process runs with its relay switched
 * off ({@code skillwise.outbox.relay-enabled=false}): the request commits and answers 200, the event waits in the
 * outbox, and the process is killed. The restarted process has its relay on, as in production.
 */
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class CrashRecoveryIT {

    private static final String DATABASE = "t_crash_recovery_it";
    private static final String TOPIC = Topics.IDENTITY_USER + ".crash";
    private static final Path LOGS = Path.of("target", "crash-recovery-it");

    private static Map<String, String> properties;
    private static TestInfrastructure infrastructure;

    @BeforeAll
    static void infrastructure(TestInfrastructure infra) {
        infrastructure = infra;
        properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", infra.postgresDatabase(DATABASE));
        properties.put("spring.datasource.username", infra.postgresUser());
        properties.put("spring.datasource.password", infra.postgresPassword());
        properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        properties.put("spring.kafka.consumer.group-id", DATABASE);
        // the killed process never leaves its consumer group; the broker notices after the session timeout (45 s by
        // default) and only then hands its partitions to the restarted process
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        properties.put("spring.mongodb.uri", infra.mongoUri(DATABASE));
        properties.put("skillwise.security.issuer", TestTokens.shared().issuer());
        properties.put("skillwise.security.jwk-set-uri", TestTokens.shared().jwkSetUri());
        properties.put("skillwise.outbox.topic-suffix", ".crash");
        properties.put("logging.structured.format.console", "");
    }

    @Test
    void anEventCommittedBeforeTheProcessIsKilledIsPublishedExactlyOnceAfterTheRestart() throws SQLException {
        UUID jdbcProfile = UUID.randomUUID();
        UUID mongoProfile = UUID.randomUUID();

        try (ServiceProcess doomed = ServiceProcess.start(with("skillwise.outbox.relay-enabled", "false"),
                LOGS.resolve("first-process.log"))) {
            ApiClient api = ApiClient.root(doomed.port()).as(TestUser.student());
            api.put("/profiles/" + jdbcProfile, Map.of("displayName", "Committed")).assertStatus(200);
            api.put("/mongo-profiles/" + mongoProfile, Map.of("displayName", "Committed")).assertStatus(200);

            assertThat(doomed.kill()).as("exit code of SIGKILL").isEqualTo(137);
        }
        assertThat(outboxRow(jdbcProfile)).as("the committed event waits in the outbox").containsEntry("published", false);
        assertThat(mongoOutbox(mongoProfile)).as("the committed event waits in its document").hasSize(1);
        assertThat(recordsFor(jdbcProfile)).isEmpty();
        assertThat(recordsFor(mongoProfile)).isEmpty();

        try (ServiceProcess restarted = ServiceProcess.start(properties, LOGS.resolve("restarted-process.log"))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(recordsFor(jdbcProfile)).hasSize(1);
                assertThat(recordsFor(mongoProfile)).hasSize(1);
            });
            // and no second copy follows
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(recordsFor(jdbcProfile)).hasSize(1);
                assertThat(recordsFor(mongoProfile)).hasSize(1);
            });
            assertThat(outboxRow(jdbcProfile)).containsEntry("published", true);
            assertThat(mongoOutbox(mongoProfile)).isEmpty();
            assertThat(TopicRecords.header(recordsFor(jdbcProfile).getFirst(), CloudEventHeaders.ID))
                    .isEqualTo(outboxRow(jdbcProfile).get("eventId").toString());
            // the restarted service's own listener applied it, once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replicaAppliedCount(jdbcProfile))
                    .as("times the replica was changed").isEqualTo(1));
        }
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(properties);
        changed.put(name, value);
        return changed;
    }

    private List<ConsumerRecord<String, String>> recordsFor(UUID key) {
        return TopicRecords.on(infrastructure.kafkaBootstrapServers()).withKey(TOPIC, key.toString());
    }

    private Map<String, Object> outboxRow(UUID key) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select event_id, published_at is not null as published from outbox_event where event_key = ?")) {
            query.setString(1, key.toString());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("outbox row for " + key).isTrue();
                return Map.of("eventId", row.getObject("event_id"), "published", row.getBoolean("published"));
            }
        }
    }

    private int replicaAppliedCount(UUID id) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select applied_count from profile_replica where id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    private List<Document> mongoOutbox(UUID id) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri(DATABASE))) {
            Document profile = client.getDatabase(DATABASE).getCollection(MongoProfiles.COLLECTION)
                    .find(Filters.eq("_id", id.toString())).first();
            assertThat(profile).as("mongo profile " + id).isNotNull();
            return profile.getList(MongoOutbox.FIELD, Document.class, List.of());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(properties.get("spring.datasource.url"), infrastructure.postgresUser(),
                infrastructure.postgresPassword());
    }
}
