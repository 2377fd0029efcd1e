package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the buyer and the accountant see it. Prices include any tax: the marketplace does not compute tax
 * yet, so {@code tax} is zero and {@code taxNote} says so. An invoice is of an order ({@code orderId}) or of one paid
 * period of a subscription ({@code subscriptionId}); the other is absent, and so is {@code orderStatus} (where the
 * order stands now: paid, refunded, ...) for a subscription period. The buyer's name and billing address and the
 * payment method are as they were when the invoice was issued; {@code creditNotes} lists the credit notes of the
 * refunds made since.
 *
 * @param paymentMethod how it was paid as the payment provider reported it, e.g. {@code Visa •••• 4242}; absent when
 *                      the provider did not say
 */
public record InvoiceView(UUID id, String number, Instant issuedAt, UUID orderId, String orderStatus, Party seller,
                          Party buyer, List<Line> lines, Money subtotal, Money discount, Money tax, String taxNote,
                          Money total, Money refunded, UUID subscriptionId, String paymentMethod,
                          List<CreditNoteView.Reference> creditNotes) {

    /**
     * The seller or the buyer. The buyer's {@code name} is the one they chose for documents in their profile (their
     * display name unless they chose one) and {@code address} their billing address as comma-separated lines.
     */
    public record Party(UUID id, String name, String address, String email, String taxId) {
    }

    public record Line(UUID courseId, String description, int quantity, Money unitPrice, Money discount,
                       Money amount) {
    }
}
