package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.skillwise.testsupport.Eventually.eventually;
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

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void buyerPaysTheCouponPriceAndTheCouponIsRedeemed() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Coupon flow course", PRICE);
        String code = "SYS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        // promotion-service learns the course from catalog's event: retry until it knows it
        ApiResponse coupon = eventually(PATIENCE,
                () -> instructor.client().post("/promotions/coupons", Map.of("code", code,
                        "kind", "PERCENT", "percentOff", 25, "scope", "COURSES", "courseIds", List.of(courseId))),
                response -> assertThat(response.text()).as("the course is known to promotion-service")
                        .doesNotContain("is not known"));
        String couponId = coupon.assertStatus(201).id();

        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);
        ApiResponse refused = eventually(PATIENCE,
                () -> buyer.client().withHeader("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/payments/create", Map.of("courseId", courseId, "couponCode", "NOPE" + code)),
                response -> assertThat(response.status()).as("the course's price is known").isNotEqualTo(404));
        assertThat(refused.assertProblem(422).text("type")).endsWith("coupon-not-applicable");

        JsonNode order = buyer.client().withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/payments/create", Map.of("courseId", courseId, "couponCode", code)).assertStatus(201).body();
        assertThat(order.path("amount").path("amount").asLong()).as("25 % off").isEqualTo(3000);

        String checkoutUrl = order.path("checkoutUrl").asString();
        assertThat(LocalCheckout.pay(checkoutUrl)).contains("30.00 USD");
        LocalCheckout.awaitEnrolled(buyer, courseId);
        JsonNode mine = buyer.client().get("/payments/history").assertStatus(200).items().getFirst();
        assertThat(mine.path("status").asString()).isEqualTo("PAID");
        assertThat(mine.path("couponCode").asString()).isEqualTo(code);
        assertThat(mine.path("discount").path("amount").asLong()).isEqualTo(1000);
        assertThat(mine.path("amount").path("amount").asLong()).isEqualTo(3000);

        // promotion-service counts the redemption from CoursePurchased
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiResponse seen = instructor.client().get("/promotions/coupons/" + couponId).assertStatus(200);
            assertThat(seen.body().path("redemptions").asInt()).isEqualTo(1);
        });
    }
}
