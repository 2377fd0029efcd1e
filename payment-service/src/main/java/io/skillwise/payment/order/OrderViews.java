package io.skillwise.payment.order;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class OrderViews {

    private OrderViews() {
    }

    public record OrderView(UUID orderId, UUID buyerId, UUID courseId, String courseTitle, String status,
                            Money price, Money discount, Money amount, Money refunded, String couponCode,
                            String referralCode, UUID invoiceId, Instant createdAt, Instant paidAt) {

        static OrderView of(Order order, UUID invoiceId) {
            return new OrderView(order.id(), order.buyerId(), order.courseId(), order.courseTitle(),
                    order.status().name(), order.price(), order.discount(), order.paid(), order.refunded(),
                    order.couponCode(), order.referralCode(), invoiceId, order.createdAt(), order.paidAt());
        }
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

        static <T> Page<T> of(List<T> items, int page, int size, long total) {
            return new Page<>(items, page, size, total, (total + size - 1) / size);
        }
    }
}
