package io.skillwise.payment.order;

import io.skillwise.events.common.Money;
import io.skillwise.payment.invoice.InvoiceService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class OrderViews {

    private OrderViews() {
    }

    /**
     * An order in a listing. {@code courseId} is the course of a single-course order (absent for a bundle, whose
     * courses are in {@code lines}); {@code title} is the course title or the bundle's name.
     */
    public record OrderView(UUID orderId, UUID buyerId, UUID courseId, UUID bundleId, String title, String status,
                            Money price, Money discount, Money amount, Money refunded, String couponCode,
                            String referralCode, String affiliateCode, List<LineView> lines, UUID invoiceId,
                            Instant createdAt, Instant paidAt) {

        static OrderView of(Order order, UUID invoiceId) {
            String currency = order.currency();
            List<LineView> lines = order.lines().stream().map(line -> new LineView(line.courseId(),
                    line.courseTitle(), Money.of(line.priceAmount(), currency),
                    Money.of(line.discountAmount(), currency), Money.of(line.paidAmount(), currency),
                    Money.of(line.refundedAmount(), currency))).toList();
            return new OrderView(order.id(), order.buyerId(), order.bundleId() == null ? order.courseIds().getFirst()
                    : null, order.bundleId(), order.title(), order.status().name(), order.price(), order.discount(),
                    order.paid(), order.refunded(), order.couponCode(), order.referralCode(), order.affiliateCode(),
                    lines, invoiceId, order.createdAt(), order.paidAt());
        }
    }

    public record LineView(UUID courseId, String courseTitle, Money price, Money discount, Money amount,
                           Money refunded) {
    }

    /**
     * The payer's history: their orders, paged, and the invoices of their subscription periods (all of them, on
     * every page: a subscriber has one a month).
     */
    public record History(List<OrderView> items, int page, int size, long totalItems, long totalPages,
                          List<InvoiceService.SubscriptionInvoice> subscriptionInvoices) {
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

        static <T> Page<T> of(List<T> items, int page, int size, long total) {
            return new Page<>(items, page, size, total, (total + size - 1) / size);
        }
    }
}
