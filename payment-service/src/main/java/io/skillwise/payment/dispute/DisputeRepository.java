package io.skillwise.payment.dispute;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {

    record DisputeRow(UUID id, UUID orderId, String stripeDisputeId, long amount, String currency, String status) {
    }

    private final JdbcClient jdbc;

    DisputeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DisputeRow dispute, String reason, Instant at) {
        jdbc.sql("""
                        insert into dispute (id, order_id, stripe_dispute_id, amount, currency, reason, status, opened_at)
                        values (:id, :order, :stripe, :amount, :currency, :reason, :status, :at)""")
                .param("id", dispute.id()).param("order", dispute.orderId()).param("stripe", dispute.stripeDisputeId())
                .param("amount", dispute.amount()).param("currency", dispute.currency()).param("reason", reason)
                .param("status", dispute.status()).param("at", Timestamp.from(at)).update();
    }

    Optional<DisputeRow> findByStripeId(String stripeDisputeId) {
        return jdbc.sql("select * from dispute where stripe_dispute_id = :stripe").param("stripe", stripeDisputeId)
                .query((rs, row) -> new DisputeRow(rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class), rs.getString("stripe_dispute_id"),
                        rs.getLong("amount"), rs.getString("currency"), rs.getString("status")))
                .optional();
    }

    void close(UUID id, String status, Instant at) {
        jdbc.sql("update dispute set status = :status, closed_at = :at where id = :id")
                .param("id", id).param("status", status).param("at", Timestamp.from(at)).update();
    }
}
