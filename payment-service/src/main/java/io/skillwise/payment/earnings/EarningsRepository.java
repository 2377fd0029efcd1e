package io.skillwise.payment.earnings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EarningsRepository {

    private final JdbcClient jdbc;

    public EarningsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EarningEntry entry) {
        jdbc.sql("""
                        insert into earning_entry (id, instructor_id, order_id, course_id, kind, gross_amount,
                            fee_amount, net_amount, currency, occurred_at)
                        values (:id, :instructor, :order, :course, :kind, :gross, :fee, :net, :currency, :at)""")
                .param("id", entry.id()).param("instructor", entry.instructorId()).param("order", entry.orderId())
                .param("course", entry.courseId()).param("kind", entry.kind()).param("gross", entry.grossAmount())
                .param("fee", entry.feeAmount()).param("net", entry.netAmount()).param("currency", entry.currency())
                .param("at", Timestamp.from(entry.occurredAt()))
                .update();
    }

    /** The instructor's entries, optionally for one course and within {@code [from, to)}. */
    public List<EarningEntry> byInstructor(UUID instructorId, UUID courseId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from earning_entry where instructor_id = :instructor
                        and (cast(:course as uuid) is null or course_id = :course)
                        and (cast(:from as timestamptz) is null or occurred_at >= :from)
                        and (cast(:to as timestamptz) is null or occurred_at < :to)
                        order by occurred_at desc, id""")
                .param("instructor", instructorId).param("course", courseId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .query((rs, row) -> new EarningEntry(rs.getObject("id", UUID.class),
                        rs.getObject("instructor_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getObject("course_id", UUID.class), rs.getString("kind"), rs.getLong("gross_amount"),
                        rs.getLong("fee_amount"), rs.getLong("net_amount"), rs.getString("currency"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
