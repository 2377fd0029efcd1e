package io.skillwise.payment.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new order unless the buyer already used the idempotency key.
     *
     * @return false when the key was taken (the caller reads the existing order)
     */
    public boolean insertIfNew(Order order) {
        return jdbc.sql("""
                        insert into payment_order (id, buyer_id, buyer_email, idempotency_key, course_id, instructor_id,
                            course_title, price_amount, discount_amount, paid_amount, currency, platform_fee_amount,
                            refunded_amount, coupon_code, referral_code, status, provider, checkout_session_id,
                            checkout_url, payment_intent_id, created_at, paid_at, updated_at)
                        values (:id, :buyer, :email, :key, :course, :instructor, :title, :price, :discount, :paid,
                            :currency, :fee, :refunded, :coupon, :referral, :status, :provider, :session, :url,
                            :intent, :created, :paidAt, :updated)
                        on conflict (buyer_id, idempotency_key) do nothing""")
                .param("id", order.id()).param("buyer", order.buyerId()).param("email", order.buyerEmail())
                .param("key", order.idempotencyKey()).param("course", order.courseId())
                .param("instructor", order.instructorId()).param("title", order.courseTitle())
                .param("price", order.priceAmount()).param("discount", order.discountAmount())
                .param("paid", order.paidAmount()).param("currency", order.currency())
                .param("fee", order.platformFeeAmount()).param("refunded", order.refundedAmount())
                .param("coupon", order.couponCode()).param("referral", order.referralCode())
                .param("status", order.status().name()).param("provider", order.provider())
                .param("session", order.checkoutSessionId()).param("url", order.checkoutUrl())
                .param("intent", order.paymentIntentId()).param("created", ts(order.createdAt()))
                .param("paidAt", ts(order.paidAt())).param("updated", ts(order.updatedAt()))
                .update() == 1;
    }

    /** Writes the fields that change after creation. */
    public void update(Order order) {
        jdbc.sql("""
                        update payment_order set platform_fee_amount = :fee, refunded_amount = :refunded,
                            status = :status, checkout_session_id = :session, checkout_url = :url,
                            payment_intent_id = :intent, paid_at = :paidAt, updated_at = :updated
                        where id = :id""")
                .param("id", order.id()).param("fee", order.platformFeeAmount())
                .param("refunded", order.refundedAmount()).param("status", order.status().name())
                .param("session", order.checkoutSessionId()).param("url", order.checkoutUrl())
                .param("intent", order.paymentIntentId()).param("paidAt", ts(order.paidAt()))
                .param("updated", ts(order.updatedAt()))
                .update();
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("select * from payment_order where id = :id").param("id", id).query(OrderRepository::map)
                .optional();
    }

    /** Reads the order and locks its row until the transaction ends, so two webhooks never interleave on it. */
    public Optional<Order> lock(UUID id) {
        return jdbc.sql("select * from payment_order where id = :id for update").param("id", id)
                .query(OrderRepository::map).optional();
    }

    public Optional<Order> lockByPaymentIntent(String intentId) {
        return jdbc.sql("select * from payment_order where payment_intent_id = :intent for update")
                .param("intent", intentId).query(OrderRepository::map).optional();
    }

    public Optional<Order> findByIdempotencyKey(UUID buyerId, String key) {
        return jdbc.sql("select * from payment_order where buyer_id = :buyer and idempotency_key = :key")
                .param("buyer", buyerId).param("key", key).query(OrderRepository::map).optional();
    }

    public boolean owns(UUID buyerId, UUID courseId) {
        return jdbc.sql("""
                        select count(*) from payment_order where buyer_id = :buyer and course_id = :course
                        and status in ('PAID', 'PARTIALLY_REFUNDED', 'DISPUTED')""")
                .param("buyer", buyerId).param("course", courseId).query(Long.class).single() > 0;
    }

    public List<Order> byBuyer(UUID buyerId, int page, int size) {
        return jdbc.sql("select * from payment_order where buyer_id = :buyer order by created_at desc, id limit :size offset :offset")
                .param("buyer", buyerId).param("size", size).param("offset", (long) page * size)
                .query(OrderRepository::map).list();
    }

    public long countByBuyer(UUID buyerId) {
        return jdbc.sql("select count(*) from payment_order where buyer_id = :buyer").param("buyer", buyerId)
                .query(Long.class).single();
    }

    public List<Order> byStatus(OrderStatus status, int page, int size) {
        return jdbc.sql("""
                        select * from payment_order where (cast(:status as text) is null or status = :status)
                        order by created_at desc, id limit :size offset :offset""")
                .param("status", status == null ? null : status.name()).param("size", size)
                .param("offset", (long) page * size).query(OrderRepository::map).list();
    }

    public long countByStatus(OrderStatus status) {
        return jdbc.sql("select count(*) from payment_order where (cast(:status as text) is null or status = :status)")
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    /** The invoice of each order that has one (the invoice table is keyed by order). */
    public java.util.Map<UUID, UUID> invoiceIds(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, UUID> ids = new java.util.HashMap<>();
        jdbc.sql("select order_id, id from invoice where order_id in (:orders)").param("orders", orderIds)
                .query((rs, row) -> ids.put(rs.getObject("order_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        long fee = rs.getLong("platform_fee_amount");
        Long platformFee = rs.wasNull() ? null : fee;
        return new Order(rs.getObject("id", UUID.class), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_email"), rs.getString("idempotency_key"), rs.getObject("course_id", UUID.class),
                rs.getObject("instructor_id", UUID.class), rs.getString("course_title"), rs.getLong("price_amount"),
                rs.getLong("discount_amount"), rs.getLong("paid_amount"), rs.getString("currency"), platformFee,
                rs.getLong("refunded_amount"), rs.getString("coupon_code"), rs.getString("referral_code"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("provider"),
                rs.getString("checkout_session_id"), rs.getString("checkout_url"), rs.getString("payment_intent_id"),
                instant(rs, "created_at"), instant(rs, "paid_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
