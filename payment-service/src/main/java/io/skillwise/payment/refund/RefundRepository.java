package io.skillwise.payment.refund;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RefundRepository {

    public static final String REQUESTED = "REQUESTED";
    public static final String CONFIRMED = "CONFIRMED";

    public record RefundRow(UUID id, UUID orderId, String stripeRefundId, long amount, String currency, String reason,
                            UUID actorId, String status, Instant requestedAt) {
    }

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RefundRow refund) {
        jdbc.sql("""
                        insert into refund (id, order_id, stripe_refund_id, amount, currency, reason, actor_id, status,
                            requested_at)
                        values (:id, :order, :stripe, :amount, :currency, :reason, :actor, :status, :at)""")
                .param("id", refund.id()).param("order", refund.orderId()).param("stripe", refund.stripeRefundId())
                .param("amount", refund.amount()).param("currency", refund.currency()).param("reason", refund.reason())
                .param("actor", refund.actorId()).param("status", refund.status())
                .param("at", Timestamp.from(refund.requestedAt())).update();
    }

    public Optional<RefundRow> find(UUID id) {
        return jdbc.sql("select * from refund where id = :id").param("id", id).query(RefundRepository::map).optional();
    }

    public Optional<RefundRow> findByStripeId(String stripeRefundId) {
        return jdbc.sql("select * from refund where stripe_refund_id = :stripe").param("stripe", stripeRefundId)
                .query(RefundRepository::map).optional();
    }

    public Optional<RefundRow> findRequested(UUID orderId) {
        return jdbc.sql("select * from refund where order_id = :order and status = 'REQUESTED' order by requested_at limit 1")
                .param("order", orderId).query(RefundRepository::map).optional();
    }

    /** Set once the provider answers; the webhook may have set it first. */
    /**
     * Automatic refunds of duplicate payments recorded before {@code before} that never reached the provider (it
     * failed right after the webhook's commit).
     */
    public java.util.List<RefundRow> unsentForDuplicates(Instant before) {
        return jdbc.sql("""
                        select r.* from refund r join payment_order o on o.id = r.order_id
                        where r.status = 'REQUESTED' and r.stripe_refund_id is null and o.status = 'DUPLICATE'
                        and r.requested_at < :before order by r.requested_at limit 100""")
                .param("before", Timestamp.from(before)).query(RefundRepository::map).list();
    }

    public void attachStripeId(UUID id, String stripeRefundId) {
        jdbc.sql("update refund set stripe_refund_id = :stripe where id = :id and stripe_refund_id is null")
                .param("id", id).param("stripe", stripeRefundId).update();
    }

    public void confirm(UUID id, String stripeRefundId, long amount, Instant at) {
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
