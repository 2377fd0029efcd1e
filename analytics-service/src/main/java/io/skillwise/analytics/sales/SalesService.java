package io.skillwise.analytics.sales;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Money figures for the other features' answers (inside their read of a projection version). */
@Service
public class SalesService {

    public record CourseMoney(UUID courseId, MoneyFigures figures) {
    }

    /** @param stream SINGLE, BUNDLE or SUBSCRIPTION */
    public record StreamMoney(String stream, MoneyFigures figures) {
    }

    /** @param period the first day of the period (day, ISO week or month) */
    public record ReportRow(LocalDate period, String stream, MoneyFigures figures) {
    }

    /** @param count sales (order lines) or payments; {@code amount} what was paid */
    public record Sales(@Schema(example = "USD") String currency, @Schema(example = "18") long count,
                        @Schema(example = "89982") long amount) {
    }

    /** @param revenue what buyers paid for the course less what was refunded */
    public record CourseRevenue(UUID courseId, UUID instructorId, String currency, long revenue, long orders) {
    }

    /**
     * @param started   checkouts started
     * @param purchased of those, the ones paid (at any time since)
     * @param failed    of those, the unpaid ones whose payment failed (declined, expired)
     */
    public record Funnel(long started, long purchased, long failed) {
    }

    /** @param opened disputes opened; {@code won} and {@code lost} those decided, in the same period */
    public record Disputes(long opened, long won, long lost) {
    }

    /**
     * One row of the ledger, as the transaction history shows it.
     *
     * @param kind   SALE, REFUND, DISPUTE_LOST, COMMISSION, COMMISSION_REVERSED or SUBSCRIPTION_SHARE
     * @param stream SINGLE, BUNDLE or SUBSCRIPTION
     */
    public record Transaction(Instant occurredAt, String kind, String stream, UUID sourceId, UUID orderId,
                              UUID courseId, String currency, long listPrice, long discount, long gross, long fee,
                              long commission, long net) {
    }

    private final RevenueRepository revenue;

    SalesService(RevenueRepository revenue) {
        this.revenue = revenue;
    }

    /** The instructor's earnings per currency, all time. */
    public List<MoneyFigures> totals(UUID instructorId) {
        return revenue.totals(instructorId);
    }

    /** The instructor's earnings per currency, between two days (inclusive). */
    public List<MoneyFigures> totals(UUID instructorId, LocalDate from, LocalDate to) {
        return revenue.totals(instructorId, from, to);
    }

    public List<StreamMoney> totalsByStream(LocalDate from, LocalDate to) {
        return revenue.totalsByStream(from, to);
    }

    public List<CourseMoney> byCourse(UUID instructorId) {
        return revenue.byCourse(instructorId);
    }

    /** @param unit {@code day}, {@code week} or {@code month} */
    public List<ReportRow> report(UUID instructorId, UUID courseId, LocalDate from, LocalDate to, String unit) {
        return revenue.report(instructorId, courseId, from, to, unit);
    }

    /** The instructor's ledger within {@code [from, to)}, newest first. */
    public List<Transaction> transactions(UUID instructorId, UUID courseId, Instant from, Instant to, int offset,
                                          int limit) {
        return revenue.transactions(instructorId, courseId, from, to, offset, limit).stream()
                .map(row -> new Transaction(row.occurredAt(), row.kind(), row.stream(), row.sourceId(), row.orderId(),
                        row.courseId(), row.currency(), row.listPrice(), row.discount(), row.gross(), row.fee(),
                        row.commission(), row.net()))
                .toList();
    }

    public long countTransactions(UUID instructorId, UUID courseId, Instant from, Instant to) {
        return revenue.countTransactions(instructorId, courseId, from, to);
    }

    public List<Sales> salesBetween(Collection<UUID> courseIds, Instant from, Instant to) {
        return revenue.salesBetween(courseIds, from, to);
    }

    public List<CourseRevenue> topCoursesByRevenue(LocalDate from, LocalDate to, int limit) {
        return revenue.topCoursesByRevenue(from, to, limit);
    }

    public List<Sales> subscriptionPayments(LocalDate from, LocalDate to) {
        return revenue.subscriptionPayments(from, to);
    }

    public Funnel funnel(LocalDate from, LocalDate to) {
        return revenue.funnel(from, to);
    }

    public long ordersPaid(LocalDate from, LocalDate to) {
        return revenue.ordersPaid(from, to);
    }

    public long refunds(LocalDate from, LocalDate to) {
        return revenue.refunds(from, to);
    }

    public Disputes disputes(LocalDate from, LocalDate to) {
        return revenue.disputes(from, to);
    }
}
