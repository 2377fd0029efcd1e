package io.skillwise.analytics.sales;

import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.analytics.projection.Days;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reading side of the sales tables of the projection version in use. */
@Repository
class RevenueRepository {

    private static final String SUMS = """
            sum(orders) as orders, sum(refunds) as refunds, sum(gross) as gross, sum(discount) as discount,
            sum(refunded) as refunded, sum(fee) as fee, sum(commission) as commission, sum(net) as net""";

    private final JdbcClient jdbc;

    RevenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per currency, for one instructor, all time: from the running totals, a row per course and currency. */
    List<MoneyFigures> totals(UUID instructorId) {
        return jdbc.sql("select currency, " + SUMS + " from revenue_total where instructor_id = :instructor "
                        + "group by currency order by currency")
                .param("instructor", instructorId)
                .query(RevenueRepository::figures).list();
    }

    /** Per currency, for one instructor, between two days (inclusive). */
    List<MoneyFigures> totals(UUID instructorId, LocalDate from, LocalDate to) {
        return jdbc.sql("select currency, " + SUMS + " from revenue_day "
                        + "where instructor_id = :instructor and day between :from and :to "
                        + "group by currency order by currency")
                .param("instructor", instructorId).param("from", from).param("to", to)
                .query(RevenueRepository::figures).list();
    }

    /** Per stream and currency, for the whole platform, between two days (inclusive). */
    List<SalesService.StreamMoney> totalsByStream(LocalDate from, LocalDate to) {
        return jdbc.sql("select stream, currency, " + SUMS + " from revenue_day where day between :from and :to "
                        + "group by stream, currency order by stream, currency")
                .param("from", from).param("to", to)
                .query((rs, row) -> new SalesService.StreamMoney(rs.getString("stream"), figures(rs, row)))
                .list();
    }

    /** Per course and currency, for one instructor, all time (the running totals). */
    List<SalesService.CourseMoney> byCourse(UUID instructorId) {
        return jdbc.sql("select course_id, currency, " + SUMS + " from revenue_total where instructor_id = :instructor "
                        + "group by course_id, currency order by course_id, currency")
                .param("instructor", instructorId)
                .query((rs, row) -> new SalesService.CourseMoney(rs.getObject("course_id", UUID.class), figures(rs, row)))
                .list();
    }

    /**
     * Per period ({@code unit} day, week or month: the period's first day), stream and currency, for one instructor
     * (or everyone) and optionally one course, between two days (inclusive).
     */
    List<SalesService.ReportRow> report(UUID instructorId, UUID courseId, LocalDate from, LocalDate to, String unit) {
        return jdbc.sql("select date_trunc(:unit, day)::date as period, stream, currency, " + SUMS + " from revenue_day "
                        + "where (cast(:instructor as uuid) is null or instructor_id = :instructor) "
                        + "and (cast(:course as uuid) is null or course_id = :course) and day between :from and :to "
                        + "group by 1, 2, 3 order by 1, 2, 3")
                .param("unit", unit).param("instructor", instructorId).param("course", courseId)
                .param("from", from).param("to", to)
                .query((rs, row) -> new SalesService.ReportRow(rs.getObject("period", LocalDate.class),
                        rs.getString("stream"), figures(rs, row)))
                .list();
    }

    /** The instructor's countable ledger rows within {@code [from, to)}, newest first. */
    List<Earning> transactions(UUID instructorId, UUID courseId, Instant from, Instant to, int offset, int limit) {
        return jdbc.sql("""
                        select * from earning
                        where instructor_id = :instructor and stream is not null
                          and (cast(:course as uuid) is null or course_id = :course)
                          and occurred_at >= :from and occurred_at < :to
                        order by occurred_at desc, kind, source_id, course_id offset :offset limit :limit""")
                .param("instructor", instructorId).param("course", courseId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("offset", offset).param("limit", limit)
                .query(SalesRepository::mapEarning).list();
    }

    long countTransactions(UUID instructorId, UUID courseId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from earning
                        where instructor_id = :instructor and stream is not null
                          and (cast(:course as uuid) is null or course_id = :course)
                          and occurred_at >= :from and occurred_at < :to""")
                .param("instructor", instructorId).param("course", courseId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    /** Sales of the courses within {@code [from, to)}, per currency: order lines and what buyers paid. */
    List<SalesService.Sales> salesBetween(Collection<UUID> courseIds, Instant from, Instant to) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select currency, count(*) as orders, sum(gross) as gross from earning
                        where kind = 'SALE' and course_id = any(:courses) and occurred_at >= :from and occurred_at < :to
                        group by currency order by currency""")
                .param("courses", uuids(courseIds)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new SalesService.Sales(rs.getString("currency"), rs.getLong("orders"),
                        rs.getLong("gross")))
                .list();
    }

    /** Courses that brought in the most (paid less refunded) between two days (inclusive), per currency. */
    List<SalesService.CourseRevenue> topCoursesByRevenue(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select course_id, currency, instructor_id, revenue, orders from (
                            select course_id, currency, instructor_id,
                                   sum(gross) - sum(refunded) as revenue, sum(orders) as orders,
                                   row_number() over (partition by currency order by sum(gross) - sum(refunded) desc,
                                                      course_id) as place
                            from revenue_day where day between :from and :to and stream <> 'SUBSCRIPTION'
                            group by course_id, currency, instructor_id) ranked
                        where place <= :limit order by currency, place""")
                .param("from", from).param("to", to).param("limit", limit)
                .query((rs, row) -> new SalesService.CourseRevenue(rs.getObject("course_id", UUID.class),
                        rs.getObject("instructor_id", UUID.class), rs.getString("currency"), rs.getLong("revenue"),
                        rs.getLong("orders")))
                .list();
    }

    /** Subscription payments confirmed between two days (inclusive), per currency. */
    List<SalesService.Sales> subscriptionPayments(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select currency, count(*) as payments, sum(amount) as amount from subscription_payment
                        where paid_at >= :from and paid_at < :to group by currency order by currency""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query((rs, row) -> new SalesService.Sales(rs.getString("currency"), rs.getLong("payments"),
                        rs.getLong("amount")))
                .list();
    }

    /** Checkouts started between two days (inclusive), and what became of them. */
    SalesService.Funnel funnel(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) as started,
                               count(*) filter (where paid_at is not null) as purchased,
                               count(*) filter (where paid_at is null and failed_at is not null) as failed
                        from checkout where started_at >= :from and started_at < :to""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query((rs, row) -> new SalesService.Funnel(rs.getLong("started"), rs.getLong("purchased"),
                        rs.getLong("failed")))
                .single();
    }

    long ordersPaid(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from checkout where paid_at >= :from and paid_at < :to")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query(Long.class).single();
    }

    /** Refunds (of sold courses) confirmed between two days (inclusive). */
    long refunds(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(distinct source_id) from earning
                        where kind = 'REFUND' and stream is not null and occurred_at >= :from and occurred_at < :to""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query(Long.class).single();
    }

    SalesService.Disputes disputes(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) filter (where opened_at >= :from and opened_at < :to) as opened,
                               count(*) filter (where closed_at >= :from and closed_at < :to and outcome = 'WON') as won,
                               count(*) filter (where closed_at >= :from and closed_at < :to and outcome = 'LOST') as lost
                        from dispute""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query((rs, row) -> new SalesService.Disputes(rs.getLong("opened"), rs.getLong("won"),
                        rs.getLong("lost")))
                .single();
    }

    private static MoneyFigures figures(ResultSet rs, int row) throws SQLException {
        return new MoneyFigures(rs.getString("currency"), rs.getLong("orders"), rs.getLong("refunds"),
                rs.getLong("gross"), rs.getLong("discount"), rs.getLong("refunded"), rs.getLong("fee"),
                rs.getLong("commission"), rs.getLong("net"));
    }
}
