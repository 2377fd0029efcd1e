package io.skillwise.payment.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.common.Money;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What promotion-service publishes and payment-service keeps: sales for local pricing, commissions in the ledger. */
class SalesAndCommissionsIT extends PaymentApiTest {

    @Autowired
    SaleService sales;

    TestUser instructor = TestUser.instructor();

    @Test
    void checkoutWithoutACodeGetsTheLowestActiveSaleAndACancelledSaleStops() {
        CoursePublished course = courseOnSale(instructor.id(), 5000);
        Instant now = Instant.now();
        UUID cheapest = UUID.randomUUID();
        TopicRecords.on(kafka).publish(sale(cheapest, course, 3000, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.DAYS)));
        TopicRecords.on(kafka).publish(sale(UUID.randomUUID(), course, 3500, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.DAYS)));
        TopicRecords.on(kafka).publish(sale(UUID.randomUUID(), course, 1000, now.plus(1, ChronoUnit.DAYS),
                now.plus(2, ChronoUnit.DAYS)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sales.saleDiscount(course.courseId(), Money.of(5000, "USD"), Instant.now()))
                        .isEqualTo(2000));

        ApiResponse onSale = checkout(TestUser.student(), course.courseId());
        assertThat(onSale.status()).as(onSale.body().toString()).isEqualTo(201);
        assertThat(onSale.body().path("amount").path("amount").asLong()).isEqualTo(3000);
        JsonNode line = outbox(onSale.text("orderId"), "CheckoutStarted").path("lines").get(0);
        assertThat(line.path("price").path("amount").asLong()).isEqualTo(5000);
        assertThat(line.path("discount").path("amount").asLong()).isEqualTo(2000);

        TopicRecords.on(kafka).publish(new CourseSaleCancelled(cheapest, course.courseId(), instructor.id(),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sales.saleDiscount(course.courseId(), Money.of(5000, "USD"), Instant.now()))
                        .isEqualTo(1500));
        // the cancelled sale published again late (an older version) does not come back
        TopicRecords.on(kafka).publish(sale(cheapest, course, 3000, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.DAYS)));
        ApiResponse later = checkout(TestUser.student(), course.courseId());
        assertThat(later.body().path("amount").path("amount").asLong()).isEqualTo(3500);
    }

    @Test
    void affiliateCommissionComesOffTheInstructorsNetOnceAndItsReversalGivesItBack() {
        CoursePublished course = courseOnSale(instructor.id(), 10_000);
        String orderId = checkedOut(TestUser.student(), course.courseId()).toString();
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        UUID commissionId = UUID.randomUUID();
        AffiliateCommissionEarned earned = new AffiliateCommissionEarned(commissionId, UUID.randomUUID(),
                UUID.randomUUID(), instructor.id(), UUID.fromString(orderId), course.courseId(), "AFF-1",
                Money.of(10_000, "USD"), 1500, Money.of(1500, "USD"), Instant.now());
        TopicRecords.on(kafka).publish(earned);
        TopicRecords.on(kafka).publish(earned);   // published twice (a relay retry under a new event id)

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode totals = totals();
            assertThat(totals.path("affiliateCommission").asLong()).isEqualTo(1500);
        });
        JsonNode totals = totals();
        assertThat(totals.path("gross").asLong()).isEqualTo(10_000);
        assertThat(totals.path("platformFee").asLong()).isEqualTo(3000);
        assertThat(totals.path("net").asLong()).isEqualTo(10_000 - 3000 - 1500);

        TopicRecords.on(kafka).publish(new AffiliateCommissionReversed(commissionId, earned.programId(),
                earned.affiliateId(), instructor.id(), earned.orderId(), course.courseId(), Money.of(1500, "USD"),
                CommissionReversalReason.REFUNDED, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(totals().path("affiliateCommission").asLong()).isZero());
        assertThat(totals().path("net").asLong()).isEqualTo(7000);
        JsonNode items = api.as(instructor).get("/api/v1/instructors/earnings").body().path("items");
        assertThat(items.findValuesAsString("kind")).containsExactlyInAnyOrder("SALE", "COMMISSION",
                "COMMISSION_REVERSED");
        for (JsonNode item : items) {
            assertThat(item.path("netAmount").asLong()).isEqualTo(item.path("grossAmount").asLong()
                    - item.path("feeAmount").asLong() - item.path("commissionAmount").asLong());
        }
    }

    private JsonNode totals() {
        return api.as(instructor).get("/api/v1/instructors/earnings").body().path("totals").get(0);
    }

    private JsonNode outbox(String orderId, String type) {
        return OutboxEvents.payload(jdbc, orderId, type);
    }

    private static CourseSaleScheduled sale(UUID saleId, CoursePublished course, long price, Instant starts,
                                            Instant ends) {
        return new CourseSaleScheduled(saleId, course.courseId(), course.instructorId(), Money.of(price, "USD"),
                starts, ends, null, Instant.now());
    }
}
