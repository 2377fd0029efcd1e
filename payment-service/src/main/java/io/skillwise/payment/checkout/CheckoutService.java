package io.skillwise.payment.checkout;

import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.catalog.CoursePrice;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderEvents;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.promotion.PromotionsClient;
import io.skillwise.payment.promotion.Quote;
import io.skillwise.payment.promotion.SaleService;
import io.skillwise.payment.provider.PaymentProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a purchase of a course or a bundle. Pricing follows ADR 0006: without a code a single course is priced
 * here (list price, or the lowest active sale); a coupon, a referral code or a bundle is priced by promotion-service's
 * quote. The order (and its {@code CheckoutStarted}) commits first, then the provider's checkout is created outside
 * any transaction (a network call must not hold a database connection), then its URL is stored. A repeat with the
 * same Idempotency-Key answers the same order; a new key for the same courses while a checkout of them is still
 * open answers that open checkout too.
 */
@Service
public class CheckoutService {

    /** Stripe Checkout Sessions expire after 24 hours at most; an older open order is not offered again. */
    static final Duration OPEN_CHECKOUT_LIFETIME = Duration.ofHours(24);

    private final PriceReplicaService prices;
    private final SaleService sales;
    private final PromotionsClient promotions;
    private final OrderService orders;
    private final PaymentProvider provider;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CheckoutService(PriceReplicaService prices, SaleService sales, PromotionsClient promotions,
                           OrderService orders, PaymentProvider provider, EventPublisher events,
                           TransactionTemplate transactions, Clock clock) {
        this.prices = prices;
        this.sales = sales;
        this.promotions = promotions;
        this.orders = orders;
        this.provider = provider;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the buyer asked for: exactly one of a course and a bundle, and the codes they typed. */
    public record Purchase(UUID courseId, UUID bundleId, String couponCode, String referralCode) {

        public Purchase {
            couponCode = blankToNull(couponCode);
            referralCode = blankToNull(referralCode);
        }

        boolean needsQuote() {
            return bundleId != null || couponCode != null || referralCode != null;
        }

        boolean sameTarget(Order order) {
            return bundleId != null ? bundleId.equals(order.bundleId())
                    : order.bundleId() == null && order.courseIds().equals(List.of(courseId));
        }
    }

    /** The order for this key, and whether this call created it. */
    public record Started(Order order, boolean created) {
    }

    /** How the order is priced: its lines, and the codes that apply. */
    private record Priced(String title, List<Order.Line> lines, String currency, UUID couponId, String couponCode,
                          String referralCode, String affiliateCode) {
    }

    public Started start(CurrentUser buyer, String idempotencyKey, Purchase purchase) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiException.badRequest("an Idempotency-Key header (1-200 characters) is required");
        }
        if ((purchase.courseId() == null) == (purchase.bundleId() == null)) {
            throw ApiException.badRequest("send exactly one of courseId and bundleId");
        }
        var existing = orders.findByIdempotencyKey(buyer.id(), idempotencyKey);
        if (existing.isPresent()) {
            Order order = existing.get();
            if (!purchase.sameTarget(order)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "this Idempotency-Key was used for another checkout");
            }
            return new Started(order.checkoutUrl() == null ? attachCheckout(order) : order, false);
        }
        if (!buyer.emailVerified()) {
            throw ApiException.forbidden("verify your email address before buying");
        }
        Instant now = clock.instant();
        Priced priced = purchase.needsQuote() ? quoted(buyer, purchase) : local(buyer, purchase.courseId(), now);
        Order order = Order.open(UUID.randomUUID(), buyer.id(), buyer.email(), idempotencyKey, priced.title(),
                priced.lines(), purchase.bundleId(), priced.currency(), priced.couponId(), priced.couponCode(),
                priced.referralCode(), priced.affiliateCode(), provider.name(), now);
        Order stored = transactions.execute(status -> {
            List<UUID> owned = orders.owned(buyer.id(), order.courseIds());
            if (!owned.isEmpty()) {
                throw ApiException.conflict(purchase.bundleId() == null ? "you already own this course"
                        : "you already own " + owned.size() + " of the courses in this bundle: " + owned);
            }
            Optional<Order> open = openCheckoutOf(order, now);
            if (open.isPresent()) {
                return open.get();
            }
            if (!orders.openIfNew(order)) {
                // a concurrent request with the same key won the race
                return orders.findByIdempotencyKey(buyer.id(), idempotencyKey).orElseThrow();
            }
            events.publish(new CheckoutStarted(order.id(), buyer.id(), OrderEvents.lines(order), order.bundleId(),
                    order.paid(), order.discount(), order.couponCode(), order.referralCode(), order.affiliateCode(),
                    now));
            return order;
        });
        boolean created = stored.id().equals(order.id());
        return new Started(stored.checkoutUrl() == null ? attachCheckout(stored) : stored, created);
    }

    /**
     * An open checkout of the same courses at the same price by the same buyer, to answer instead of a second
     * order that could be paid twice. A different price (a code added, a sale begun) makes a new order; should both
     * be paid, the webhook refunds the second automatically.
     */
    private Optional<Order> openCheckoutOf(Order wanted, Instant now) {
        return orders.openSince(wanted.buyerId(), now.minus(OPEN_CHECKOUT_LIFETIME)).stream()
                .filter(open -> Objects.equals(open.bundleId(), wanted.bundleId())
                        && new HashSet<>(open.courseIds()).equals(new HashSet<>(wanted.courseIds()))
                        && open.paidAmount() == wanted.paidAmount() && open.currency().equals(wanted.currency())
                        && Objects.equals(open.couponCode(), wanted.couponCode())
                        && Objects.equals(open.referralCode(), wanted.referralCode())
                        && Objects.equals(open.affiliateCode(), wanted.affiliateCode()))
                .findFirst();
    }

    /** A single course without a code: list price, or the lowest sale price active now. No call is made. */
    private Priced local(CurrentUser buyer, UUID courseId, Instant now) {
        CoursePrice course = sellable(buyer, courseId);
        long discount = sales.saleDiscount(courseId, course.price(), now);
        return new Priced(course.title(), List.of(Order.Line.of(courseId, course.instructorId(), course.title(),
                course.price().amount(), discount)), course.price().currency(), null, null, null, null);
    }

    /** A bundle, or a code: promotion-service's quote prices every line. */
    private Priced quoted(CurrentUser buyer, Purchase purchase) {
        if (purchase.courseId() != null) {
            sellable(buyer, purchase.courseId());   // refuse what cannot be sold before asking for a price
        }
        Quote quote = promotions.quote(new Quote.Request(buyer.id(), purchase.courseId(), purchase.bundleId(),
                purchase.couponCode(), purchase.referralCode()));
        Optional<Quote.Rejected> coupon = quote.rejectedCoupon();
        if (purchase.couponCode() != null && coupon.isPresent()) {
            // the buyer typed the code and expects it to count: stop rather than charge more than they think
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "coupon-not-applicable",
                    coupon.get().message() != null ? coupon.get().message() : "this code cannot be used");
        }
        if (quote.lines().isEmpty() || quote.currency() == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "promotions-unavailable",
                    "promotions answered a quote without lines; try again shortly");
        }
        List<Order.Line> lines = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Quote.Line line : quote.lines()) {
            CoursePrice course = sellable(buyer, line.courseId());
            if (!line.price().currency().equals(quote.currency()) || line.paid().amount()
                    != line.price().amount() - line.discount().amount() || line.paid().amount() < 0) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "promotions-unavailable",
                        "promotions answered an inconsistent quote; try again shortly");
            }
            lines.add(Order.Line.of(line.courseId(), course.instructorId(), course.title(), line.price().amount(),
                    line.discount().amount()));
            titles.add(course.title());
        }
        // a rejected referral code does not stop the checkout: the quote priced the order without it
        Quote.Referral referral = quote.referral();
        String title = purchase.bundleId() == null ? titles.getFirst()
                : abbreviate("Bundle: " + String.join(", ", titles));
        return new Priced(title, lines, quote.currency(),
                quote.coupon() == null ? null : quote.coupon().couponId(),
                quote.coupon() == null ? null : quote.coupon().code(),
                referral == null || referral.affiliate() ? null : referral.code(),
                referral != null && referral.affiliate() ? referral.code() : null);
    }

    /** The course from the price replica, if it can be sold to this buyer. */
    private CoursePrice sellable(CurrentUser buyer, UUID courseId) {
        CoursePrice course = prices.find(courseId).filter(CoursePrice::onSale)
                .orElseThrow(() -> ApiException.notFound("course"));
        if (course.free()) {
            throw ApiException.badRequest("this course is free: enrol with POST /api/v1/courses/" + courseId
                    + "/enroll");
        }
        if (course.instructorId().equals(buyer.id())) {
            throw ApiException.badRequest("you cannot buy your own course");
        }
        return course;
    }

    private Order attachCheckout(Order order) {
        PaymentProvider.CheckoutSession session = provider.createCheckout(new PaymentProvider.CheckoutRequest(
                order.id(), order.buyerEmail(), order.title(), order.paid()));
        Order withCheckout = order.withCheckout(session.sessionId(), session.url(), clock.instant());
        transactions.executeWithoutResult(status -> orders.save(withCheckout));
        return withCheckout;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
