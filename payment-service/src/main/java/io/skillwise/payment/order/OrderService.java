package io.skillwise.payment.order;

import io.skillwise.kit.web.PageView;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order feature's door for the others: checkout opens orders, the webhook handlers lock and move them, refunds,
 * invoices, earnings and the history read them. Only this feature touches the order tables.
 */
@Service
public class OrderService {

    private final OrderRepository orders;

    OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * Stores a new order with its lines unless the buyer already used its idempotency key.
     *
     * @return false when the key was taken (the caller reads the order that holds it)
     */
    public boolean openIfNew(Order order) {
        return orders.insertIfNew(order);
    }

    /** Writes an order's status, payment and amounts and its lines' fees and refunds. */
    public void save(Order order) {
        orders.update(order);
    }

    public Optional<Order> find(UUID orderId) {
        return orders.find(orderId);
    }

    public Optional<Order> findByIdempotencyKey(UUID buyerId, String idempotencyKey) {
        return orders.findByIdempotencyKey(buyerId, idempotencyKey);
    }

    /** Reads the order and locks it until the caller's transaction ends, so two webhooks never interleave on it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Order> lock(UUID orderId) {
        return orders.lock(orderId);
    }

    /** As {@link #lock(UUID)}, finding the order by the provider's payment (charges, refunds, disputes name it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Order> lockByPaymentIntent(String paymentIntentId) {
        return orders.lockByPaymentIntent(paymentIntentId);
    }

    /** Which of these courses the buyer holds through a paid (or partly refunded, or disputed) order. */
    public List<UUID> owned(UUID buyerId, Collection<UUID> courseIds) {
        return orders.owned(buyerId, courseIds, null);
    }

    /** As {@link #owned(UUID, Collection)}, leaving out the order being paid. */
    public List<UUID> ownedElsewhere(Order order) {
        return orders.owned(order.buyerId(), order.courseIds(), order.id());
    }

    /** The buyer's open checkouts (pending, or declined and payable again) created after {@code since}, newest first. */
    public List<Order> openSince(UUID buyerId, Instant since) {
        return orders.openSince(buyerId, since);
    }

    /** The buyer's orders, newest first. */
    @Transactional(readOnly = true)
    public PageView<Order> byBuyer(UUID buyerId, int page, int size) {
        PageView.check(page, size);
        return PageView.of(orders.byBuyer(buyerId, page, size), page, size, orders.countByBuyer(buyerId));
    }

    /** Every order, or those in one status, newest first. */
    @Transactional(readOnly = true)
    public PageView<Order> byStatus(OrderStatus status, int page, int size) {
        PageView.check(page, size);
        return PageView.of(orders.byStatus(status, page, size), page, size, orders.countByStatus(status));
    }
}
