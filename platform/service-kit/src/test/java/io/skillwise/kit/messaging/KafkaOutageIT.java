package io.skillwise.kit.messaging;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.ProfileReplicas;
import io.skillwise.testsupport.TestInfrastructure;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Proof 2: Kafka is down for 30 seconds while clients keep writing. Every write is accepted at once (the outbox
 * needs only the database), and once the broker is back every event is published and applied exactly once.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.outage")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class KafkaOutageIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".outage";
    private static final Duration OUTAGE = Duration.ofSeconds(30);

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
    MeterRegistry meters;

    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void kafkaIsBack(TestInfrastructure infrastructure) {
        writer.shutdownNow();
        infrastructure.startKafka(); // no-op when running; other test classes share the broker
    }

    record Write(UUID profile, boolean mongo, int status, long millis) {
    }

    @Test
    void writesAreAcceptedWhileKafkaIsDownAndEveryEventArrivesOnceItIsBack(TestInfrastructure infrastructure) {
        ApiClient api = ApiClient.root(port).as(TestUser.student());
        UUID warmUp = UUID.randomUUID();
        api.put("/profiles/" + warmUp, Map.of("displayName", "warm-up")).assertStatus(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe.ofKey(warmUp.toString()))
                .isNotEmpty());

        infrastructure.stopKafka();
        long outageStart = System.nanoTime();
        Queue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        writer.scheduleAtFixedRate(() -> {
            UUID profile = UUID.randomUUID();
            boolean mongo = sequence.incrementAndGet() % 2 == 0;
            long start = System.nanoTime();
            ApiResponse response = api.put((mongo ? "/mongo-profiles/" : "/profiles/") + profile,
                    Map.of("displayName", "offline"));
            writes.add(new Write(profile, mongo, response.status(), (System.nanoTime() - start) / 1_000_000));
        }, 0, 200, TimeUnit.MILLISECONDS);
        await().pollInterval(Duration.ofSeconds(1)).atMost(OUTAGE.plusSeconds(10))
                .untilAsserted(() -> assertThat(Duration.ofNanos(System.nanoTime() - outageStart))
                        .as("time Kafka has been down").isGreaterThanOrEqualTo(OUTAGE));
        writer.shutdown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(writer.isTerminated()).isTrue());
        assertThat(jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .as("events waiting in the JDBC outbox while Kafka is down").isPositive();
        // what the "outbox older than a minute" alert reads: the first offline write has waited the whole outage
        assertThat(oldestWaitingSeconds("jdbc")).as("age of the oldest waiting JDBC event").isGreaterThanOrEqualTo(20);
        assertThat(oldestWaitingSeconds("mongo")).as("age of the oldest waiting Mongo event").isGreaterThanOrEqualTo(20);

        infrastructure.startKafka();

        List<Write> accepted = List.copyOf(writes);
        assertThat(accepted).hasSizeGreaterThan(100);
        // A write that waited for Kafka would take seconds (a producer's max.block.ms: 60 s by default). The bounds
        // leave room for a busy build machine, not for a broker round trip.
        assertThat(accepted).allSatisfy(write -> {
            assertThat(write.status()).isEqualTo(200);
            assertThat(write.millis()).as("write latency (ms) while Kafka is down").isLessThan(2500);
        });
        assertThat(accepted.stream().mapToLong(Write::millis).sorted().skip(accepted.size() / 2).findFirst().orElseThrow())
                .as("median write latency (ms) while Kafka is down").isLessThan(250);
        Set<String> expectedKeys = accepted.stream().map(w -> w.profile().toString()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(expectedKeys).allSatisfy(key -> assertThat(probe.ofKey(key)).isNotEmpty()));

        Map<String, List<ConsumerRecord<String, String>>> onTheWire = TopicRecords.on(kafka).readAll(TOPIC).stream()
                .filter(record -> expectedKeys.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(onTheWire).as("every event published").hasSize(expectedKeys.size());
        // Publication is at least once: a send whose acknowledgement is lost is repeated, with the same ce_id, and the
        // consumer's inbox absorbs it. What must hold exactly once is the effect.
        assertThat(onTheWire.values()).allSatisfy(records -> assertThat(records.stream()
                .map(record -> TopicRecords.header(record, CloudEventHeaders.ID)).distinct()).hasSize(1));
        long duplicates = onTheWire.values().stream().mapToLong(records -> records.size() - 1).sum();
        System.out.printf("Kafka outage: %d writes accepted, %d events published, %d duplicate publications%n",
                accepted.size(), onTheWire.size(), duplicates);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(accepted).allSatisfy(write ->
                assertThat(appliedCount(write)).as("state changes for " + write).isEqualTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .as("unpublished outbox rows").isZero());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(oldestWaitingSeconds("jdbc")).as("nothing waits in the JDBC outbox").isZero();
            assertThat(oldestWaitingSeconds("mongo")).as("nothing waits in the Mongo outbox").isZero();
        });
        Map<Boolean, Long> byStore = accepted.stream().collect(Collectors.groupingBy(Write::mongo, Collectors.counting()));
        assertThat(byStore).containsOnlyKeys(true, false);
    }

    /** How often the listener changed the replica for this write's profile (JDBC inbox and Mongo, which must agree). */
    private int appliedCount(Write write) {
        int jdbcCount = jdbc.sql("select applied_count from profile_replica where id = :id").param("id", write.profile())
                .query(Integer.class).optional().orElse(0);
        Document replica = mongo.findOne(query(where("_id").is(write.profile().toString())), Document.class,
                ProfileReplicas.MONGO_COLLECTION);
        int mongoCount = replica == null ? 0 : replica.getInteger("appliedCount");
        return jdbcCount == mongoCount ? jdbcCount : -1;
    }

    private double oldestWaitingSeconds(String store) {
        return meters.get("skillwise.outbox.oldest.age").tag("store", store).gauge().value();
    }
}
