package io.skillwise.payment.invoice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    /**
     * An issued invoice: of an order, or (with {@code subscriptionId}, the Stripe invoice, its amount and period,
     * the subscriber and the plan as they were when it was issued) of one paid subscription period.
     */
    record InvoiceRow(UUID id, UUID orderId, String number, Instant issuedAt, UUID subscriptionId,
                      String stripeInvoiceId, Long amount, String currency, Instant periodStart, Instant periodEnd,
                      UUID subscriberId, String subscriberEmail, String planCode, String buyerName,
                      String buyerAddress, String paymentMethod) {

        static InvoiceRow ofOrder(UUID id, UUID orderId, String number, Instant issuedAt, String buyerName,
                                  String buyerAddress, String paymentMethod) {
            return new InvoiceRow(id, orderId, number, issuedAt, null, null, null, null, null, null, null, null,
                    null, buyerName, buyerAddress, paymentMethod);
        }
    }

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(InvoiceRow invoice) {
        jdbc.sql("""
                        insert into invoice (id, order_id, number, issued_at, subscription_id, stripe_invoice_id,
                            amount, currency, period_start, period_end, subscriber_id, subscriber_email, plan_code,
                            buyer_name, buyer_address, payment_method)
                        values (:id, :order, :number, :at, :subscription, :stripe, :amount, :currency, :start, :end,
                            :subscriber, :email, :plan, :buyerName, :buyerAddress, :paymentMethod)""")
                .param("id", invoice.id()).param("order", invoice.orderId()).param("number", invoice.number())
                .param("at", Timestamp.from(invoice.issuedAt())).param("subscription", invoice.subscriptionId())
                .param("stripe", invoice.stripeInvoiceId()).param("amount", invoice.amount())
                .param("currency", invoice.currency()).param("start", ts(invoice.periodStart()))
                .param("end", ts(invoice.periodEnd())).param("subscriber", invoice.subscriberId())
                .param("email", invoice.subscriberEmail()).param("plan", invoice.planCode())
                .param("buyerName", invoice.buyerName()).param("buyerAddress", invoice.buyerAddress())
                .param("paymentMethod", invoice.paymentMethod())
                .update();
    }

    /** The payment method, learned after the invoice was issued; once set it stays. */
    void setPaymentMethod(UUID id, String paymentMethod) {
        jdbc.sql("update invoice set payment_method = :method where id = :id and payment_method is null")
                .param("id", id).param("method", paymentMethod).update();
    }

    Optional<InvoiceRow> find(UUID id) {
        return jdbc.sql("select * from invoice where id = :id").param("id", id).query(InvoiceRepository::map)
                .optional();
    }

    Optional<InvoiceRow> findByOrder(UUID orderId) {
        return jdbc.sql("select * from invoice where order_id = :order").param("order", orderId)
                .query(InvoiceRepository::map).optional();
    }

    Optional<InvoiceRow> findByStripeInvoice(String stripeInvoiceId) {
        return jdbc.sql("select * from invoice where stripe_invoice_id = :stripe").param("stripe", stripeInvoiceId)
                .query(InvoiceRepository::map).optional();
    }

    /** The invoices of a subscriber's subscription periods, newest first. */
    java.util.List<InvoiceRow> bySubscriber(UUID subscriberId) {
        return jdbc.sql("select * from invoice where subscriber_id = :subscriber order by issued_at desc, id")
                .param("subscriber", subscriberId).query(InvoiceRepository::map).list();
    }

    /** What the subscription periods starting within {@code [from, to)} were invoiced, per currency. */
    java.util.Map<String, Long> subscriptionRevenue(Instant from, Instant to) {
        java.util.Map<String, Long> revenue = new java.util.TreeMap<>();
        jdbc.sql("""
                        select currency, sum(amount) as revenue from invoice
                        where subscription_id is not null and period_start >= :from and period_start < :to
                        group by currency""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> revenue.put(rs.getString("currency"), rs.getLong("revenue")))
                .list();
        return revenue;
    }

    /** The invoice of each of these orders that has one. */
    java.util.Map<UUID, UUID> idsByOrder(java.util.Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, UUID> ids = new java.util.HashMap<>();
        jdbc.sql("select order_id, id from invoice where order_id in (:orders)").param("orders", orderIds)
                .query((rs, row) -> ids.put(rs.getObject("order_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    private static InvoiceRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long amount = rs.getLong("amount");
        Long invoiced = rs.wasNull() ? null : amount;
        return new InvoiceRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("number"), rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("subscription_id", UUID.class), rs.getString("stripe_invoice_id"), invoiced,
                rs.getString("currency"), instant(rs.getTimestamp("period_start")),
                instant(rs.getTimestamp("period_end")), rs.getObject("subscriber_id", UUID.class),
                rs.getString("subscriber_email"), rs.getString("plan_code"), rs.getString("buyer_name"),
                rs.getString("buyer_address"), rs.getString("payment_method"));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
