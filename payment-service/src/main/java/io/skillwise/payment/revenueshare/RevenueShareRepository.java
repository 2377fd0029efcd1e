package io.skillwise.payment.revenueshare;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which months are closed, and each closed month's pools. */
@Repository
class RevenueShareRepository {

    private final JdbcClient jdbc;

    RevenueShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the month closed unless it already is. A second closer waits here for the first to commit and then
     * finds the month closed, so a month is shared once however many instances close it.
     *
     * @return whether this call closed it
     */
    boolean claim(YearMonth month, Instant at) {
        return jdbc.sql("""
                        insert into revenue_share_month (month, closed_at) values (:month, :at)
                        on conflict (month) do nothing""")
                .param("month", Date.valueOf(month.atDay(1))).param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<Instant> closedAt(YearMonth month) {
        return jdbc.sql("select closed_at from revenue_share_month where month = :month")
                .param("month", Date.valueOf(month.atDay(1)))
                .query((rs, row) -> rs.getTimestamp("closed_at").toInstant())
                .optional();
    }

    void insertPool(YearMonth month, RevenueShareService.Pool pool) {
        jdbc.sql("""
                        insert into revenue_share_pool (month, currency, revenue, consumed_seconds)
                        values (:month, :currency, :revenue, :seconds)""")
                .param("month", Date.valueOf(month.atDay(1))).param("currency", pool.currency())
                .param("revenue", pool.revenue()).param("seconds", pool.consumedSeconds())
                .update();
    }

    List<RevenueShareService.Pool> pools(YearMonth month) {
        return jdbc.sql("""
                        select currency, revenue, consumed_seconds from revenue_share_pool where month = :month
                        order by currency""")
                .param("month", Date.valueOf(month.atDay(1)))
                .query((rs, row) -> new RevenueShareService.Pool(rs.getString("currency"), rs.getLong("revenue"),
                        rs.getLong("consumed_seconds")))
                .list();
    }
}
