package io.skillwise.payment.catalog;

import io.skillwise.events.common.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CoursePriceRepository {

    private final JdbcClient jdbc;

    public CoursePriceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the snapshot unless a newer (or the same) revision is already held: redeliveries and replays of older
     * snapshots must never roll a price back.
     *
     * @return true when the snapshot was stored
     */
    public boolean upsertIfNewer(CoursePrice course, Instant now) {
        return jdbc.sql("""
                        insert into course_price (course_id, instructor_id, title, status, free, price_amount, currency,
                                                  revision, updated_at)
                        values (:id, :instructor, :title, :status, :free, :amount, :currency, :revision, :now)
                        on conflict (course_id) do update set instructor_id = excluded.instructor_id,
                            title = excluded.title, status = excluded.status, free = excluded.free,
                            price_amount = excluded.price_amount, currency = excluded.currency,
                            revision = excluded.revision, updated_at = excluded.updated_at
                        where course_price.revision < excluded.revision""")
                .param("id", course.courseId()).param("instructor", course.instructorId())
                .param("title", course.title()).param("status", course.status()).param("free", course.free())
                .param("amount", course.price() == null ? null : course.price().amount())
                .param("currency", course.price() == null ? null : course.price().currency())
                .param("revision", course.revision()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Changes only the status, again only forward in revisions. */
    public void changeStatusIfNewer(UUID courseId, String status, long revision, Instant now) {
        jdbc.sql("""
                        update course_price set status = :status, revision = :revision, updated_at = :now
                        where course_id = :id and revision < :revision""")
                .param("id", courseId).param("status", status).param("revision", revision)
                .param("now", Timestamp.from(now)).update();
    }

    public Optional<CoursePrice> find(UUID courseId) {
        return jdbc.sql("select * from course_price where course_id = :id").param("id", courseId)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    long amount = rs.getLong("price_amount");
                    Money price = rs.wasNull() || currency == null ? null : Money.of(amount, currency);
                    return new CoursePrice(rs.getObject("course_id", UUID.class),
                            rs.getObject("instructor_id", UUID.class), rs.getString("title"), rs.getString("status"),
                            rs.getBoolean("free"), price, rs.getLong("revision"));
                })
                .optional();
    }
}
