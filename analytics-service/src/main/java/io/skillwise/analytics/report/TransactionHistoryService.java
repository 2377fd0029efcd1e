package io.skillwise.analytics.report;

import io.skillwise.analytics.course.CourseInfo;
import io.skillwise.analytics.course.CourseService;
import io.skillwise.analytics.instructor.InstructorScope;
import io.skillwise.analytics.projection.FreshPage;
import io.skillwise.analytics.projection.ProjectionReads;
import io.skillwise.analytics.sales.SalesService;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The instructor's transaction history: every row of the earnings ledger analytics keeps (sales per order line,
 * refunds, lost disputes, affiliate commissions and their reversals, subscription shares), newest first. Runs inside
 * the caller's read of a projection version.
 */
@Service
public class TransactionHistoryService {

    public static final List<String> CSV_HEADER = List.of("occurredAt", "kind", "stream", "sourceId", "orderId",
            "courseId", "courseTitle", "currency", "listPrice", "discount", "gross", "platformFee",
            "affiliateCommission", "net");

    /** Every row of a range as CSV lines, with the freshness of the snapshot they come from. */
    public record Export(Instant asOf, List<List<Object>> rows) {
    }

    /**
     * @param kind     SALE, REFUND, DISPUTE_LOST, COMMISSION, COMMISSION_REVERSED or SUBSCRIPTION_SHARE
     * @param sourceId the order (sale), refund, dispute, commission or subscription share
     * @param gross    what the row adds to (or, negative, takes from) the gross; reversals are negative
     */
    public record TransactionView(Instant occurredAt, @Schema(example = "SALE") String kind,
                                  @Schema(example = "SINGLE") String stream, UUID sourceId, UUID orderId,
                                  UUID courseId, @Schema(example = "Java for Beginners") String courseTitle,
                                  @Schema(example = "USD") String currency, @Schema(example = "4999") long listPrice,
                                  @Schema(example = "1000") long discount, @Schema(example = "3999") long gross,
                                  @Schema(example = "1200") long platformFee,
                                  @Schema(example = "400") long affiliateCommission,
                                  @Schema(example = "2399") long net) {

        List<Object> csv() {
            return java.util.Arrays.asList(occurredAt, kind, stream, sourceId, orderId, courseId, courseTitle,
                    currency, listPrice, discount, gross, platformFee, affiliateCommission, net);
        }
    }

    private final SalesService sales;
    private final CourseService courses;
    private final ProjectionReads reads;
    private final InstructorScope scope;
    private final ReportProperties properties;

    TransactionHistoryService(SalesService sales, CourseService courses, ProjectionReads reads, InstructorScope scope,
                              ReportProperties properties) {
        this.sales = sales;
        this.courses = courses;
        this.reads = reads;
        this.scope = scope;
        this.properties = properties;
    }

    public FreshPage<TransactionView> page(UUID instructorId, UUID courseId, ReportPeriod period, int page,
                                           int size) {
        Instant start = start(period.from());
        Instant end = start(period.to().plusDays(1));
        return reads.read(snapshot -> {
            scope.requireCourseOf(instructorId, courseId);
            long total = sales.countTransactions(instructorId, courseId, start, end);
            List<TransactionView> items = views(sales.transactions(instructorId, courseId, start, end, page * size,
                    size));
            return FreshPage.of(PageView.of(items, page, size, total), snapshot.asOf());
        });
    }

    /** Every row of the range, for a CSV export; more than {@code max-export-rows} is 400. */
    public Export export(UUID instructorId, UUID courseId, ReportPeriod period) {
        Instant start = start(period.from());
        Instant end = start(period.to().plusDays(1));
        return reads.read(snapshot -> {
            scope.requireCourseOf(instructorId, courseId);
            long total = sales.countTransactions(instructorId, courseId, start, end);
            if (total > properties.maxExportRows()) {
                throw ApiException.badRequest("The history from " + period.from() + " to " + period.to() + " has "
                        + total + " transactions; one export holds at most " + properties.maxExportRows()
                        + ". Ask for a shorter range.");
            }
            return new Export(snapshot.asOf(), views(sales.transactions(instructorId, courseId, start, end, 0,
                    (int) total)).stream().map(TransactionView::csv).toList());
        });
    }

    private List<TransactionView> views(List<SalesService.Transaction> rows) {
        Map<UUID, CourseInfo> titles = courses.findAll(rows.stream().map(SalesService.Transaction::courseId)
                .distinct().toList());
        return rows.stream().map(row -> new TransactionView(row.occurredAt(), row.kind(), row.stream(),
                row.sourceId(), row.orderId(), row.courseId(),
                titles.containsKey(row.courseId()) ? titles.get(row.courseId()).title() : null, row.currency(),
                row.listPrice(), row.discount(), row.gross(), row.fee(), row.commission(), row.net())).toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
