package io.skillwise.payment.refund;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderRepository;
import io.skillwise.payment.order.OrderStatus;
import io.skillwise.payment.provider.PaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the provider to refund the rest of an order. The order itself changes only when the provider's
 * {@code charge.refunded} webhook confirms it; here we record the request and its provider id.
 */
@Service
@EnableConfigurationProperties(RefundProperties.class)
public class RefundService {

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final PaymentProvider provider;
    private final RefundProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RefundService(OrderRepository orders, RefundRepository refunds, PaymentProvider provider,
                         RefundProperties properties, TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.provider = provider;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record RefundAccepted(UUID refundId, UUID orderId, String status) {
    }

    public RefundAccepted request(UUID orderId, String reason, CurrentUser caller) {
        Instant now = clock.instant();
        Order order = orders.find(orderId).orElseThrow(() -> ApiException.notFound("order"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw ApiException.conflict("an order that is " + order.status() + " cannot be refunded");
        }
        if (!caller.isAdmin() && order.paidAt().plus(properties.window()).isBefore(now)) {
            throw ApiException.forbidden("refunds can be requested within " + properties.window().toDays()
                    + " days of purchase; contact support");
        }
        // one open request per order: asking again answers the request already on its way
        RefundRepository.RefundRow refund = transactions.execute(status -> refunds.findRequested(orderId)
                .orElseGet(() -> {
                    RefundRepository.RefundRow row = new RefundRepository.RefundRow(UUID.randomUUID(), orderId, null,
                            order.paidAmount() - order.refundedAmount(), order.currency(), reason, caller.id(),
                            RefundRepository.REQUESTED, now);
                    refunds.insert(row);
                    return row;
                }));
        if (refund.stripeRefundId() == null) {
            // the provider's idempotency key is the refund id, so a retry never refunds twice
            PaymentProvider.ProviderRefund made = provider.refund(new PaymentProvider.RefundRequest(orderId,
                    refund.id(), order.paymentIntentId(), io.skillwise.events.common.Money.of(refund.amount(),
                    order.currency()), order.paid(), order.refunded(), reason));
            transactions.executeWithoutResult(status -> refunds.attachStripeId(refund.id(), made.providerRefundId()));
        }
        return new RefundAccepted(refund.id(), orderId, "REQUESTED");
    }
}
