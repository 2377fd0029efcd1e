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
class OrderRepository {

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new order and its lines unless the buyer already used the idempotency key.
     *
     * @return false when the key was taken (the caller reads the existing order)
     */
    boolean insertIfNew(Order order) {
        boolean inserted = jdbc.sql("""
                        insert into payment_order (id, buyer_id, buyer_email, idempotency_key, title, bundle_id,
                            price_amount, discount_amount, paid_amount, currency, platform_fee_amount,
                            refunded_amount, coupon_id, coupon_code, referral_code, affiliate_code, status, provider,
                            checkout_session_id, checkout_url, payment_intent_id, created_at, paid_at, updated_at)
                        values (:id, :buyer, :email, :key, :title, :bundle, :price, :discount, :paid,
                            :currency, :fee, :refunded, :couponId, :coupon, :referral, :affiliate, :status, :provider,
                            :session, :url, :intent, :created, :paidAt, :updated)
                        on conflict (buyer_id, idempotency_key) do nothing""")
                .param("id", order.id()).param("buyer", order.buyerId()).param("email", order.buyerEmail())
                .param("key", order.idempotencyKey()).param("title", order.title())
                .param("bundle", order.bundleId())
                .param("price", order.priceAmount()).param("discount", order.discountAmount())
                .param("paid", order.paidAmount()).param("currency", order.currency())
                .param("fee", order.platformFeeAmount()).param("refunded", order.refundedAmount())
                .param("couponId", order.couponId())
                .param("coupon", order.couponCode()).param("referral", order.referralCode())
                .param("affiliate", order.affiliateCode())
                .param("status", order.status().name()).param("provider", order.provider())
                .param("session", order.checkoutSessionId()).param("url", order.checkoutUrl())
                .param("intent", order.paymentIntentId()).param("created", ts(order.createdAt()))
                .param("paidAt", ts(order.paidAt())).param("updated", ts(order.updatedAt()))
                .update() == 1;
        if (inserted) {
            for (int i = 0; i < order.lines().size(); i++) {
                Order.Line line = order.lines().get(i);
                jdbc.sql("""
                                insert into order_line (order_id, position, course_id, instructor_id, course_title,
                                    price_amount, discount_amount, paid_amount, platform_fee_amount, refunded_amount)
                                values (:order, :position, :course, :instructor, :title, :price, :discount, :paid,
                                    :fee, :refunded)""")
                        .param("order", order.id()).param("position", i).param("course", line.courseId())
                        .param("instructor", line.instructorId()).param("title", line.courseTitle())
                        .param("price", line.priceAmount()).param("discount", line.discountAmount())
                        .param("paid", line.paidAmount()).param("fee", line.platformFeeAmount())
                        .param("refunded", line.refundedAmount())
                        .update();
            }
        }
        return inserted;
    }

    /** Writes the fields that change after creation, the order's totals from its lines. */
    void update(Order order) {
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
        for (Order.Line line : order.lines()) {
            jdbc.sql("""
                            update order_line set platform_fee_amount = :fee, refunded_amount = :refunded
                            where order_id = :order and course_id = :course""")
                    .param("order", order.id()).param("course", line.courseId())
                    .param("fee", line.platformFeeAmount()).param("refunded", line.refundedAmount())
                    .update();
        }
    }

    Optional<Order> find(UUID id) {
        return one(jdbc.sql("select * from payment_order where id = :id").param("id", id).query(OrderRepository::map)
                .optional());
    }

    /** Reads the order and locks its row until the transaction ends, so two webhooks never interleave on it. */
    Optional<Order> lock(UUID id) {
        return one(jdbc.sql("select * from payment_order where id = :id for update").param("id", id)
                .query(OrderRepository::map).optional());
    }

    Optional<Order> lockByPaymentIntent(String intentId) {
        return one(jdbc.sql("select * from payment_order where payment_intent_id = :intent for update")
                .param("intent", intentId).query(OrderRepository::map).optional());
    }

    Optional<Order> findByIdempotencyKey(UUID buyerId, String key) {
        return one(jdbc.sql("select * from payment_order where buyer_id = :buyer and idempotency_key = :key")
                .param("buyer", buyerId).param("key", key).query(OrderRepository::map).optional());
    }

    /**
     * Which of these courses the buyer holds through a paid (or partly refunded, or disputed) order, leaving one
     * order out when {@code exceptOrder} is given.
     */
    List<UUID> owned(UUID buyerId, java.util.Collection<UUID> courseIds, UUID exceptOrder) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct l.course_id from order_line l join payment_order o on o.id = l.order_id
                        where o.buyer_id = :buyer and l.course_id in (:courses)
                        and o.status in ('PAID', 'PARTIALLY_REFUNDED', 'DISPUTED')
                        and (cast(:except as uuid) is null or o.id <> :except)""")
                .param("buyer", buyerId).param("courses", courseIds).param("except", exceptOrder)
                .query(UUID.class).list();
    }

    /**
     * The buyer's open checkouts (pending, or declined and payable again) created after {@code since}, newest
     * first, to offer again instead of opening a second one for the same courses.
     */
    List<Order> openSince(UUID buyerId, Instant since) {
        return withLines(jdbc.sql("""
                        select * from payment_order where buyer_id = :buyer and status in ('PENDING', 'FAILED')
                        and created_at > :since order by created_at desc""")
                .param("buyer", buyerId).param("since", ts(since)).query(OrderRepository::map).list());
    }

    List<Order> byBuyer(UUID buyerId, int page, int size) {
        return withLines(jdbc.sql("select * from payment_order where buyer_id = :buyer order by created_at desc, id limit :size offset :offset")
                .param("buyer", buyerId).param("size", size).param("offset", (long) page * size)
                .query(OrderRepository::map).list());
    }

    long countByBuyer(UUID buyerId) {
        return jdbc.sql("select count(*) from payment_order where buyer_id = :buyer").param("buyer", buyerId)
                .query(Long.class).single();
    }

    List<Order> byStatus(OrderStatus status, int page, int size) {
        return withLines(jdbc.sql("""
                        select * from payment_order where (cast(:status as text) is null or status = :status)
                        order by created_at desc, id limit :size offset :offset""")
                .param("status", status == null ? null : status.name()).param("size", size)
                .param("offset", (long) page * size).query(OrderRepository::map).list());
    }

    long countByStatus(OrderStatus status) {
        return jdbc.sql("select count(*) from payment_order where (cast(:status as text) is null or status = :status)")
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    /** Attaches the lines, read in one query for all the orders. */
    private List<Order> withLines(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, List<Order.Line>> lines = new java.util.HashMap<>();
        jdbc.sql("select * from order_line where order_id in (:orders) order by order_id, position")
                .param("orders", rows.stream().map(r -> r.id).toList())
                .query((rs, row) -> lines.computeIfAbsent(rs.getObject("order_id", UUID.class),
                        id -> new java.util.ArrayList<>()).add(line(rs)))
                .list();
        return rows.stream().map(r -> r.toOrder(lines.getOrDefault(r.id, List.of()))).toList();
    }

    private Optional<Order> one(Optional<OrderRow> row) {
        return row.map(r -> withLines(List.of(r)).getFirst());
    }

    private static Order.Line line(ResultSet rs) throws SQLException {
        long fee = rs.getLong("platform_fee_amount");
        Long platformFee = rs.wasNull() ? null : fee;
        return new Order.Line(rs.getObject("course_id", UUID.class), rs.getObject("instructor_id", UUID.class),
                rs.getString("course_title"), rs.getLong("price_amount"), rs.getLong("discount_amount"),
                rs.getLong("paid_amount"), platformFee, rs.getLong("refunded_amount"));
    }

    /** An order row before its lines are attached. */
    private record OrderRow(UUID id, UUID buyerId, String buyerEmail, String idempotencyKey, String title,
                            UUID bundleId, String currency, UUID couponId, String couponCode, String referralCode,
                            String affiliateCode, OrderStatus status, String provider, String session, String url,
                            String intent, Instant created, Instant paidAt, Instant updated) {

        Order toOrder(List<Order.Line> lines) {
            return new Order(id, buyerId, buyerEmail, idempotencyKey, title, lines, bundleId, currency, couponId,
                    couponCode, referralCode, affiliateCode, status, provider, session, url, intent, created, paidAt,
                    updated);
        }
    }

    private static OrderRow map(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getObject("id", UUID.class), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_email"), rs.getString("idempotency_key"), rs.getString("title"),
                rs.getObject("bundle_id", UUID.class), rs.getString("currency"), rs.getObject("coupon_id", UUID.class),
                rs.getString("coupon_code"), rs.getString("referral_code"), rs.getString("affiliate_code"),
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
