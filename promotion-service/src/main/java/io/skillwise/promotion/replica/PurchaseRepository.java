package io.skillwise.promotion.replica;

import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Paid order lines (table {@code purchase_line}). */
@Repository
class PurchaseRepository {

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(CoursePurchased purchase) {
        for (OrderLine line : purchase.lines()) {
            jdbc.sql("""
                            insert into purchase_line (order_id, course_id, buyer_id, instructor_id, price, discount,
                                                       paid, currency, purchased_at)
                            values (:order, :course, :buyer, :instructor, :price, :discount, :paid, :currency, :at)
                            on conflict (order_id, course_id) do nothing""")
                    .param("order", purchase.orderId()).param("course", line.courseId())
                    .param("buyer", purchase.buyerId()).param("instructor", line.instructorId())
                    .param("price", line.price().amount()).param("discount", line.discount().amount())
                    .param("paid", line.paid().amount()).param("currency", line.paid().currency())
                    .param("at", Timestamp.from(purchase.purchasedAt()))
                    .update();
        }
    }

    boolean hasPurchased(UUID buyerId) {
        return jdbc.sql("select exists (select 1 from purchase_line where buyer_id = :buyer)")
                .param("buyer", buyerId).query(Boolean.class).single();
    }

    /** Purchases per course and UTC day in {@code [from, to)}; every course when {@code courseIds} is null. */
    List<DailyFigure> daily(Collection<UUID> courseIds, Instant from, Instant to) {
        return jdbc.sql("""
                        select course_id, cast(purchased_at at time zone 'UTC' as date) as day, currency,
                               count(*) as n, sum(paid) as amount
                        from purchase_line
                        where purchased_at >= :from and purchased_at < :to""" + courseFilter(courseIds) + """
                         group by course_id, day, currency""")
                .params(params(courseIds, from, to))
                .query((rs, row) -> new DailyFigure(rs.getObject("course_id", UUID.class),
                        rs.getObject("day", java.time.LocalDate.class), rs.getLong("n"), rs.getLong("amount"),
                        rs.getString("currency")))
                .list();
    }

    static String courseFilter(Collection<UUID> courseIds) {
        if (courseIds == null) {
            return "";
        }
        return courseIds.isEmpty() ? " and false" : " and course_id in (:ids)";
    }

    static java.util.Map<String, Object> params(Collection<UUID> courseIds, Instant from, Instant to) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        if (courseIds != null && !courseIds.isEmpty()) {
            params.put("ids", courseIds);
        }
        return params;
    }
}
