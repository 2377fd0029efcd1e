package io.skillwise.analytics.report;

import io.skillwise.analytics.instructor.InstructorScope;
import io.skillwise.analytics.projection.ProjectionReads;
import io.skillwise.analytics.sales.MoneyFigures;
import io.skillwise.analytics.sales.SalesService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The sales report: per period, stream (single sales, bundles, subscription shares) and currency, the orders, revenue,
 * refunds, discounts, platform fee, affiliate commissions and net earnings; every period of the range appears, with
 * zeros where nothing happened. The same rows make the JSON answer and the CSV one.
 */
@Service
public class SalesReportService {

    public static final List<String> STREAMS = List.of("SINGLE", "BUNDLE", "SUBSCRIPTION");

    public static final List<String> CSV_HEADER = List.of("periodStart", "periodEnd", "stream", "currency", "orders",
            "refunds", "gross", "discount", "refunded", "platformFee", "affiliateCommission", "net");

    /** One period, stream and currency; money in minor units, as {@link MoneyFigures} defines each figure. */
    public record Row(LocalDate periodStart, LocalDate periodEnd, @Schema(example = "SINGLE") String stream,
                      @Schema(example = "USD") String currency, @Schema(example = "12") long orders,
                      @Schema(example = "1") long refunds, @Schema(example = "59988") long gross,
                      @Schema(example = "5000") long discount, @Schema(example = "4999") long refunded,
                      @Schema(example = "16497") long platformFee, @Schema(example = "2500") long affiliateCommission,
                      @Schema(example = "35992") long net) {

        List<Object> csv() {
            return List.of(periodStart, periodEnd, stream, currency, orders, refunds, gross, discount, refunded,
                    platformFee, affiliateCommission, net);
        }
    }

    /**
     * @param instructorId whose sales; absent for the whole platform
     * @param totals       per currency, the sums of the rows
     */
    public record SalesReport(Instant asOf, UUID instructorId, UUID courseId, LocalDate from, LocalDate to,
                              @Schema(example = "month") String granularity, List<Row> rows,
                              List<MoneyFigures> totals) {

        public List<List<Object>> csvRows() {
            return rows.stream().map(Row::csv).toList();
        }
    }

    private final SalesService sales;
    private final ProjectionReads reads;
    private final InstructorScope scope;

    SalesReportService(SalesService sales, ProjectionReads reads, InstructorScope scope) {
        this.sales = sales;
        this.reads = reads;
        this.scope = scope;
    }

    /** One instructor's report, optionally of one of their courses. */
    public SalesReport instructorReport(UUID instructorId, UUID courseId, ReportPeriod period) {
        return reads.read(snapshot -> {
            scope.requireCourseOf(instructorId, courseId);
            return report(snapshot.asOf(), instructorId, courseId, period);
        });
    }

    /** The whole platform's report, or one instructor's or course's when named (admins). */
    public SalesReport platformReport(UUID instructorId, UUID courseId, ReportPeriod period) {
        return reads.read(snapshot -> report(snapshot.asOf(), instructorId, courseId, period));
    }

    private SalesReport report(Instant asOf, UUID instructorId, UUID courseId, ReportPeriod period) {
        List<SalesService.ReportRow> found = sales.report(instructorId, courseId, period.from(), period.to(),
                period.unit());
        Map<String, MoneyFigures> byKey = new HashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (SalesService.ReportRow row : found) {
            byKey.put(key(row.period(), row.stream(), row.figures().currency()), row.figures());
            currencies.add(row.figures().currency());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, MoneyFigures> totals = new TreeMap<>();
        for (ReportPeriod.Bucket bucket : period.buckets()) {
            LocalDate bucketKey = period.bucketOf(bucket.start());
            for (String stream : STREAMS) {
                for (String currency : currencies) {
                    MoneyFigures figures = byKey.getOrDefault(key(bucketKey, stream, currency),
                            MoneyFigures.zero(currency));
                    rows.add(new Row(bucket.start(), bucket.end(), stream, currency, figures.orders(),
                            figures.refunds(), figures.gross(), figures.discount(), figures.refunded(),
                            figures.platformFee(), figures.affiliateCommission(), figures.net()));
                    totals.merge(currency, figures, MoneyFigures::plus);
                }
            }
        }
        return new SalesReport(asOf, instructorId, courseId, period.from(), period.to(), period.unit(), rows,
                List.copyOf(totals.values()));
    }

    private static String key(LocalDate period, String stream, String currency) {
        return period + "/" + stream + "/" + currency;
    }
}
