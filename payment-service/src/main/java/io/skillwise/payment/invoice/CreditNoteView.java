package io.skillwise.payment.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credit note: the document that takes back (part of) an invoice when a refund is confirmed. It names the invoice
 * it corrects and, like it, the seller and the buyer as they were on the invoice; its amounts are negative and add
 * up to {@code total}, the negative of the refunded amount.
 */
public record CreditNoteView(UUID id, String number, Instant issuedAt, UUID invoiceId, String invoiceNumber,
                             UUID orderId, UUID refundId, InvoiceView.Party seller, InvoiceView.Party buyer,
                             List<Line> lines, SignedMoney total, String reason, String taxNote) {

    public record Line(UUID courseId, String description, SignedMoney amount) {
    }

    /** How an invoice and an order's history link to their credit notes. */
    public record Reference(UUID id, String number, SignedMoney total, Instant issuedAt) {
    }
}
