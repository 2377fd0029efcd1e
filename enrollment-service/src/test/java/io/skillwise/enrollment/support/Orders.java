package io.skillwise.enrollment.support;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentRefunded;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Order events as payment-service publishes them. */
public final class Orders {

    private static final Money PRICE = Money.of(4999, "USD");

    private Orders() {
    }

    public static CoursePurchased purchase(UUID buyerId, CoursePublished... courses) {
        return purchase(UUID.randomUUID(), buyerId, courses);
    }

    /** A bundle bought in one order: one line per course, {@code bundleId} set, the bundle discount spread. */
    public static CoursePurchased bundle(UUID bundleId, UUID buyerId, CoursePublished... courses) {
        Money discount = Money.of(1000, "USD");
        Money paid = Money.of(PRICE.amount() - discount.amount(), "USD");
        List<OrderLine> lines = java.util.Arrays.stream(courses)
                .map(course -> new OrderLine(course.courseId(), course.instructorId(), course.title(), PRICE,
                        discount, paid, Money.of(1000, "USD")))
                .toList();
        return new CoursePurchased(UUID.randomUUID(), buyerId, lines, bundleId,
                Money.of(paid.amount() * lines.size(), "USD"), Money.of(discount.amount() * lines.size(), "USD"),
                null, null, null, null, UUID.randomUUID(), Instant.now(), Instant.now());
    }

    public static CoursePurchased purchase(UUID orderId, UUID buyerId, CoursePublished... courses) {
        List<OrderLine> lines = java.util.Arrays.stream(courses)
                .map(course -> new OrderLine(course.courseId(), course.instructorId(), course.title(), PRICE,
                        Money.zero("USD"), PRICE, Money.of(1000, "USD")))
                .toList();
        Money total = Money.of(PRICE.amount() * lines.size(), "USD");
        return new CoursePurchased(orderId, buyerId, lines, null, total, Money.zero("USD"), null, null, null, null,
                UUID.randomUUID(), Instant.now(), Instant.now());
    }

    public static PaymentRefunded refund(CoursePurchased order) {
        return new PaymentRefunded(order.orderId(), order.buyerId(), UUID.randomUUID(), order.total(),
                order.courseIds(), true, "changed my mind", order.buyerId(), Instant.now());
    }

    public static PaymentDisputed disputed(CoursePurchased order, UUID disputeId) {
        return new PaymentDisputed(order.orderId(), order.buyerId(), disputeId, order.total(), order.courseIds(),
                "fraudulent", Instant.now());
    }

    public static DisputeClosed disputeClosed(CoursePurchased order, UUID disputeId, DisputeOutcome outcome) {
        return new DisputeClosed(order.orderId(), order.buyerId(), disputeId, outcome, order.total(), order.courseIds(),
                Instant.now());
    }
}
