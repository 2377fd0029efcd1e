package io.skillwise.payment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void totalsAreTheSumsOfTheLines() {
        Order order = bundle(3000, 2000, 1000);
        assertThat(order.priceAmount()).isEqualTo(6000);
        assertThat(order.discountAmount()).isEqualTo(600);
        assertThat(order.paidAmount()).isEqualTo(5400);
        assertThat(order.platformFeeAmount()).as("no fee before payment").isNull();
        Order paid = order.paid("pi_1", line -> line.paidAmount() * 3 / 10, NOW);
        assertThat(paid.platformFeeAmount()).isEqualTo(paid.lines().stream().mapToLong(Order.Line::platformFeeAmount).sum());
    }

    @Test
    void aDelayedPaymentOnItsWayKeepsTheOrderPendingAndStillPayable() {
        Order declined = bundle(3000, 2000, 1000).failed(OrderStatus.FAILED, "pi_card", NOW);
        Order awaiting = declined.awaitingDelayedPayment("pi_debit", NOW);
        assertThat(awaiting.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(awaiting.paymentIntentId()).isEqualTo("pi_debit");
        assertThat(awaiting.awaitsDelayedPayment()).isTrue();
        assertThat(awaiting.paid("pi_debit", line -> 0, NOW).status()).isEqualTo(OrderStatus.PAID);
        assertThatThrownBy(() -> paid(bundle(100)).awaitingDelayedPayment("pi_late", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void moneyArrivingAfterAFailedDelayedPaymentIsStillRecorded() {
        Order failed = bundle(3000).awaitingDelayedPayment("pi_debit", NOW)
                .failed(OrderStatus.DELAYED_PAYMENT_FAILED, "pi_debit", NOW);
        assertThat(failed.awaitsDelayedPayment()).isFalse();
        assertThat(failed.awaitingPayment()).isTrue();
    }

    @Test
    void aFullRefundEmptiesEveryLine() {
        Order refunded = paid(bundle(3000, 2000, 1000)).refundedUpTo(5400, NOW);
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunded.lines()).allSatisfy(line -> assertThat(line.refundedAmount()).isEqualTo(line.paidAmount()));
    }

    @Test
    void partialRefundsSpreadInProportionAndAddUpExactly() {
        Order order = paid(bundle(3000, 2000, 1000));   // lines pay 2700, 1800, 900
        Order first = order.refundedUpTo(1001, NOW);
        assertThat(first.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(first.lines()).extracting(Order.Line::refundedAmount).containsExactly(500L, 334L, 167L);
        Order second = first.refundedUpTo(5399, NOW);
        assertThat(second.refundedAmount()).isEqualTo(5399);
        assertThat(second.lines()).allSatisfy(line ->
                assertThat(line.refundedAmount()).isBetween(0L, line.paidAmount()));
        assertThat(second.refundedUpTo(5400, NOW).lines())
                .allSatisfy(line -> assertThat(line.refundedAmount()).isEqualTo(line.paidAmount()));
    }

    @Test
    void aCourseAppearsOnceAndAnOrderHasLines() {
        UUID course = UUID.randomUUID();
        UUID instructor = UUID.randomUUID();
        assertThatThrownBy(() -> Order.open(UUID.randomUUID(), UUID.randomUUID(), null, "k", "t",
                List.of(Order.Line.of(course, instructor, "a", 100, 0), Order.Line.of(course, instructor, "a", 100, 0)),
                null, "USD", null, null, null, null, "local", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.open(UUID.randomUUID(), UUID.randomUUID(), null, "k", "t", List.of(), null,
                "USD", null, null, null, null, "local", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    static Order paid(Order order) {
        return order.paid("pi_" + order.id(), line -> line.paidAmount() * 3 / 10, NOW);
    }

    static Order bundle(long... prices) {
        UUID instructor = UUID.randomUUID();
        List<Order.Line> lines = java.util.Arrays.stream(prices)
                .mapToObj(p -> Order.Line.of(UUID.randomUUID(), instructor, "Course", p, p / 10)).toList();
        return Order.open(UUID.randomUUID(), UUID.randomUUID(), "b@example.com", "key", "Bundle", lines,
                UUID.randomUUID(), "USD", null, null, null, null, "local", NOW);
    }
}
