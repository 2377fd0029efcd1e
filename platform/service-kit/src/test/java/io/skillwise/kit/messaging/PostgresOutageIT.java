package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.Topics;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.kit.messaging.support.OrderEvents;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestInfrastructure;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, point 3: PostgreSQL is down for 30 seconds while purchases and refunds arrive at a consumer that applies
 * them through the inbox. Every attempt fails for a transient reason, so the records are retried for as long as it
 * takes: afterwards every effect is there exactly once, each refund after its purchase, and nothing went to the
 * dead-letter topic. Meanwhile health says DEGRADED and the gauges show the stalled partitions.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skillwise.outbox.topic-suffix=.pgoutage", "testapp.purchases.enabled=true",
                "testapp.replicas.enabled=false", "skillwise.consumer.stuck-after=3s",
                "spring.datasource.hikari.connection-timeout=2000",
                "management.endpoint.health.show-details=always"})
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class PostgresOutageIT {

    private static final String TOPIC = Topics.PAYMENT_ORDER + ".pgoutage";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int ORDERS_PER_WAVE = 20;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void postgresIsBack(TestInfrastructure infrastructure) {
        infrastructure.startPostgres(); // no-op when running; other test classes share the server
    }

    @Test
    void purchasesArrivingWhilePostgresIsDownAreAllAppliedInOrderOnceItIsBack(TestInfrastructure infrastructure) {
        CoursePurchased warmUp = OrderEvents.purchase(UUID.randomUUID());
        TopicRecords.on(kafka).send(List.of(OrderEvents.record(TOPIC, warmUp)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effects(warmUp.orderId()))
                .containsExactly("purchased"));

        infrastructure.stopPostgres();
        long outageStart = System.nanoTime();
        List<UUID> orders = new ArrayList<>(sendOrders());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("skillwise.consumer.stalled").gauge().value()).isPositive();
            JsonHealth health = health();
            assertThat(health.component("eventConsumers")).isEqualTo("DEGRADED");
            assertThat(health.body().path("components").path("eventConsumers").path("details").path("stuck").get(0)
                    .path("topic").asString()).isEqualTo(TOPIC);
        });
        orders.addAll(sendOrders());
        await().pollInterval(Duration.ofSeconds(1)).atMost(OUTAGE.plusSeconds(10))
                .untilAsserted(() -> assertThat(Duration.ofNanos(System.nanoTime() - outageStart))
                        .as("time PostgreSQL has been down").isGreaterThanOrEqualTo(OUTAGE));

        infrastructure.startPostgres();

        // the test's own reads may fail too while the connection pool finds the restarted server
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(DataAccessException.class).untilAsserted(() ->
                assertThat(orders).allSatisfy(order ->
                        assertThat(effects(order)).as("effects of order " + order).containsExactly("purchased", "refunded")));
        Set<String> keys = orders.stream().map(UUID::toString).collect(Collectors.toSet());
        assertThat(TopicRecords.on(kafka).readAll(Topics.dlt(TOPIC))).as("dead letters of the outage")
                .noneMatch(record -> keys.contains(record.key()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(health().component("eventConsumers")).isEqualTo("UP");
            assertThat(meters.get("skillwise.consumer.stalled").gauge().value()).isZero();
        });
    }

    /** A purchase and then its refund for each of a wave of orders; the key keeps each pair on one partition. */
    private List<UUID> sendOrders() {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS_PER_WAVE; i++) {
            CoursePurchased purchase = OrderEvents.purchase(UUID.randomUUID());
            records.add(OrderEvents.record(TOPIC, purchase));
            records.add(OrderEvents.record(TOPIC, OrderEvents.refund(purchase)));
            orders.add(purchase.orderId());
        }
        TopicRecords.on(kafka).send(records);
        return orders;
    }

    private List<String> effects(UUID order) {
        return jdbc.sql("select effect from purchase_effect where order_id = :order order by id")
                .param("order", order).query(String.class).list();
    }

    private JsonHealth health() {
        return new JsonHealth(ApiClient.root(port).get("/actuator/health").body());
    }

    private record JsonHealth(tools.jackson.databind.JsonNode body) {

        String component(String name) {
            return body.path("components").path(name).path("status").asString();
        }
    }
}
