package io.skillwise.events.payment;

import io.skillwise.events.common.Money;
import java.util.List;
import java.util.UUID;

/** Rules that let every consumer of an order reconcile with payment's ledger without re-deriving anything. */
final class OrderInvariants {

    private OrderInvariants() {
    }

    static void totalsMatchLines(UUID orderId, List<OrderLine> lines, Money total, Money discount) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        Money paid = Money.zero(total.currency());
        Money discounted = Money.zero(total.currency());
        for (OrderLine line : lines) {
            paid = paid.plus(line.paid());
            discounted = discounted.plus(line.discount());
        }
        if (!paid.equals(total) || !discounted.equals(discount)) {
            throw new IllegalArgumentException("order " + orderId + ": total " + total + " and discount " + discount
                    + " are not the sums of its lines (" + paid + ", " + discounted + ")");
        }
    }

    /** Reversed lines are in one currency and, when {@code total} is given, add up to it exactly. */
    static void reversalsAddUpTo(UUID orderId, List<ReversedLine> lines, Money total) {
        if (lines.isEmpty()) {
            return;
        }
        Money sum = Money.zero(lines.getFirst().amount().currency());
        for (ReversedLine line : lines) {
            sum = sum.plus(line.amount());
        }
        if (total != null && !sum.equals(total)) {
            throw new IllegalArgumentException("order " + orderId + ": reversed lines add up to " + sum + ", not " + total);
        }
    }
}
