package io.skillwise.analytics.sales;

import static io.skillwise.analytics.projection.SqlArrays.booleans;
import static io.skillwise.analytics.projection.SqlArrays.ints;
import static io.skillwise.analytics.projection.SqlArrays.longs;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;
import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.SubscriptionEnded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writing side of the sales tables of the projection version in use: {@code earning} and its roll-ups
 * {@code revenue_day} and {@code revenue_total}, {@code unsplit_reversal}, {@code checkout}, {@code dispute},
 * {@code subscription_payment}, {@code subscription_end}.
 */
@Repository
class SalesRepository {

    /** A refund or lost dispute whose event predates {@code lines}. */
    record Unsplit(UUID sourceId, String kind, UUID orderId, long amount, String currency, boolean whole,
                   Instant occurredAt) {
    }

    record SubscriptionPayment(UUID subscriptionId, Instant periodStart, UUID subscriberId, long amount,
                               String currency, Instant paidAt, boolean firstPeriod) {
    }

    /**
     * Adds rows of the ledger that became countable (their stream is known) to the daily roll-up and to the running
     * totals per course, in one statement over the same rows ({@code counted}), so the two never disagree.
     */
    private static final String ROLL_UP = """
            , countable as (
                select course_id, (occurred_at at time zone 'UTC')::date as day, stream, currency, instructor_id,
                       count(*) filter (where kind = 'SALE') as orders,
                       count(*) filter (where kind in ('REFUND', 'DISPUTE_LOST')) as refunds,
                       coalesce(sum(gross) filter (where kind in ('SALE', 'SUBSCRIPTION_SHARE')), 0) as gross,
                       sum(discount) as discount,
                       coalesce(-sum(gross) filter (where kind in ('REFUND', 'DISPUTE_LOST')), 0) as refunded,
                       sum(fee) as fee, sum(commission) as commission, sum(net) as net
                from counted where stream is not null
                group by 1, 2, 3, 4, 5),
            by_day as (
                insert into revenue_day (course_id, day, stream, currency, instructor_id, orders, refunds, gross,
                                         discount, refunded, fee, commission, net)
                select * from countable order by course_id, day, stream, currency
                on conflict (course_id, day, stream, currency) do update set
                    orders = revenue_day.orders + excluded.orders, refunds = revenue_day.refunds + excluded.refunds,
                    gross = revenue_day.gross + excluded.gross, discount = revenue_day.discount + excluded.discount,
                    refunded = revenue_day.refunded + excluded.refunded, fee = revenue_day.fee + excluded.fee,
                    commission = revenue_day.commission + excluded.commission, net = revenue_day.net + excluded.net)
            insert into revenue_total (instructor_id, course_id, currency, orders, refunds, gross, discount, refunded,
                                       fee, commission, net)
            select instructor_id, course_id, currency, sum(orders), sum(refunds), sum(gross), sum(discount),
                   sum(refunded), sum(fee), sum(commission), sum(net)
            from countable group by 1, 2, 3 order by 1, 2, 3
            on conflict (instructor_id, course_id, currency) do update set
                orders = revenue_total.orders + excluded.orders, refunds = revenue_total.refunds + excluded.refunds,
                gross = revenue_total.gross + excluded.gross, discount = revenue_total.discount + excluded.discount,
                refunded = revenue_total.refunded + excluded.refunded, fee = revenue_total.fee + excluded.fee,
                commission = revenue_total.commission + excluded.commission, net = revenue_total.net + excluded.net""";

    private static final String EARNING_COLUMNS = """
            kind, source_id, course_id, instructor_id, order_id, line_no, stream, list_price, discount, gross, fee,
            commission, net, currency, occurred_at""";

    private final JdbcClient jdbc;

    SalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** New ledger rows; a row seen before changes nothing, and only new rows with a known stream are rolled up. */
    void record(List<Earning> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("with counted as (insert into earning (" + EARNING_COLUMNS + ") "
                        + "select * from unnest(:kinds, :sources, :courses, :instructors, :orders, :lines, :streams, "
                        + ":listPrices, :discounts, :gross, :fees, :commissions, :net, :currencies, "
                        + "cast(:times as timestamptz[])) on conflict do nothing returning *)" + ROLL_UP)
                .param("kinds", texts(column(rows, Earning::kind)))
                .param("sources", uuids(column(rows, Earning::sourceId)))
                .param("courses", uuids(column(rows, Earning::courseId)))
                .param("instructors", uuids(column(rows, Earning::instructorId)))
                .param("orders", uuids(column(rows, Earning::orderId)))
                .param("lines", ints(column(rows, Earning::lineNo)))
                .param("streams", texts(column(rows, Earning::stream)))
                .param("listPrices", longs(column(rows, Earning::listPrice)))
                .param("discounts", longs(column(rows, Earning::discount)))
                .param("gross", longs(column(rows, Earning::gross)))
                .param("fees", longs(column(rows, Earning::fee)))
                .param("commissions", longs(column(rows, Earning::commission)))
                .param("net", longs(column(rows, Earning::net)))
                .param("currencies", texts(column(rows, Earning::currency)))
                .param("times", times(column(rows, Earning::occurredAt)))
                .update();
    }

    /** Rows of these orders that waited for their sale and now have it: they take its stream and are rolled up. */
    void resolveWaiting(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with counted as (
                            update earning waiting set stream = sale.stream
                            from earning sale
                            where waiting.stream is null and waiting.order_id = any(:orders)
                              and sale.kind = 'SALE' and sale.source_id = waiting.order_id
                              and sale.course_id = waiting.course_id
                            returning waiting.*)""" + ROLL_UP)
                .param("orders", uuids(orderIds))
                .update();
    }

    void recordUnsplit(List<Unsplit> reversals) {
        if (reversals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into unsplit_reversal (source_id, kind, order_id, amount, currency, whole, occurred_at)
                        select * from unnest(:sources, :kinds, :orders, :amounts, :currencies, :whole,
                                             cast(:times as timestamptz[]))
                        on conflict do nothing""")
                .param("sources", uuids(column(reversals, Unsplit::sourceId)))
                .param("kinds", texts(column(reversals, Unsplit::kind)))
                .param("orders", uuids(column(reversals, Unsplit::orderId)))
                .param("amounts", longs(column(reversals, Unsplit::amount)))
                .param("currencies", texts(column(reversals, Unsplit::currency)))
                .param("whole", booleans(column(reversals, Unsplit::whole)))
                .param("times", times(column(reversals, Unsplit::occurredAt)))
                .update();
    }

    /**
     * Splits the waiting reversals of these orders whose sale is known (oldest first, each from the lines' running
     * totals), records the rows and marks them split.
     */
    void splitWaiting(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        List<Unsplit> waiting = jdbc.sql("""
                        select u.* from unsplit_reversal u
                        where not u.split and u.order_id = any(:orders)
                          and exists (select 1 from earning s where s.kind = 'SALE' and s.source_id = u.order_id)
                        order by u.order_id, u.occurred_at, u.source_id""")
                .param("orders", uuids(orderIds))
                .query((rs, row) -> new Unsplit(rs.getObject("source_id", UUID.class), rs.getString("kind"),
                        rs.getObject("order_id", UUID.class), rs.getLong("amount"), rs.getString("currency"),
                        rs.getBoolean("whole"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
        Map<UUID, List<Unsplit>> byOrder = new HashMap<>();
        waiting.forEach(reversal -> byOrder.computeIfAbsent(reversal.orderId(), id -> new ArrayList<>()).add(reversal));
        for (Map.Entry<UUID, List<Unsplit>> order : byOrder.entrySet()) {
            List<Earning> saleLines = jdbc.sql("select * from earning where kind = 'SALE' and source_id = :order "
                            + "order by line_no")
                    .param("order", order.getKey()).query(SalesRepository::mapEarning).list();
            Map<UUID, long[]> reversedSoFar = new HashMap<>();
            jdbc.sql("""
                            select course_id, -sum(gross) as refunded, -sum(fee) as fee from earning
                            where order_id = :order and kind in ('REFUND', 'DISPUTE_LOST') group by course_id""")
                    .param("order", order.getKey())
                    .query((rs, row) -> reversedSoFar.put(rs.getObject("course_id", UUID.class),
                            new long[] {rs.getLong("refunded"), rs.getLong("fee")}))
                    .list();
            List<Earning> rows = new ArrayList<>();
            for (Unsplit reversal : order.getValue()) {
                List<LegacyReversalSplit.Line> lines = saleLines.stream().map(sale -> {
                    long[] back = reversedSoFar.getOrDefault(sale.courseId(), new long[2]);
                    return new LegacyReversalSplit.Line(sale.lineNo(), sale.gross(), sale.fee(), back[0], back[1]);
                }).toList();
                for (LegacyReversalSplit.Part part : LegacyReversalSplit.split(lines, reversal.amount(), reversal.whole())) {
                    Earning sale = saleLines.stream().filter(line -> line.lineNo() == part.lineNo()).findFirst()
                            .orElseThrow();
                    rows.add(new Earning(reversal.kind(), reversal.sourceId(), sale.courseId(), sale.instructorId(),
                            reversal.orderId(), null, sale.stream(), 0, 0, -part.amount(), -part.fee(), 0,
                            -(part.amount() - part.fee()), sale.currency(), reversal.occurredAt()));
                    long[] back = reversedSoFar.computeIfAbsent(sale.courseId(), id -> new long[2]);
                    back[0] += part.amount();
                    back[1] += part.fee();
                }
            }
            record(rows);
            jdbc.sql("update unsplit_reversal set split = true where source_id = any(:sources)")
                    .param("sources", uuids(order.getValue().stream().map(Unsplit::sourceId).toList()))
                    .update();
        }
    }

    void checkoutsStarted(Collection<CheckoutStarted> started) {
        if (started.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into checkout (order_id, buyer_id, started_at, total, currency)
                        select * from unnest(:orders, :buyers, cast(:times as timestamptz[]), :totals, :currencies)
                        on conflict (order_id) do update set
                            started_at = least(coalesce(checkout.started_at, excluded.started_at), excluded.started_at),
                            buyer_id = excluded.buyer_id, total = coalesce(checkout.total, excluded.total),
                            currency = coalesce(checkout.currency, excluded.currency)""")
                .param("orders", uuids(column(started, CheckoutStarted::orderId)))
                .param("buyers", uuids(column(started, CheckoutStarted::buyerId)))
                .param("times", times(column(started, CheckoutStarted::occurredAt)))
                .param("totals", longs(column(started, e -> e.total().amount())))
                .param("currencies", texts(column(started, e -> e.total().currency())))
                .update();
    }

    void checkoutsPaid(Collection<CoursePurchased> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into checkout (order_id, buyer_id, paid_at, total, currency)
                        select * from unnest(:orders, :buyers, cast(:times as timestamptz[]), :totals, :currencies)
                        on conflict (order_id) do update set
                            paid_at = least(coalesce(checkout.paid_at, excluded.paid_at), excluded.paid_at),
                            buyer_id = excluded.buyer_id, total = coalesce(checkout.total, excluded.total),
                            currency = coalesce(checkout.currency, excluded.currency)""")
                .param("orders", uuids(column(purchases, CoursePurchased::orderId)))
                .param("buyers", uuids(column(purchases, CoursePurchased::buyerId)))
                .param("times", times(column(purchases, CoursePurchased::occurredAt)))
                .param("totals", longs(column(purchases, e -> e.total().amount())))
                .param("currencies", texts(column(purchases, e -> e.total().currency())))
                .update();
    }

    /** The first failure of an order is the one the funnel shows. */
    void checkoutsFailed(Collection<PaymentFailed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into checkout (order_id, buyer_id, failed_at, failure_code, total, currency)
                        select * from unnest(:orders, :buyers, cast(:times as timestamptz[]), :codes, :totals, :currencies)
                        on conflict (order_id) do update set
                            failure_code = case when checkout.failed_at is null or excluded.failed_at < checkout.failed_at
                                then excluded.failure_code else checkout.failure_code end,
                            failed_at = least(coalesce(checkout.failed_at, excluded.failed_at), excluded.failed_at),
                            buyer_id = excluded.buyer_id, total = coalesce(checkout.total, excluded.total),
                            currency = coalesce(checkout.currency, excluded.currency)""")
                .param("orders", uuids(column(failures, PaymentFailed::orderId)))
                .param("buyers", uuids(column(failures, PaymentFailed::buyerId)))
                .param("times", times(column(failures, PaymentFailed::occurredAt)))
                .param("codes", texts(column(failures, PaymentFailed::failureCode)))
                .param("totals", longs(column(failures, e -> e.amount().amount())))
                .param("currencies", texts(column(failures, e -> e.amount().currency())))
                .update();
    }

    void disputesOpened(Collection<PaymentDisputed> disputes) {
        if (disputes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into dispute (dispute_id, order_id, amount, currency, opened_at)
                        select * from unnest(:disputes, :orders, :amounts, :currencies, cast(:times as timestamptz[]))
                        on conflict (dispute_id) do update set
                            opened_at = least(coalesce(dispute.opened_at, excluded.opened_at), excluded.opened_at),
                            amount = excluded.amount, currency = excluded.currency""")
                .param("disputes", uuids(column(disputes, PaymentDisputed::disputeId)))
                .param("orders", uuids(column(disputes, PaymentDisputed::orderId)))
                .param("amounts", longs(column(disputes, e -> e.amount().amount())))
                .param("currencies", texts(column(disputes, e -> e.amount().currency())))
                .param("times", times(column(disputes, PaymentDisputed::occurredAt)))
                .update();
    }

    void disputesClosed(Collection<DisputeClosed> closed) {
        if (closed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into dispute (dispute_id, order_id, amount, currency, closed_at, outcome)
                        select * from unnest(:disputes, :orders, :amounts, :currencies, cast(:times as timestamptz[]),
                                             :outcomes)
                        on conflict (dispute_id) do update set closed_at = excluded.closed_at,
                            outcome = excluded.outcome
                        where dispute.closed_at is null or dispute.closed_at <= excluded.closed_at""")
                .param("disputes", uuids(column(closed, DisputeClosed::disputeId)))
                .param("orders", uuids(column(closed, DisputeClosed::orderId)))
                .param("amounts", longs(column(closed, e -> e.amount().amount())))
                .param("currencies", texts(column(closed, e -> e.amount().currency())))
                .param("times", times(column(closed, DisputeClosed::occurredAt)))
                .param("outcomes", texts(column(closed, e -> e.outcome().name())))
                .update();
    }

    void subscriptionPayments(List<SubscriptionPayment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into subscription_payment (subscription_id, period_start, subscriber_id, amount, currency,
                                                          paid_at, first_period)
                        select * from unnest(:subscriptions, cast(:periods as timestamptz[]), :subscribers, :amounts,
                                             :currencies, cast(:times as timestamptz[]), :first)
                        on conflict do nothing""")
                .param("subscriptions", uuids(column(payments, SubscriptionPayment::subscriptionId)))
                .param("periods", times(column(payments, SubscriptionPayment::periodStart)))
                .param("subscribers", uuids(column(payments, SubscriptionPayment::subscriberId)))
                .param("amounts", longs(column(payments, SubscriptionPayment::amount)))
                .param("currencies", texts(column(payments, SubscriptionPayment::currency)))
                .param("times", times(column(payments, SubscriptionPayment::paidAt)))
                .param("first", booleans(column(payments, SubscriptionPayment::firstPeriod)))
                .update();
    }

    void subscriptionsEnded(Collection<SubscriptionEnded> ended) {
        if (ended.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into subscription_end (subscription_id, subscriber_id, ended_at, reason)
                        select * from unnest(:subscriptions, :subscribers, cast(:times as timestamptz[]), :reasons)
                        on conflict do nothing""")
                .param("subscriptions", uuids(column(ended, SubscriptionEnded::subscriptionId)))
                .param("subscribers", uuids(column(ended, SubscriptionEnded::subscriberId)))
                .param("times", times(column(ended, SubscriptionEnded::occurredAt)))
                .param("reasons", texts(column(ended, e -> e.reason().name())))
                .update();
    }

    static Earning mapEarning(ResultSet rs, int row) throws SQLException {
        return new Earning(rs.getString("kind"), rs.getObject("source_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getObject("instructor_id", UUID.class),
                rs.getObject("order_id", UUID.class), (Integer) rs.getObject("line_no"), rs.getString("stream"),
                rs.getLong("list_price"), rs.getLong("discount"), rs.getLong("gross"), rs.getLong("fee"),
                rs.getLong("commission"), rs.getLong("net"), rs.getString("currency"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static <T, R> List<R> column(Collection<T> rows, Function<T, R> value) {
        return rows.stream().map(value).toList();
    }
}
