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
                            fee_amount, commission_amount, net_amount, currency, commission_id, occurred_at, share_id)
                        values (:id, :instructor, :order, :course, :kind, :gross, :fee, :commission, :net, :currency,
                            :commissionId, :at, :share)""")
                .param("id", entry.id()).param("instructor", entry.instructorId()).param("order", entry.orderId())
                .param("course", entry.courseId()).param("kind", entry.kind()).param("gross", entry.grossAmount())
                .param("fee", entry.feeAmount()).param("commission", entry.commissionAmount())
                .param("net", entry.netAmount()).param("commissionId", entry.commissionId()).param("currency", entry.currency())
                .param("at", Timestamp.from(entry.occurredAt())).param("share", entry.shareId())
                .update();
    }

    /** Inserts a commission entry unless that commission already has an entry of this kind. */
    public void insertOnce(EarningEntry entry) {
        jdbc.sql("""
                        insert into earning_entry (id, instructor_id, order_id, course_id, kind, gross_amount,
                            fee_amount, commission_amount, net_amount, currency, commission_id, occurred_at, share_id)
                        values (:id, :instructor, :order, :course, :kind, :gross, :fee, :commission, :net, :currency,
                            :commissionId, :at, :share)
                        on conflict (commission_id, kind) where commission_id is not null do nothing""")
                .param("id", entry.id()).param("instructor", entry.instructorId()).param("order", entry.orderId())
                .param("course", entry.courseId()).param("kind", entry.kind()).param("gross", entry.grossAmount())
                .param("fee", entry.feeAmount()).param("commission", entry.commissionAmount())
                .param("net", entry.netAmount()).param("commissionId", entry.commissionId())
                .param("currency", entry.currency()).param("at", Timestamp.from(entry.occurredAt()))
                .param("share", entry.shareId())
                .update();
    }

    public java.util.Optional<EarningEntry> findCommission(UUID commissionId, String kind) {
        return jdbc.sql("select * from earning_entry where commission_id = :id and kind = :kind")
                .param("id", commissionId).param("kind", kind).query(EarningsRepository::map).optional();
    }

    /** Every instructor's subscription share entries of the month starting at {@code monthStart}. */
    public List<EarningEntry> subscriptionShares(Instant monthStart) {
        return jdbc.sql("""
                        select * from earning_entry where kind = 'SUBSCRIPTION_SHARE' and occurred_at = :month
                        order by instructor_id, currency, course_id""")
                .param("month", Timestamp.from(monthStart))
                .query(EarningsRepository::map)
                .list();
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
                .query(EarningsRepository::map)
                .list();
    }

    private static EarningEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EarningEntry(rs.getObject("id", UUID.class),
                        rs.getObject("instructor_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getObject("course_id", UUID.class), rs.getString("kind"), rs.getLong("gross_amount"),
                        rs.getLong("fee_amount"), rs.getLong("commission_amount"), rs.getLong("net_amount"),
                        rs.getString("currency"), rs.getObject("commission_id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getObject("share_id", UUID.class));
    }
}
