package io.skillwise.payment.checkout;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.catalog.CoursePrice;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderRepository;
import io.skillwise.payment.provider.PaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a purchase: the order (and its {@code CheckoutStarted}) commits first, then the provider's checkout is
 * created outside any transaction (a network call must not hold a database connection), then its URL is stored.
 * A repeat with the same Idempotency-Key answers the same order and, if the provider call failed before, tries it
 * again with the same provider idempotency key.
 */
@Service
public class CheckoutService {

    private final PriceReplicaService prices;
    private final OrderRepository orders;
    private final PaymentProvider provider;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CheckoutService(PriceReplicaService prices, OrderRepository orders, PaymentProvider provider,
                           EventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.prices = prices;
        this.orders = orders;
        this.provider = provider;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The order for this key, and whether this call created it. */
    public record Started(Order order, boolean created) {
    }

    public Started start(CurrentUser buyer, String idempotencyKey, UUID courseId, String couponCode,
                         String referralCode) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiException.badRequest("an Idempotency-Key header (1-200 characters) is required");
        }
        var existing = orders.findByIdempotencyKey(buyer.id(), idempotencyKey);
        if (existing.isPresent()) {
            Order order = existing.get();
            if (!order.courseId().equals(courseId)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "this Idempotency-Key was used for another checkout");
            }
            return new Started(order.checkoutUrl() == null ? attachCheckout(order) : order, false);
        }
        if (!buyer.emailVerified()) {
            throw ApiException.forbidden("verify your email address before buying");
        }
        if (hasText(couponCode) || hasText(referralCode)) {
            // discounts are priced by promotion-service only; a code must never be dropped silently
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "promotions-unavailable",
                    "promotions are unavailable: coupon and referral codes cannot be applied right now");
        }
        CoursePrice course = prices.find(courseId).filter(CoursePrice::onSale)
                .orElseThrow(() -> ApiException.notFound("course"));
        if (course.free()) {
            throw ApiException.badRequest("this course is free: enrol with POST /api/v1/courses/" + courseId
                    + "/enroll");
        }
        if (course.instructorId().equals(buyer.id())) {
            throw ApiException.badRequest("you cannot buy your own course");
        }
        Instant now = clock.instant();
        Order order = Order.open(UUID.randomUUID(), buyer.id(), buyer.email(), idempotencyKey, courseId,
                course.instructorId(), course.title(), course.price(), Money.zero(course.price().currency()), null,
                null, provider.name(), now);
        Order stored = transactions.execute(status -> {
            if (orders.owns(buyer.id(), courseId)) {
                throw ApiException.conflict("you already own this course");
            }
            if (!orders.insertIfNew(order)) {
                // a concurrent request with the same key won the race
                return orders.findByIdempotencyKey(buyer.id(), idempotencyKey).orElseThrow();
            }
            OrderLine line = new OrderLine(courseId, course.instructorId(), course.title(), order.price(),
                    order.discount(), order.paid(), null);
            events.publish(new CheckoutStarted(order.id(), buyer.id(), List.of(line), null, order.paid(),
                    order.discount(), null, null, null, now));
            return order;
        });
        boolean created = stored.id().equals(order.id());
        return new Started(stored.checkoutUrl() == null ? attachCheckout(stored) : stored, created);
    }

    private Order attachCheckout(Order order) {
        PaymentProvider.CheckoutSession session = provider.createCheckout(new PaymentProvider.CheckoutRequest(
                order.id(), order.buyerEmail(), order.courseTitle(), order.paid()));
        Order withCheckout = order.withCheckout(session.sessionId(), session.url(), clock.instant());
        transactions.executeWithoutResult(status -> orders.update(withCheckout));
        return withCheckout;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
