package io.skillwise.payment.history;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.skillwise.events.common.Money;
import io.skillwise.kit.web.PageView;
import io.skillwise.payment.invoice.CreditNoteView;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders as the buyer's history and the admins' overview show them. */
final class HistoryViews {

    private HistoryViews() {
    }

    /**
     * An order in a listing. {@code courseId} is the course of a single-course order (absent for a bundle, whose
     * courses are in {@code lines}); {@code title} is the course title or the bundle's name; {@code creditNotes}
     * are those of the order's refunds, oldest first.
     */
    record OrderView(UUID orderId, UUID buyerId, UUID courseId, UUID bundleId, String title, String status,
                     Money price, Money discount, Money amount, Money refunded, String couponCode,
                     String referralCode, String affiliateCode, List<LineView> lines, UUID invoiceId,
                     List<CreditNoteView.Reference> creditNotes, Instant createdAt, Instant paidAt) {

        static OrderView of(Order order, UUID invoiceId, List<CreditNoteView.Reference> creditNotes) {
            String currency = order.currency();
            List<LineView> lines = order.lines().stream().map(line -> new LineView(line.courseId(),
                    line.courseTitle(), Money.of(line.priceAmount(), currency),
                    Money.of(line.discountAmount(), currency), Money.of(line.paidAmount(), currency),
                    Money.of(line.refundedAmount(), currency))).toList();
            return new OrderView(order.id(), order.buyerId(), order.bundleId() == null ? order.courseIds().getFirst()
                    : null, order.bundleId(), order.title(), order.status().name(), order.price(), order.discount(),
                    order.paid(), order.refunded(), order.couponCode(), order.referralCode(), order.affiliateCode(),
                    lines, invoiceId, creditNotes, order.createdAt(), order.paidAt());
        }
    }

    record LineView(UUID courseId, String courseTitle, Money price, Money discount, Money amount, Money refunded) {
    }

    /**
     * The payer's history: a page of their orders ({@code items, page, size, totalItems, totalPages}, as every list)
     * and the invoices of their subscription periods (all of them, on every page: a subscriber has one a month).
     */
    record History(@JsonUnwrapped PageView<OrderView> orders,
                   List<InvoiceService.SubscriptionInvoice> subscriptionInvoices) {
    }
}
