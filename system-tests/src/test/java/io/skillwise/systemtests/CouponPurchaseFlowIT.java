package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0006 across the real services: an instructor creates a coupon in promotion-service, a buyer checks out with
 * it, payment-service prices the order through promotion-service's internal quote (service token of the
 * {@code payment-service} Keycloak client), the buyer pays the discounted price on the local checkout page, and the
 * purchase reaches enrollment and, as a redemption, promotion-service. A code promotion-service rejects stops the
 * checkout with 422.
 */
class CouponPurchaseFlowIT {

    private static final long PRICE = 4000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;
    private static String api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = PlatformUsers.api(platform);
    }

    @Test
    void buyerPaysTheCouponPriceAndTheCouponIsRedeemed() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Coupon flow course", PRICE);
        String code = "SYS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        // promotion-service learns the course from catalog's event: retry until it knows it
        HttpResponse<String> coupon = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> PlatformUsers.post(api + "/promotions/coupons", instructor.token(), Map.of("code", code,
                        "kind", "PERCENT", "percentOff", 25, "scope", "COURSES", "courseIds", List.of(courseId)),
                        Map.of()),
                response -> response.statusCode() != 400 || !response.body().contains("is not known"));
        assertThat(coupon.statusCode()).as(coupon.body()).isEqualTo(201);
        String couponId = Http.json(coupon).path("id").asString();

        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);
        HttpResponse<String> refused = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> PlatformUsers.post(api + "/payments/create", buyer.token(),
                        Map.of("courseId", courseId, "couponCode", "NOPE" + code), Map.of("Idempotency-Key",
                                UUID.randomUUID().toString())),
                response -> response.statusCode() != 404);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Http.json(refused).path("type").asString()).endsWith("coupon-not-applicable");

        HttpResponse<String> checkout = PlatformUsers.post(api + "/payments/create", buyer.token(),
                Map.of("courseId", courseId, "couponCode", code), Map.of("Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
        JsonNode order = Http.json(checkout);
        assertThat(order.path("amount").path("amount").asLong()).as("25 % off").isEqualTo(3000);

        String checkoutUrl = order.path("checkoutUrl").asString();
        assertThat(LocalCheckout.pay(checkoutUrl)).contains("30.00 USD");
        LocalCheckout.awaitEnrolled(api, buyer, courseId);
        JsonNode mine = Http.json(Http.get(api + "/payments/history", buyer.token())).path("items").get(0);
        assertThat(mine.path("status").asString()).isEqualTo("PAID");
        assertThat(mine.path("couponCode").asString()).isEqualTo(code);
        assertThat(mine.path("discount").path("amount").asLong()).isEqualTo(1000);
        assertThat(mine.path("amount").path("amount").asLong()).isEqualTo(3000);

        // promotion-service counts the redemption from CoursePurchased
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> seen = Http.get(api + "/promotions/coupons/" + couponId, instructor.token());
            assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
            assertThat(Http.json(seen).path("redemptions").asInt()).isEqualTo(1);
        });
    }
}
