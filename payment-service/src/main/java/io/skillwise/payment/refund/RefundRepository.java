package io.skillwise.payment.refund;

import io.skillwise.payment.order.Order;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefundRepository {

    /** Asked for and not confirmed yet: at most one per order (unique partial index {@code refund_one_open}). */
    static final String REQUESTED = "REQUESTED";
    static final String CONFIRMED = "CONFIRMED";
    /** The provider refused it or could not be reached; the order may be refunded by a new request. */
    static final String FAILED = "FAILED";
    // SUPERSEDED: a second open request from before refund_one_open existed, closed by migration V7

    record RefundRow(UUID id, UUID orderId, String stripeRefundId, long amount, String currency, String reason,
                     UUID actorId, String status, Instant requestedAt) {

        static RefundRow requested(Order order, long amount, String reason, UUID actorId, Instant at) {
            return new RefundRow(UUID.randomUUID(), order.id(), null, amount, order.currency(), reason, actorId,
                    REQUESTED, at);
        }

        /** A refund nobody asked for here (made in Stripe's dashboard), recorded when Stripe reports it. */
        static RefundRow confirmedElsewhere(Order order, String stripeRefundId, long amount, Instant at) {
            return new RefundRow(UUID.randomUUID(), order.id(), stripeRefundId, amount, order.currency(), null, null,
                    CONFIRMED, at);
        }
    }

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new open request unless the order already has one. The unique partial index decides, so of two
     * concurrent requests exactly one is stored, whatever both read before.
     *
     * @return false when another request for the order is open
     */
    boolean insertIfNoneOpen(RefundRow refund) {
        return jdbc.sql("""
                        insert into refund (id, order_id, stripe_refund_id, amount, currency, reason, actor_id, status,
                            requested_at)
                        values (:id, :order, :stripe, :amount, :currency, :reason, :actor, :status, :at)
                        on conflict (order_id) where status = 'REQUESTED' do nothing""")
                .param("id", refund.id()).param("order", refund.orderId()).param("stripe", refund.stripeRefundId())
                .param("amount", refund.amount()).param("currency", refund.currency()).param("reason", refund.reason())
                .param("actor", refund.actorId()).param("status", refund.status())
                .param("at", Timestamp.from(refund.requestedAt())).update() == 1;
    }

    void insert(RefundRow refund) {
        jdbc.sql("""
                        insert into refund (id, order_id, stripe_refund_id, amount, currency, reason, actor_id, status,
                            requested_at)
                        values (:id, :order, :stripe, :amount, :currency, :reason, :actor, :status, :at)""")
                .param("id", refund.id()).param("order", refund.orderId()).param("stripe", refund.stripeRefundId())
                .param("amount", refund.amount()).param("currency", refund.currency()).param("reason", refund.reason())
                .param("actor", refund.actorId()).param("status", refund.status())
                .param("at", Timestamp.from(refund.requestedAt())).update();
    }

    Optional<RefundRow> find(UUID id) {
        return jdbc.sql("select * from refund where id = :id").param("id", id).query(RefundRepository::map).optional();
    }

    Optional<RefundRow> findByStripeId(String stripeRefundId) {
        return jdbc.sql("select * from refund where stripe_refund_id = :stripe").param("stripe", stripeRefundId)
                .query(RefundRepository::map).optional();
    }

    /** The order's open request, if any (there is at most one). */
    Optional<RefundRow> findOpen(UUID orderId) {
        return jdbc.sql("select * from refund where order_id = :order and status = 'REQUESTED'")
                .param("order", orderId).query(RefundRepository::map).optional();
    }

    /**
     * Automatic refunds of duplicate payments recorded before {@code before} that never reached the provider (it
     * failed right after the webhook's commit).
     */
    java.util.List<RefundRow> unsentForDuplicates(Instant before) {
        return jdbc.sql("""
                        select r.* from refund r join payment_order o on o.id = r.order_id
                        where r.status = 'REQUESTED' and r.stripe_refund_id is null and o.status = 'DUPLICATE'
                        and r.requested_at < :before order by r.requested_at limit 100""")
                .param("before", Timestamp.from(before)).query(RefundRepository::map).list();
    }

    /** Set once the provider answers; the webhook may have set it first. */
    void attachStripeId(UUID id, String stripeRefundId) {
        jdbc.sql("update refund set stripe_refund_id = :stripe where id = :id and stripe_refund_id is null")
                .param("id", id).param("stripe", stripeRefundId).update();
    }

    /** Closes a request the provider did not take, unless its webhook confirmed it meanwhile. */
    void fail(UUID id) {
        jdbc.sql("update refund set status = 'FAILED' where id = :id and status = 'REQUESTED'").param("id", id).update();
    }

    void confirm(UUID id, String stripeRefundId, long amount, Instant at) {
        jdbc.sql("""
                        update refund set status = 'CONFIRMED', confirmed_at = :at, amount = :amount,
                            stripe_refund_id = coalesce(stripe_refund_id, :stripe)
                        where id = :id""")
                .param("id", id).param("stripe", stripeRefundId).param("amount", amount)
                .param("at", Timestamp.from(at)).update();
    }

    private static RefundRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RefundRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("stripe_refund_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("reason"), rs.getObject("actor_id", UUID.class), rs.getString("status"),
                rs.getTimestamp("requested_at").toInstant());
    }
}
