package io.skillwise.analytics.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of analytics' copy of the earnings ledger: what one event did to one order line (or, for a subscription
 * share, to one course). Signs as in payment's ledger: reversals are negative, and {@code net = gross - fee -
 * commission}.
 *
 * @param kind     SALE, REFUND, DISPUTE_LOST, COMMISSION, COMMISSION_REVERSED or SUBSCRIPTION_SHARE
 * @param sourceId the order (SALE), refund, dispute, commission or share the row comes from
 * @param stream   SINGLE, BUNDLE or SUBSCRIPTION; null while the sale of a refund, loss or commission is unknown
 */
record Earning(String kind, UUID sourceId, UUID courseId, UUID instructorId, UUID orderId, Integer lineNo,
               String stream, long listPrice, long discount, long gross, long fee, long commission, long net,
               String currency, Instant occurredAt) {

    static final String SALE = "SALE";
    static final String REFUND = "REFUND";
    static final String DISPUTE_LOST = "DISPUTE_LOST";
    static final String COMMISSION = "COMMISSION";
    static final String COMMISSION_REVERSED = "COMMISSION_REVERSED";
    static final String SUBSCRIPTION_SHARE = "SUBSCRIPTION_SHARE";

    Earning {
        if (net != gross - fee - commission) {
            throw new IllegalArgumentException(kind + " " + sourceId + ": net " + net + " is not " + gross + " - " + fee
                    + " - " + commission);
        }
    }

    /** The same row under a known stream. */
    Earning inStream(String stream) {
        return new Earning(kind, sourceId, courseId, instructorId, orderId, lineNo, stream, listPrice, discount, gross,
                fee, commission, net, currency, occurredAt);
    }

    String key() {
        return kind + "/" + sourceId + "/" + courseId;
    }
}
