package io.skillwise.payment.checkout;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.payment.support.Courses;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A purchase end to end through HTTP with the local provider: no Stripe, the same webhook path. */
class CheckoutFlowIT extends PaymentApiTest {

    /** promotion-service is down for this class: a port nothing listens on, whatever else runs on the machine. */
    @DynamicPropertySource
    static void promotionServiceDown(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        registry.add("skillwise.payment.promotions.url", () -> "http://127.0.0.1:" + closedPort);
    }

    TestTokens tokens = TestTokens.shared();
    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @Test
    void purchaseOnTheLocalPageIsPublishedInvoicedAndRefundable() {
        CoursePublished course = courseOnSale(instructor.id(), 4999);
        String key = UUID.randomUUID().toString();

        ApiResponse created = api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create",
                Map.of("courseId", course.courseId()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.body().path("amount").path("amount").asLong()).isEqualTo(4999);
        assertThat(created.body().path("amount").path("currency").asString()).isEqualTo("USD");
        String orderId = created.text("orderId");
        assertThat(created.text("checkoutUrl")).endsWith("/api/v1/payments/local-checkout/" + orderId);

        ApiResponse again = api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create",
                Map.of("courseId", course.courseId()));
        assertThat(again.text("orderId")).as("same Idempotency-Key, same order").isEqualTo(orderId);

        ApiResponse page = api.get("/api/v1/payments/local-checkout/" + orderId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Pay", "Pay with a failing card", "Cancel", "49.99 USD");

        ApiResponse paid = api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.text()).contains("Payment accepted");

        JsonNode order = history(buyer).path("items").get(0);
        assertThat(order.path("orderId").asString()).isEqualTo(orderId);
        assertThat(order.path("status").asString()).isEqualTo("PAID");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TopicRecords.on(kafka).withKey(Topics.PAYMENT_ORDER,
                    orderId);
            assertThat(records).extracting(r -> TopicRecords.header(r, CloudEventHeaders.TYPE))
                    .containsExactly("io.skillwise.payment.CheckoutStarted.v1", "io.skillwise.payment.CoursePurchased.v1");
        });
        JsonNode purchased = ApiClient.JSON.readTree(TopicRecords.on(kafka).withKey(Topics.PAYMENT_ORDER, orderId)
                .get(1).value());
        assertThat(purchased.path("buyerId").asString()).isEqualTo(buyer.id().toString());
        assertThat(purchased.path("total").path("amount").asLong()).isEqualTo(4999);
        JsonNode line = purchased.path("lines").get(0);
        assertThat(line.path("courseId").asString()).isEqualTo(course.courseId().toString());
        assertThat(line.path("platformFee").path("amount").asLong()).isEqualTo(1500);
        String invoiceId = order.path("invoiceId").asString();
        assertThat(purchased.path("invoiceId").asString()).isEqualTo(invoiceId);

        ApiResponse pdf = api.as(buyer).withHeader("Accept", "application/pdf")
                .get("/api/v1/payments/invoices/" + invoiceId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.raw(), 0, 5)).isEqualTo("%PDF-");
        assertThat(api.as(TestUser.student()).withHeader("Accept", "application/pdf")
                .get("/api/v1/payments/invoices/" + invoiceId).status()).as("someone else's invoice").isEqualTo(403);
        ApiResponse invoice = api.as(TestUser.admin()).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + invoiceId);
        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.text("number")).matches("SW-\\d{4}-\\d{6}");
        assertThat(invoice.body().path("total").path("amount").asLong()).isEqualTo(4999);

        JsonNode sale = earnings(instructor).path("totals").get(0);
        assertThat(sale.path("currency").asString()).isEqualTo("USD");
        assertThat(sale.path("gross").asLong()).isEqualTo(4999);
        assertThat(sale.path("platformFee").asLong()).isEqualTo(1500);
        assertThat(sale.path("net").asLong()).isEqualTo(3499);
        assertThat(api.as(buyer).get("/api/v1/instructors/earnings").status())
                .as("students have no ledger").isEqualTo(403);
        ApiResponse withoutSecondFactor = api.withToken(tokens.token(instructor, claims ->
                claims.remove("mfa_enabled"))).get("/api/v1/instructors/earnings");
        assertThat(withoutSecondFactor.status()).isEqualTo(403);
        assertThat(withoutSecondFactor.text("type")).endsWith("mfa-required");
        assertThat(api.as(TestUser.student()).post("/api/v1/payments/" + orderId + "/refund", Map.of()).status())
                .as("someone else's order").isEqualTo(403);
        assertThat(api.as(buyer).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/create", Map.of("courseId", course.courseId())).status()).as("already owned")
                        .isEqualTo(409);

        ApiResponse refund = api.as(buyer).post("/api/v1/payments/" + orderId + "/refund",
                Map.of("reason", "not what I expected"));
        assertThat(refund.status()).as(refund.body().toString()).isEqualTo(202);
        assertThat(history(buyer).path("items").get(0).path("status").asString()).isEqualTo("REFUNDED");
        JsonNode ledger = earnings(instructor);
        assertThat(ledger.path("items")).hasSize(2);
        JsonNode balance = ledger.path("totals").get(0);
        assertThat(balance.path("gross").asLong()).isZero();
        assertThat(balance.path("net").asLong()).isZero();
        assertThat(balance.path("platformFee").asLong()).isZero();
        String refunded = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%PaymentRefunded%'")
                .param("key", orderId).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(refunded).path("full").asBoolean()).isTrue();
        assertThat(ApiClient.JSON.readTree(refunded).path("reason").asString()).isEqualTo("not what I expected");
    }

    @Test
    void failingCardLeavesTheOrderUnpaidAndSaysSo() {
        CoursePublished course = courseOnSale(instructor.id(), 1999);
        ApiResponse created = checkout(buyer, course.courseId());
        String orderId = created.text("orderId");

        assertThat(api.get("/api/v1/payments/local-checkout/" + orderId + "/fail").text())
                .contains("declined");

        String failed = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%PaymentFailed%'")
                .param("key", orderId).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(failed).path("failureCode").asString()).isEqualTo("card_declined");
        assertThat(api.as(TestUser.admin()).get("/api/v1/admin/payments?status=FAILED").body()
                .path("items").findValuesAsString("orderId")).contains(orderId);
    }

    @Test
    void buyerRefundWindowClosesAfterThirtyDaysButNotForAdmins() {
        CoursePublished course = Courses.published(instructor.id(), 2999);
        replica.applySnapshot(course);
        String orderId = api.as(buyer).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/create", Map.of("courseId", course.courseId())).text("orderId");
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        jdbc.sql("update payment_order set paid_at = now() - interval '31 days' where id = :id")
                .param("id", UUID.fromString(orderId)).update();

        ApiResponse late = api.as(buyer).post("/api/v1/payments/" + orderId + "/refund", Map.of());
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.text("detail")).contains("30 days");
        assertThat(api.as(TestUser.admin()).post("/api/v1/payments/" + orderId + "/refund", Map.of("reason",
                "goodwill")).status()).isEqualTo(202);
        assertThat(history(buyer).path("items").findValuesAsString("status")).contains("REFUNDED");
    }

    @Test
    void checkoutIsRefusedWhenItCannotBeSold() {
        CoursePublished own = Courses.published(instructor.id(), 999);
        CoursePublished free = Courses.free(instructor.id());
        replica.applySnapshot(own);
        replica.applySnapshot(free);
        String key = UUID.randomUUID().toString();

        assertThat(api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create", Map.of("courseId",
                UUID.randomUUID())).status())
                .as("unknown course").isEqualTo(404);
        assertThat(api.as(instructor).withHeader("Idempotency-Key", key).post("/api/v1/payments/create",
                Map.of("courseId", own.courseId())).status())
                .as("own course").isEqualTo(400);
        ApiResponse freeCourse = api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create",
                Map.of("courseId", free.courseId()));
        assertThat(freeCourse.status()).isEqualTo(400);
        assertThat(freeCourse.text("detail")).contains("/enroll");
        assertThat(api.as(buyer.withEmailVerified(false)).withHeader("Idempotency-Key", key)
                .post("/api/v1/payments/create", Map.of("courseId", own.courseId()))
                .status()).as("unverified email").isEqualTo(403);
        ApiResponse coupon = api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create",
                Map.of("courseId", own.courseId(), "couponCode", "SAVE10"));
        assertThat(coupon.status()).isEqualTo(503);
        assertThat(coupon.text("detail")).contains("promotions are unavailable");
        assertThat(api.as(buyer).post("/api/v1/payments/create", Map.of("courseId", own.courseId())).status())
                .as("no Idempotency-Key").isEqualTo(400);
        assertThat(api.withHeader("Idempotency-Key", key).post("/api/v1/payments/create", Map.of("courseId",
                own.courseId())).status()).isEqualTo(401);

        replica.applySnapshot(Courses.repriced(own, 999, 2, CourseStatus.UNPUBLISHED));
        assertThat(api.as(buyer).withHeader("Idempotency-Key", key).post("/api/v1/payments/create", Map.of("courseId",
                own.courseId())).status())
                .as("unpublished").isEqualTo(404);
    }

    @Test
    void priceReplicaFollowsCatalogEventsAndIgnoresStaleRevisions() {
        CoursePublished course = Courses.published(instructor.id(), 1000);
        TopicRecords.on(kafka).publish(Courses.repriced(course, 2500, 3, CourseStatus.PUBLISHED));
        TopicRecords.on(kafka).publish(course);   // revision 1 arriving late changes nothing

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(replica.find(course.courseId())).hasValueSatisfying(price -> {
                    assertThat(price.price().amount()).isEqualTo(2500);
                    assertThat(price.revision()).isEqualTo(3);
                }));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(replica.find(course.courseId()).orElseThrow().price().amount()).isEqualTo(2500));
        ApiResponse created = checkout(buyer, course.courseId());
        assertThat(created.body().path("amount").path("amount").asLong()).isEqualTo(2500);
    }

    private JsonNode history(TestUser user) {
        ApiResponse history = api.as(user).get("/api/v1/payments/history");
        assertThat(history.status()).isEqualTo(200);
        return history.body();
    }

    private JsonNode earnings(TestUser user) {
        ApiResponse earnings = api.as(user).get("/api/v1/instructors/earnings");
        assertThat(earnings.status()).as(earnings.body().toString()).isEqualTo(200);
        return earnings.body();
    }
}
