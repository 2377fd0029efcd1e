package io.skillwise.payment.promotion;

import io.skillwise.events.promotion.CourseSaleScheduled;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SaleRepository {

    private final JdbcClient jdbc;

    public SaleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the sale, or its newer version; an older publication or a cancelled sale stays as it is. */
    public void upsert(CourseSaleScheduled sale) {
        jdbc.sql("""
                        insert into course_sale (sale_id, course_id, sale_amount, currency, starts_at, ends_at,
                            cancelled, published_at)
                        values (:id, :course, :amount, :currency, :starts, :ends, false, :published)
                        on conflict (sale_id) do update set sale_amount = excluded.sale_amount,
                            currency = excluded.currency, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                            published_at = excluded.published_at
                        where not course_sale.cancelled and course_sale.published_at <= excluded.published_at""")
                .param("id", sale.saleId()).param("course", sale.courseId())
                .param("amount", sale.salePrice().amount()).param("currency", sale.salePrice().currency())
                .param("starts", Timestamp.from(sale.startsAt())).param("ends", Timestamp.from(sale.endsAt()))
                .param("published", Timestamp.from(sale.occurredAt()))
                .update();
    }

    public void cancel(UUID saleId, UUID courseId, Instant at) {
        jdbc.sql("""
                        insert into course_sale (sale_id, course_id, cancelled, published_at)
                        values (:id, :course, true, :at)
                        on conflict (sale_id) do update set cancelled = true""")
                .param("id", saleId).param("course", courseId).param("at", Timestamp.from(at))
                .update();
    }

    /** The lowest sale price of the course in this currency active at {@code at}; empty when none is. */
    public Optional<Long> lowestActive(UUID courseId, String currency, Instant at) {
        return jdbc.sql("""
                        select sale_amount from course_sale where course_id = :course and not cancelled
                        and currency = :currency and starts_at <= :at and ends_at > :at
                        order by sale_amount limit 1""")
                .param("course", courseId).param("currency", currency).param("at", Timestamp.from(at))
                .query(Long.class).optional();
    }
}
