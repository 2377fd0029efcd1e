package io.skillwise.promotion.support;

import io.skillwise.events.common.Money;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentRefunded;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Order events as payment-service publishes them, built from a quote's answer where there is one. */
public final class Orders {

    private Orders() {
    }

    /** Exactly what payment-service records after a checkout priced by this quote. */
    public static CoursePurchased fromQuote(UUID buyerId, JsonNode quote, UUID instructorId, String affiliateCode,
                                            Instant purchasedAt) {
        List<OrderLine> lines = new ArrayList<>();
        String currency = quote.path("currency").asString();
        for (JsonNode line : quote.path("lines")) {
            lines.add(new OrderLine(UUID.fromString(line.path("courseId").asString()), instructorId, null,
                    Money.of(line.at("/price/amount").asLong(), currency),
                    Money.of(line.at("/discount/amount").asLong(), currency),
                    Money.of(line.at("/paid/amount").asLong(), currency), Money.zero(currency)));
        }
        JsonNode coupon = quote.path("coupon");
        JsonNode referral = quote.path("referral");
        String learnerCode = "LEARNER".equals(referral.path("kind").asString()) ? referral.path("code").asString() : null;
        String affiliate = affiliateCode != null ? affiliateCode
                : "AFFILIATE".equals(referral.path("kind").asString()) ? referral.path("code").asString() : null;
        String bundle = quote.path("bundleId").asString(null);
        return new CoursePurchased(UUID.randomUUID(), buyerId, lines, bundle == null ? null : UUID.fromString(bundle),
                Money.of(quote.at("/total/amount").asLong(), currency),
                Money.of(quote.at("/discount/amount").asLong(), currency),
                coupon.isMissingNode() ? null : UUID.fromString(coupon.path("couponId").asString()),
                coupon.isMissingNode() ? null : coupon.path("code").asString(), learnerCode, affiliate, null,
                purchasedAt, Instant.now());
    }

    /** A plain purchase of one course at full price. */
    public static CoursePurchased plain(UUID buyerId, UUID courseId, UUID instructorId, long price, Instant at) {
        Money paid = Money.of(price, "USD");
        return new CoursePurchased(UUID.randomUUID(), buyerId,
                List.of(new OrderLine(courseId, instructorId, null, paid, Money.zero("USD"), paid, Money.zero("USD"))),
                null, paid, Money.zero("USD"), null, null, null, null, null, at, Instant.now());
    }

    public static PaymentRefunded refund(CoursePurchased order) {
        return new PaymentRefunded(order.orderId(), order.buyerId(), UUID.randomUUID(), order.total(),
                order.courseIds(), true, "changed my mind", order.buyerId(), Instant.now());
    }

    public static DisputeClosed lostDispute(CoursePurchased order) {
        return new DisputeClosed(order.orderId(), order.buyerId(), UUID.randomUUID(), DisputeOutcome.LOST,
                order.total(), order.courseIds(), Instant.now());
    }

    public static StudentEnrolled enrolled(UUID courseId, UUID instructorId, Instant at) {
        return new StudentEnrolled(UUID.randomUUID(), courseId, UUID.randomUUID(), instructorId,
                EnrollmentSource.FREE, null, null, at, at);
    }
}
