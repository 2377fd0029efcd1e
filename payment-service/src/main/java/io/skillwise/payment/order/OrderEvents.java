package io.skillwise.payment.order;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.OrderLine;
import java.util.List;

/** An order's lines as the events of {@code payment.order.v1} carry them. */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** Every line with what was paid for it; the platform fee once the order is paid, absent before. */
    public static List<OrderLine> lines(Order order) {
        String currency = order.currency();
        return order.lines().stream().map(line -> new OrderLine(line.courseId(), line.instructorId(),
                line.courseTitle(), Money.of(line.priceAmount(), currency), Money.of(line.discountAmount(), currency),
                Money.of(line.paidAmount(), currency),
                line.platformFeeAmount() == null ? null : Money.of(line.platformFeeAmount(), currency)))
                .toList();
    }
}
