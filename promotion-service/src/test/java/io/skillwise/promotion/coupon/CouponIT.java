package io.skillwise.promotion.coupon;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.promotion.support.Orders;
import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.skillwise.promotion.support.Promotions.PATIENCE;
import static io.skillwise.promotion.support.Promotions.code;
import static io.skillwise.promotion.support.Promotions.money;
import static io.skillwise.promotion.support.Promotions.percentCoupon;
import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coupon management, ownership, validation, and redemptions counted from paid orders. */
class CouponIT extends PromotionApiTest {

    @Test
    void instructorsManageOnlyTheirOwnCoupons() {
        CoursePublished course = promotions.course(instructor.id(), 4000);
        TestUser other = TestUser.instructor();
        String id = promotions.coupon(instructor, percentCoupon(code("MINE"), 10, course.courseId()))
                .path("id").asString();
        String path = "/promotions/coupons/" + id;

        assertThat(api.as(other).get(path).status()).isEqualTo(404);
        assertThat(api.as(other).patch(path, Map.of("totalLimit", 1)).status()).isEqualTo(404);
        assertThat(api.as(other).post(path + "/pause", Map.of()).status()).isEqualTo(404);
        assertThat(api.as(other).delete(path).status()).isEqualTo(404);
        assertThat(api.as(other).get("/promotions/coupons").body().path("totalItems").asLong()).isZero();
        assertThat(api.as(other).post("/promotions/coupons", percentCoupon(code("THEIRS"), 10, course.courseId()))
                .status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).post("/promotions/coupons", percentCoupon(code("LEARNER"), 10,
                course.courseId())).status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).get(path).status()).isEqualTo(403);
        // still exactly as it was
        JsonNode coupon = api.as(instructor).get(path).body();
        assertThat(coupon.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(coupon.has("totalLimit")).isFalse();
        assertThat(api.as(TestUser.admin()).get(path).status()).isEqualTo(200);
        assertThat(api.as(instructor).get("/promotions/coupons").body().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void platformWideCouponsAreForAdminsOnly() {
        CoursePublished course = promotions.course(TestUser.instructor().id(), 4000);
        Map<String, Object> platform = new HashMap<>(Map.of("code", code("ALL"), "kind", "PERCENT",
                "percentOff", 5, "scope", "PLATFORM"));

        assertThat(api.as(instructor).post("/promotions/coupons", platform).status()).isEqualTo(403);
        ApiResponse created = api.as(TestUser.admin()).post("/promotions/coupons", platform);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("ownerId")).isFalse();
        assertThat(promotions.quoteCourse(UUID.randomUUID(), course.courseId(), (String) platform.get("code"), null)
                .body().at("/total/amount").asLong()).isEqualTo(3800);
        assertThat(api.as(instructor).get("/promotions/coupons/" + created.text("id")).status()).isEqualTo(404);
    }

    @Test
    void invalidCouponsAreRefusedAndChangeNothing() {
        CoursePublished course = promotions.course(instructor.id(), 4000);
        String taken = code("TAKEN");
        promotions.coupon(instructor, percentCoupon(taken, 10, course.courseId()));
        List<Map<String, Object>> invalid = List.of(
                without(percentCoupon(code("A"), 10, course.courseId()), "kind"),
                percentCoupon(code("B"), 0, course.courseId()),
                percentCoupon(code("C"), 101, course.courseId()),
                with(percentCoupon(code("D"), 10, course.courseId()), "amountOff", money(100)),
                with(without(percentCoupon(code("E"), 10, course.courseId()), "percentOff"), "kind", "FIXED"),
                percentCoupon(code("F"), 10),
                percentCoupon("no spaces allowed", 10, course.courseId()),
                percentCoupon(code("G"), 10, UUID.randomUUID()),
                with(with(percentCoupon(code("H"), 10, course.courseId()), "startsAt", "2030-01-02T00:00:00Z"),
                        "endsAt", "2030-01-01T00:00:00Z"),
                with(percentCoupon(code("I"), 10, course.courseId()), "totalLimit", 0),
                with(percentCoupon(code("L"), 10, course.courseId()), "minimumPrice", Map.of("amount", -1,
                        "currency", "USD")));

        for (Map<String, Object> body : invalid) {
            ApiResponse refused = api.as(instructor).post("/promotions/coupons", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        ApiResponse duplicate = api.as(instructor).post("/promotions/coupons", percentCoupon(taken.toLowerCase(), 20,
                course.courseId()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.as(instructor).get("/promotions/coupons").body().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void ownerStatusAndRedemptionsNeverBindFromARequest() {
        CoursePublished course = promotions.course(instructor.id(), 4000);
        for (String field : List.of("ownerId", "redemptions", "status", "createdBy")) {
            Map<String, Object> body = percentCoupon(code("BIND"), 10, course.courseId());
            body.put(field, field.endsWith("Id") || field.equals("createdBy") ? UUID.randomUUID() : "PAUSED");

            ApiResponse refused = api.as(instructor).post("/promotions/coupons", body);

            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.as(instructor).get("/promotions/coupons").body().path("totalItems").asLong()).isZero();
        assertThat(api.as(instructor).patch("/promotions/coupons/" + UUID.randomUUID(), Map.of("redemptions", 0))
                .status()).isEqualTo(400);
    }

    @Test
    void ownerChangesPausesResumesAndDeletesACoupon() {
        CoursePublished course = promotions.course(instructor.id(), 4000);
        String code = code("LIFE");
        String path = "/promotions/coupons/" + promotions.coupon(instructor, percentCoupon(code, 10,
                course.courseId())).path("id").asString();
        UUID buyer = UUID.randomUUID();

        ApiResponse changed = api.as(instructor).patch(path, Map.of("percentOff", 25, "perUserLimit", 2));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("perUserLimit").asInt()).isEqualTo(2);
        assertThat(promotions.quoteCourse(buyer, course.courseId(), code, null).body().at("/total/amount").asLong())
                .isEqualTo(3000);
        assertThat(api.as(instructor).patch(path, Map.of("amountOff", money(5))).status()).isEqualTo(400);
        assertThat(api.as(instructor).post(path + "/pause", Map.of()).body().path("status").asString())
                .isEqualTo("PAUSED");
        assertThat(promotions.quoteCourse(buyer, course.courseId(), code, null).body()
                .at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        assertThat(api.as(instructor).post(path + "/resume", Map.of()).body().path("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(promotions.quoteCourse(buyer, course.courseId(), code, null).body().at("/total/amount").asLong())
                .isEqualTo(3000);
        assertThat(api.as(instructor).delete(path).status()).isEqualTo(204);
        assertThat(api.as(instructor).get(path).status()).isEqualTo(404);
    }

    @Test
    void aPaidOrderRedeemsTheCouponWithItsOwnShareOfTheDiscount() {
        CoursePublished course = promotions.course(instructor.id(), 10000);
        Instant now = Instant.now();
        assertThat(api.as(instructor).post("/promotions/sales", Map.of("courseId", course.courseId(), "salePrice",
                money(8000),
                "startsAt", now.minusSeconds(5).toString(), "endsAt", now.plusSeconds(3600).toString()))
                .status()).isEqualTo(201);
        String code = code("SHARE");
        String id = promotions.coupon(instructor, percentCoupon(code, 10, course.courseId())).path("id").asString();
        UUID buyer = UUID.randomUUID();
        JsonNode quote = promotions.quoteCourse(buyer, course.courseId(), code, null).body();
        CoursePurchased purchase = Orders.fromQuote(buyer, quote, instructor.id(), null, Instant.now());
        assertThat(purchase.discount().amount()).isEqualTo(2800);

        // delivered twice, as Kafka may: counted once
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(purchase);
        topics.send(List.of(record, record));

        CouponRedeemed redeemed = eventually(PATIENCE, () -> topics.events(CouponRedeemed.class)
                .stream().filter(e -> e.orderId().equals(purchase.orderId())).findFirst().orElse(null),
                value -> assertThat(value).isNotNull());
        assertThat(redeemed.discount().amount()).isEqualTo(800);
        assertThat(redeemed.code()).isEqualTo(code);
        assertThat(redeemed.ownerId()).isEqualTo(instructor.id());
        assertThat(redeemed.buyerId()).isEqualTo(buyer);
        assertThat(redeemed.courseIds()).containsExactly(course.courseId());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(instructor).get("/promotions/coupons/" + id)
                .body().path("redemptions").asInt()).isEqualTo(1));
        assertThat(topics.events(CouponRedeemed.class).stream()
                .filter(e -> e.orderId().equals(purchase.orderId())).count()).isEqualTo(1);
        assertThat(api.as(instructor).delete("/promotions/coupons/" + id).status()).isEqualTo(409);
    }

    /**
     * ADR 0006 point 6: a limit reached between quote and payment is honoured as priced. With a total limit of 3
     * and 8 checkouts quoted before any was paid, all 8 paid orders count (the limit is exceeded by the 5 checkouts
     * still open when the third redemption happened, never by more), the count is exact under parallel delivery,
     * and no new checkout gets the code once the limit is reached.
     */
    @Test
    void parallelPurchasesExceedATotalLimitOnlyByTheCheckoutsAlreadyQuoted() throws Exception {
        CoursePublished course = promotions.course(instructor.id(), 2000);
        String code = code("LIMIT");
        Map<String, Object> fields = percentCoupon(code, 50, course.courseId());
        fields.put("totalLimit", 3);
        String id = promotions.coupon(instructor, fields).path("id").asString();
        int quoted = 8;

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CoursePurchased>> checkouts = new ArrayList<>();
            for (int i = 0; i < quoted; i++) {
                checkouts.add(() -> {
                    UUID buyer = UUID.randomUUID();
                    JsonNode quote = promotions.quoteCourse(buyer, course.courseId(), code, null).body();
                    assertThat(quote.at("/total/amount").asLong()).isEqualTo(1000);
                    return Orders.fromQuote(buyer, quote, instructor.id(), null, Instant.now());
                });
            }
            List<CoursePurchased> paid = new ArrayList<>();
            for (Future<CoursePurchased> checkout : pool.invokeAll(checkouts)) {
                paid.add(checkout.get());
            }
            // all payments land at once, each on its own partition key, while new buyers keep asking
            List<Future<?>> sent = new ArrayList<>();
            for (CoursePurchased purchase : paid) {
                sent.add(pool.submit(() -> topics.publish(purchase)));
            }
            for (Future<?> send : sent) {
                send.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(instructor).get("/promotions/coupons/" + id)
                .body().path("redemptions").asInt()).isEqualTo(quoted));
        JsonNode late = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body();
        assertThat(late.at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        assertThat(late.at("/total/amount").asLong()).isEqualTo(2000);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.events(CouponRedeemed.class).stream()
                .filter(e -> e.couponId().toString().equals(id)).count()).isEqualTo(quoted));
    }

    private static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(fields);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> fields, String key) {
        Map<String, Object> copy = new HashMap<>(fields);
        copy.remove(key);
        return copy;
    }
}
