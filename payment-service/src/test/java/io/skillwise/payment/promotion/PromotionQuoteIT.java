package io.skillwise.payment.promotion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Coupon, referral and bundle checkouts priced by promotion-service's quote. WireMock stands in for
 * promotion-service's {@code /internal/promotions/quote} and Keycloak's token endpoint, so the failure behaviour
 * (timeout, open breaker) can be provoked; the real services meet in system-tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionQuoteIT extends PaymentApiTest {

    static final WireMockServer PROMOTIONS = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        PROMOTIONS.start();
        PROMOTIONS.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    @DynamicPropertySource
    static void promotions(DynamicPropertyRegistry registry) {
        registry.add("skillwise.payment.promotions.url", PROMOTIONS::baseUrl);
        registry.add("skillwise.service-token.token-url", () -> PROMOTIONS.baseUrl() + "/token");
        registry.add("skillwise.payment.promotions.timeout", () -> "2s");
        registry.add("skillwise.payment.promotions.breaker-window", () -> "4");
        registry.add("skillwise.payment.promotions.breaker-minimum-calls", () -> "2");
        registry.add("skillwise.payment.promotions.breaker-open-for", () -> "1h");
    }

    @AfterAll
    static void stop() {
        PROMOTIONS.stop();
    }

    @Autowired
    PromotionsClient client;

    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @Test
    @Order(1)
    void bundleIsOneOrderWithALinePerCourseAndEveryLineIsPurchased() {
        CoursePublished a = course(3000);
        CoursePublished b = course(2000);
        UUID bundleId = UUID.randomUUID();
        // bundle price 4000 for 5000 of courses: 1000 off, spread 600 / 400 by promotion-service
        stubQuote("bundleId", bundleId.toString(), quote(bundleId, List.of(line(a, 3000, 600), line(b, 2000, 400)), null, null,
                List.of()));

        ApiResponse created = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("bundleId", bundleId));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("amount").path("amount").asLong()).isEqualTo(4000);
        String orderId = created.text("orderId");
        PROMOTIONS.verify(postRequestedFor(urlEqualTo("/internal/promotions/quote"))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .withRequestBody(matchingJsonPath("$.bundleId", equalTo(bundleId.toString())))
                .withRequestBody(matchingJsonPath("$.buyerId", equalTo(buyer.id().toString()))));

        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");

        JsonNode purchased = outbox(orderId, "CoursePurchased");
        assertThat(purchased.path("bundleId").asString()).isEqualTo(bundleId.toString());
        assertThat(purchased.path("total").path("amount").asLong()).isEqualTo(4000);
        assertThat(purchased.path("discount").path("amount").asLong()).isEqualTo(1000);
        assertThat(purchased.path("lines").findValuesAsString("courseId"))
                .containsExactly(a.courseId().toString(), b.courseId().toString());
        assertThat(purchased.path("lines").get(0).path("paid").path("amount").asLong()).isEqualTo(2400);
        assertThat(purchased.path("lines").get(0).path("platformFee").path("amount").asLong()).isEqualTo(720);
        assertThat(purchased.path("lines").get(1).path("platformFee").path("amount").asLong()).isEqualTo(480);

        JsonNode order = api.as(buyer).get("/api/v1/payments/history").body().path("items").get(0);
        assertThat(order.path("bundleId").asString()).isEqualTo(bundleId.toString());
        assertThat(order.path("lines")).hasSize(2);
        JsonNode invoice = api.as(buyer).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + order.path("invoiceId").asString()).body();
        assertThat(invoice.path("lines")).hasSize(2);
        assertThat(invoice.path("total").path("amount").asLong()).isEqualTo(4000);
        JsonNode ledger = api.as(instructor).get("/api/v1/instructors/earnings").body();
        assertThat(ledger.path("items")).as("one ledger entry per line").hasSize(2);
        assertThat(ledger.path("totals").get(0).path("gross").asLong()).isEqualTo(4000);

        ApiResponse again = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("bundleId", bundleId));
        assertThat(again.status()).as("the buyer owns the bundle's courses now").isEqualTo(409);

        // a full refund of the bundle takes every course back and reverses every line
        assertThat(api.as(buyer).post("/api/v1/payments/" + orderId + "/refund", Map.of())
                .status()).isEqualTo(202);
        JsonNode refunded = outbox(orderId, "PaymentRefunded");
        assertThat(refunded.path("full").asBoolean()).isTrue();
        assertThat(refunded.path("courseIds").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(a.courseId().toString(), b.courseId().toString());
        JsonNode balance = api.as(instructor).get("/api/v1/instructors/earnings").body()
                .path("totals").get(0);
        assertThat(balance.path("gross").asLong()).isZero();
        assertThat(balance.path("platformFee").asLong()).isZero();
        assertThat(balance.path("net").asLong()).isZero();
    }

    @Test
    @Order(2)
    void rejectedCouponStopsTheCheckoutAndCreatesNothing() {
        CoursePublished a = course(5000);
        stubQuote("courseId", a.courseId().toString(), quote(null, List.of(line(a, 5000, 0)), null, null,
                List.of(Map.of("kind", "COUPON", "code", "EXPIRED10", "reason", "INVALID_CODE",
                        "message", "this code cannot be used"))));

        ApiResponse refused = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId(), "couponCode", "EXPIRED10"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("coupon-not-applicable");
        assertThat(refused.text("detail")).isEqualTo("this code cannot be used");
        assertThat(orders()).isZero();
    }

    @Test
    @Order(3)
    void couponAndAffiliateCodeAreCarriedAndARejectedReferralIsDropped() {
        CoursePublished a = course(4000);
        UUID couponId = UUID.randomUUID();
        stubQuote("courseId", a.courseId().toString(), quote(null, List.of(line(a, 4000, 1000)),
                Map.of("couponId", couponId, "code", "SAVE25"), Map.of("code", "AFF-JO", "kind", "AFFILIATE"),
                List.of()));

        ApiResponse created = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId(), "couponCode", "SAVE25",
                "referralCode", "AFF-JO"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("amount").path("amount").asLong()).isEqualTo(3000);
        String orderId = created.text("orderId");
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        JsonNode purchased = outbox(orderId, "CoursePurchased");
        assertThat(purchased.path("couponId").asString()).isEqualTo(couponId.toString());
        assertThat(purchased.path("couponCode").asString()).isEqualTo("SAVE25");
        assertThat(purchased.path("affiliateCode").asString()).isEqualTo("AFF-JO");
        assertThat(purchased.path("referralCode").isMissingNode() || purchased.path("referralCode").isNull()).isTrue();

        CoursePublished b = course(2000);
        stubQuote("courseId", b.courseId().toString(), quote(null, List.of(line(b, 2000, 0)), null, null,
                List.of(Map.of("kind", "REFERRAL", "code", "STALE", "reason", "INVALID_CODE",
                        "message", "this code cannot be used"))));
        ApiResponse stale = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", b.courseId(), "referralCode", "STALE"));
        assertThat(stale.status()).as("a stale referral link does not stop the purchase").isEqualTo(201);
        JsonNode started = outbox(stale.text("orderId"), "CheckoutStarted");
        assertThat(started.path("total").path("amount").asLong()).isEqualTo(2000);
        assertThat(started.path("referralCode").isMissingNode() || started.path("referralCode").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void aSingleCourseWithoutACodeNeverCallsPromotions() {
        int before = PROMOTIONS.findAll(postRequestedFor(urlEqualTo("/internal/promotions/quote"))).size();
        CoursePublished a = course(1500);
        ApiResponse created = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(PROMOTIONS.findAll(postRequestedFor(urlEqualTo("/internal/promotions/quote")))).hasSize(before);
        assertThat(api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create", Map.of())
                .status())
                .as("neither course nor bundle").isEqualTo(400);
        assertThat(api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId(), "bundleId", UUID.randomUUID())).status()).as("both").isEqualTo(400);
    }

    @Test
    @Order(5)
    void unknownBundleIs404AndABundleWithACourseAlreadyOwnedIs409() {
        UUID unknown = UUID.randomUUID();
        PROMOTIONS.stubFor(post(urlEqualTo("/internal/promotions/quote"))
                .withRequestBody(matchingJsonPath("$.bundleId", equalTo(unknown.toString())))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"detail\":\"bundle not found\"}")));
        assertThat(api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("bundleId", unknown)).status()).isEqualTo(404);
        assertThat(client.state()).as("an answer is not a failure").isEqualTo(CircuitBreaker.State.CLOSED);

        CoursePublished owned = course(1000);
        CoursePublished other = course(2000);
        String single = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", owned.courseId())).text("orderId");
        api.get("/api/v1/payments/local-checkout/" + single + "/pay");
        UUID bundleId = UUID.randomUUID();
        stubQuote("bundleId", bundleId.toString(), quote(bundleId, List.of(line(owned, 1000, 100),
                line(other, 2000, 200)), null, null, List.of()));
        ApiResponse conflict = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("bundleId", bundleId));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("detail")).contains(owned.courseId().toString())
                .doesNotContain(other.courseId().toString());
    }

    @Test
    @Order(6)
    void partialRefundsOfABundleSpreadOverItsLinesAndTheLedgerReconciles() {
        CoursePublished a = course(3000);
        CoursePublished b = course(2000);
        CoursePublished c = course(1000);
        UUID bundleId = UUID.randomUUID();
        stubQuote("bundleId", bundleId.toString(), quote(bundleId, List.of(line(a, 3000, 300), line(b, 2000, 200),
                line(c, 1000, 100)), null, null, List.of()));
        String orderId = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("bundleId", bundleId)).text("orderId");
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        String intent = jdbc.sql("select payment_intent_id from payment_order where id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();

        refund(intent, 5400, 1001);
        JsonNode order = api.as(buyer).get("/api/v1/payments/history").body().path("items").get(0);
        assertThat(order.path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order.path("lines").findValues("refunded").stream().mapToLong(m -> m.path("amount").asLong()))
                .containsExactly(500L, 334L, 167L);
        JsonNode partly = api.as(instructor).get("/api/v1/instructors/earnings").body()
                .path("totals").get(0);
        assertThat(partly.path("gross").asLong()).isEqualTo(5400 - 1001);
        assertThat(partly.path("net").asLong()).isEqualTo(partly.path("gross").asLong()
                - partly.path("platformFee").asLong());
        assertThat(outbox(orderId, "PaymentRefunded").path("courseIds")).as("a partial refund takes no course")
                .isEmpty();
        // the event says per line what went back and what of its fee, exactly as the ledger reversed it
        List<JsonNode> split = outbox(orderId, "PaymentRefunded").path("lines").valueStream().toList();
        assertThat(split.stream().mapToLong(line -> line.path("amount").path("amount").asLong()))
                .containsExactly(500L, 334L, 167L);
        assertThat(split.stream().map(line -> line.path("courseId").asString()))
                .containsExactly(a.courseId().toString(), b.courseId().toString(), c.courseId().toString());
        long saleFee = outbox(orderId, "CoursePurchased").path("lines").valueStream()
                .mapToLong(line -> line.path("platformFee").path("amount").asLong()).sum();
        assertThat(split.stream().mapToLong(line -> line.path("platformFee").path("amount").asLong()).sum())
                .isEqualTo(saleFee - partly.path("platformFee").asLong()).isPositive();

        refund(intent, 5400, 5400);
        JsonNode balance = api.as(instructor).get("/api/v1/instructors/earnings").body()
                .path("totals").get(0);
        assertThat(balance.path("gross").asLong()).isZero();
        assertThat(balance.path("platformFee").asLong()).isZero();
        assertThat(balance.path("net").asLong()).isZero();
        assertThat(api.as(buyer).get("/api/v1/payments/history").body().path("items").get(0)
                .path("status").asString()).isEqualTo("REFUNDED");
    }

    @Test
    @Order(7)
    void aGuesserRefusedByPromotionsIs429WithItsRetryAfterAndTheAddressTravelsAlong() {
        CoursePublished a = course(3500);
        PROMOTIONS.stubFor(post(urlEqualTo("/internal/promotions/quote"))
                .withRequestBody(matchingJsonPath("$.courseId", equalTo(a.courseId().toString())))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":429,\"detail\":\"Too many codes that cannot be used were tried\"}")));

        ApiResponse refused = api.as(buyer).withHeader("Idempotency-Key", newKey())
                .withHeader("X-SkillWise-Client-Address", "203.0.113.5")
                .post("/api/v1/payments/create", Map.of("courseId", a.courseId(), "couponCode", "GUESS"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("120");
        assertThat(refused.text("detail")).isEqualTo("Too many codes that cannot be used were tried");
        assertThat(client.state()).as("an answer is not a failure").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(orders()).as("nothing created").isZero();
        PROMOTIONS.verify(postRequestedFor(urlEqualTo("/internal/promotions/quote"))
                .withRequestBody(matchingJsonPath("$.courseId", equalTo(a.courseId().toString())))
                .withHeader("X-SkillWise-Client-Address", equalTo("203.0.113.5")));
    }

    @Test
    @Order(10)
    void slowPromotionsAnswer503CreateNothingAndOpenTheBreaker() {
        CoursePublished a = course(2500);
        PROMOTIONS.stubFor(post(urlEqualTo("/internal/promotions/quote"))
                .withRequestBody(matchingJsonPath("$.courseId", equalTo(a.courseId().toString())))
                .willReturn(aResponse().withFixedDelay(3_000).withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json(quote(null, List.of(line(a, 2500, 0)), null, null, List.of())))));
        int before = PROMOTIONS.findAll(postRequestedFor(urlEqualTo("/internal/promotions/quote"))).size();

        for (int i = 0; i < 2; i++) {
            ApiResponse slow = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                    Map.of("courseId", a.courseId(), "couponCode", "SLOW"));
            assertThat(slow.status()).isEqualTo(503);
            assertThat(slow.text("type")).endsWith("promotions-unavailable");
        }
        assertThat(client.state()).isEqualTo(CircuitBreaker.State.OPEN);
        ApiResponse open = api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId(), "couponCode", "SLOW"));
        assertThat(open.status()).isEqualTo(503);
        assertThat(PROMOTIONS.findAll(postRequestedFor(urlEqualTo("/internal/promotions/quote"))))
                .as("an open breaker does not call").hasSize(before + 2);
        assertThat(orders()).as("nothing created").isZero();
        assertThat(api.as(buyer).withHeader("Idempotency-Key", newKey()).post("/api/v1/payments/create",
                Map.of("courseId", a.courseId())).status())
                .as("without a code checkout works while promotions are down").isEqualTo(201);
        PROMOTIONS.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));
    }

    private void refund(String intent, long paid, long refundedSoFar) {
        assertThat(deliver("charge.refunded", StripeWebhooks.refundedCharge(intent, paid, refundedSoFar))
                .text("result")).isEqualTo("APPLIED");
    }

    private CoursePublished course(long price) {
        return courseOnSale(instructor.id(), price);
    }

    private long orders() {
        return jdbc.sql("select count(*) from payment_order where buyer_id = :buyer").param("buyer", buyer.id())
                .query(Long.class).single();
    }

    private JsonNode outbox(String orderId, String type) {
        return OutboxEvents.payload(jdbc, orderId, type);
    }

    private static void stubQuote(String field, String value, Map<String, Object> answer) {
        PROMOTIONS.stubFor(post(urlEqualTo("/internal/promotions/quote"))
                .withRequestBody(matchingJsonPath("$." + field, equalTo(value)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(answer))));
    }

    private static Map<String, Object> line(CoursePublished course, long price, long discount) {
        return Map.of("courseId", course.courseId(), "price", money(price), "discount", money(discount),
                "paid", money(price - discount));
    }

    private static Map<String, Object> quote(UUID bundleId, List<Map<String, Object>> lines,
                                             Map<String, Object> coupon, Map<String, Object> referral,
                                             List<Map<String, Object>> rejected) {
        long price = lines.stream().mapToLong(l -> amount(l.get("price"))).sum();
        long discount = lines.stream().mapToLong(l -> amount(l.get("discount"))).sum();
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("currency", "USD");
        if (bundleId != null) {
            quote.put("bundleId", bundleId);
        }
        quote.put("lines", lines);
        quote.put("price", money(price));
        quote.put("discount", money(discount));
        quote.put("total", money(price - discount));
        if (coupon != null) {
            quote.put("coupon", coupon);
        }
        if (referral != null) {
            quote.put("referral", referral);
        }
        quote.put("applied", new ArrayList<>());
        quote.put("rejected", rejected);
        return quote;
    }

    @SuppressWarnings("unchecked")
    private static long amount(Object money) {
        return ((Number) ((Map<String, Object>) money).get("amount")).longValue();
    }

    private static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static String json(Object value) {
        return ApiClient.JSON.writeValueAsString(value);
    }
}
