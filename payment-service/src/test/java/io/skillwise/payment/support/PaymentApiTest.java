package io.skillwise.payment.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What payment's integration tests share: the service on a random port with its own PostgreSQL database and Kafka,
 * test users' tokens, the price replica that puts courses on sale, Stripe's signed webhooks, and the database to read
 * what the service wrote (order status, outbox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
public abstract class PaymentApiTest {

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    @Autowired
    protected PriceReplicaService replica;

    @Autowired
    protected JdbcClient jdbc;

    /** payment-service from its root: paths are {@code /api/v1/...}. */
    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.root(port);
    }

    /** A published course of this instructor at this price, as catalog's event puts it in the price replica. */
    protected CoursePublished courseOnSale(UUID instructorId, long price) {
        CoursePublished course = Courses.published(instructorId, price);
        replica.applySnapshot(course);
        return course;
    }

    /** {@code POST /payments/create} for one course, with a fresh Idempotency-Key. */
    protected ApiResponse checkout(TestUser buyer, UUID courseId) {
        return api.as(buyer).withHeader("Idempotency-Key", newKey())
                .post("/api/v1/payments/create", Map.of("courseId", courseId));
    }

    /** The order id of a checkout that must succeed. */
    protected UUID checkedOut(TestUser buyer, UUID courseId) {
        ApiResponse created = checkout(buyer, courseId);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("orderId"));
    }

    /** A Stripe event of this type around this object, signed now and delivered; must be received (200). */
    protected ApiResponse deliver(String type, Map<String, Object> object) {
        String payload = StripeWebhooks.event(StripeWebhooks.newEventId(), type, object);
        ApiResponse response = api.withHeader("Stripe-Signature", StripeWebhooks.sign(payload))
                .post(StripeWebhooks.PATH, payload);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    protected String status(Object orderId) {
        return jdbc.sql("select status from payment_order where id = :id")
                .param("id", UUID.fromString(orderId.toString())).query(String.class).single();
    }

    /** The order's events in the outbox, in publication order, without prefix and version. */
    protected List<String> eventTypes(Object orderId) {
        return OutboxEvents.types(jdbc, orderId.toString());
    }

    protected static String newKey() {
        return UUID.randomUUID().toString();
    }

    protected static String newPaymentIntent() {
        return "pi_test_" + UUID.randomUUID().toString().replace("-", "");
    }
}
