package io.skillwise.payment.refund;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.order.OrderStatus;
import io.skillwise.payment.progress.ProgressService;
import io.skillwise.payment.provider.PaymentProvider;
import io.skillwise.payment.provider.PaymentProviderException;
import io.skillwise.events.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the provider to refund the rest of an order. The order itself changes only when the provider's
 * {@code charge.refunded} webhook confirms it; here we record the request and its provider id.
 */
@Service
@EnableConfigurationProperties(RefundProperties.class)
public class RefundService {

    public static final String DUPLICATE_REASON = "duplicate payment: the courses were already owned";

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final OrderService orders;
    private final RefundRepository refunds;
    private final PaymentProvider provider;
    private final RefundProperties properties;
    private final ProgressService progress;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundService(OrderService orders, RefundRepository refunds, PaymentProvider provider, RefundProperties properties,
                  ProgressService progress, TransactionTemplate transactions, Clock clock) {
        this.progress = progress;
        this.orders = orders;
        this.refunds = refunds;
        this.provider = provider;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record RefundAccepted(UUID refundId, UUID orderId,
                                 @Schema(allowableValues = RefundRepository.REQUESTED) String status) {
    }

    /**
     * A refund of the rest of the order, asked by its buyer (within the window and the progress limit) or an admin.
     * At most one request per order is open at a time (a unique partial index decides between concurrent ones): the
     * others are answered 409 and reach neither the database nor the provider.
     */
    public RefundAccepted request(UUID orderId, String reason, CurrentUser caller) {
        Instant now = clock.instant();
        Order order = orders.find(orderId).orElseThrow(() -> ApiException.notFound("order"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        requireRefundable(order, caller);
        if (!caller.isAdmin() && order.paidAt().plus(properties.window()).isBefore(now)) {
            throw ApiException.forbidden("refunds can be requested within " + properties.window().toDays()
                    + " days of purchase; contact support");
        }
        if (!caller.isAdmin()) {
            int taken = progress.highestPercent(order.buyerId(), order.courseIds());
            if (taken > properties.maxProgressPercent()) {
                throw new ApiException(HttpStatus.CONFLICT, "refund-progress-limit", "you have completed " + taken
                        + "% of this course; refunds can be requested up to " + properties.maxProgressPercent()
                        + "% of a course's lessons; contact support");
            }
        }
        if (order.status() == OrderStatus.DUPLICATE) {
            Optional<RefundRepository.RefundRow> automatic = refunds.findOpen(orderId);
            if (automatic.isPresent()) {
                // the automatic refund of a duplicate payment whose provider call failed: an admin sends it again,
                // under the same idempotency key, so the provider never makes it twice
                if (automatic.get().stripeRefundId() == null) {
                    send(order, automatic.get());
                }
                return new RefundAccepted(automatic.get().id(), orderId, RefundRepository.REQUESTED);
            }
        }
        RefundRepository.RefundRow refund = transactions.execute(status -> {
            // the order is locked, so a confirmation that is just being applied is seen here
            Order current = orders.lock(orderId).orElseThrow();
            requireRefundable(current, caller);
            RefundRepository.RefundRow row = RefundRepository.RefundRow.requested(current,
                    current.paidAmount() - current.refundedAmount(), reason, caller.id(), now);
            if (!refunds.insertIfNoneOpen(row)) {
                throw new ApiException(HttpStatus.CONFLICT, "refund-already-requested",
                        "a refund of this order was already requested and is on its way; the order changes once the "
                                + "payment provider confirms it");
            }
            return row;
        });
        try {
            send(order, refund);
        } catch (PaymentProviderException e) {
            // nothing reached the provider (or it refused): the request ends, and a new one may be made
            transactions.executeWithoutResult(status -> refunds.fail(refund.id()));
            throw e;
        }
        return new RefundAccepted(refund.id(), orderId, RefundRepository.REQUESTED);
    }

    private static void requireRefundable(Order order, CurrentUser caller) {
        boolean refundable = order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED
                // an automatic refund of a duplicate payment that could not reach the provider: an admin retries it
                || order.status() == OrderStatus.DUPLICATE && caller.isAdmin();
        if (!refundable) {
            throw ApiException.conflict("an order that is " + order.status() + " cannot be refunded");
        }
    }

    /**
     * The whole payment of a {@link OrderStatus#DUPLICATE} order goes back. Called in the webhook's transaction: the
     * request is recorded there, and the provider is asked once that transaction has committed (no network call
     * inside it). If the provider cannot be reached the request stays open and an admin's refund sends it again
     * under the same idempotency key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundDuplicate(Order order, Instant now) {
        RefundRepository.RefundRow row = RefundRepository.RefundRow.requested(order, order.paidAmount(),
                DUPLICATE_REASON, null, now);
        refunds.insert(row);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    send(order, row);
                } catch (RuntimeException e) {
                    log.error("automatic refund {} of duplicate order {} not sent; retried shortly",
                            row.id(), order.id(), e);
                }
            }
        });
    }

    /**
     * Sends again the automatic refunds of duplicate payments that did not reach the provider (older than
     * {@code olderThan}, so one still on its way after a commit is left alone). The provider's idempotency key is
     * the refund id, so a refund that did reach it is not made twice.
     *
     * @return how many were sent
     */
    public int resendDuplicateRefunds(java.time.Duration olderThan) {
        int sent = 0;
        for (RefundRepository.RefundRow row : refunds.unsentForDuplicates(clock.instant().minus(olderThan))) {
            Order order = orders.find(row.orderId()).orElseThrow();
            try {
                send(order, row);
                sent++;
            } catch (RuntimeException e) {
                log.warn("automatic refund {} of duplicate order {} still not sent: {}", row.id(), order.id(),
                        e.toString());
            }
        }
        return sent;
    }

    private void send(Order order, RefundRepository.RefundRow refund) {
        // the provider's idempotency key is the refund id, so a retry never refunds twice
        PaymentProvider.ProviderRefund made = provider.refund(new PaymentProvider.RefundRequest(order.id(),
                refund.id(), order.paymentIntentId(), Money.of(refund.amount(), order.currency()), order.paid(),
                order.refunded(), refund.reason()));
        transactions.executeWithoutResult(status -> refunds.attachStripeId(refund.id(), made.providerRefundId()));
    }
}
