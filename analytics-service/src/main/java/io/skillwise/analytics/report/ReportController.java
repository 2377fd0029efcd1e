package io.skillwise.analytics.report;

import io.skillwise.analytics.instructor.InstructorScope;
import io.skillwise.analytics.projection.Csv;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Instructor reports", description = "Sales reports and the transaction history of an instructor, as JSON "
        + "or, with `Accept: text/csv`, as CSV with the same rows")
// the instructor's own figures, or an admin naming the instructor (InstructorScope)
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class ReportController {

    private static final String PROBLEM = "application/problem+json";

    /**
     * The shape of a {@code FreshPage<TransactionView>} in the API document only: a generic answer behind
     * {@code ResponseEntity<?>} (JSON or CSV) cannot tell the document what its items are.
     */
    record TransactionPage(List<TransactionHistoryService.TransactionView> items, @Schema(example = "0") int page,
                           @Schema(example = "20") int size, @Schema(example = "137") long totalItems,
                           @Schema(example = "7") long totalPages, Instant asOf) {
    }

    private final InstructorScope scope;
    private final SalesReportService reports;
    private final TransactionHistoryService transactions;
    private final ReportProperties properties;
    private final Clock clock;

    ReportController(InstructorScope scope, SalesReportService reports, TransactionHistoryService transactions,
                     ReportProperties properties, Clock clock) {
        this.scope = scope;
        this.reports = reports;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/instructors/reports/sales")
    @Operation(summary = "The instructor's sales report",
            description = "Per period (day, ISO week or calendar month, UTC), stream (SINGLE sales, BUNDLE sales, "
                    + "SUBSCRIPTION shares) and currency: orders, gross, discounts, refunds, platform fee, affiliate "
                    + "commissions and net, in minor units, every period of the range included; totals per currency. "
                    + "`from` and `to` are days, both included (default: the last 30 days). A report of more than "
                    + "`skillwise.analytics.reports.max-periods` (100) periods is refused: ask for weeks or months. "
                    + "With `Accept: text/csv` the same rows as CSV (freshness in the X-Data-As-Of header).")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SalesReportService.SalesReport.class)),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "`from` after `to`, an unknown granularity, too many periods, a "
            + "date that is not ISO-8601, or an admin who did not name the instructor",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an instructor or admin, someone else's figures or course, "
            + "or an instructor without a second factor (mfa-required)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Unknown course", content = @Content(mediaType = PROBLEM))
    ResponseEntity<?> sales(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @Parameter(description = "day (default), week or month",
                                    schema = @Schema(allowableValues = {"day", "week", "month"}))
                            @RequestParam(required = false) String granularity,
                            @Parameter(description = "only this course of the instructor")
                            @RequestParam(required = false) UUID courseId,
                            @Parameter(description = "admins only: the instructor")
                            @RequestParam(required = false) UUID instructorId,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportPeriod period = ReportPeriod.of(from, to, granularity, properties.maxPeriods(), clock);
        UUID instructor = scope.instructor(CurrentUser.require(), instructorId);
        SalesReportService.SalesReport report = reports.instructorReport(instructor, courseId, period);
        if (Csv.wanted(accept)) {
            return Csv.answer("sales-" + period.from() + "-" + period.to() + ".csv", report.asOf(),
                    SalesReportService.CSV_HEADER, report.csvRows());
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/instructors/reports/transactions")
    @Operation(summary = "The instructor's transaction history",
            description = "Every row of the earnings ledger, newest first: a SALE per course of a paid order, "
                    + "REFUND and DISPUTE_LOST reversals per course (negative), affiliate COMMISSION and "
                    + "COMMISSION_REVERSED, and monthly SUBSCRIPTION_SHARE rows, with gross, platform fee, "
                    + "commission and net (net = gross - fee - commission), as payment-service's ledger has them. "
                    + "`from` and `to` are days, both included (default: the last 30 days). With `Accept: text/csv` "
                    + "every row of the range (paging ignored; at most `skillwise.analytics.reports.max-export-rows`).")
    @ApiResponse(responseCode = "200", description = "A page of transactions, or all of them as CSV", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionPage.class)),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "`from` after `to`, bad paging, a date that is not ISO-8601, an "
            + "export over the row limit, or an admin who did not name the instructor",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an instructor or admin, someone else's figures or course, "
            + "or an instructor without a second factor (mfa-required)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Unknown course", content = @Content(mediaType = PROBLEM))
    ResponseEntity<?> transactions(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) UUID courseId,
                                   @RequestParam(required = false) UUID instructorId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportPeriod period = ReportPeriod.of(from, to, "day", Integer.MAX_VALUE, clock);
        PageView.check(page, size);
        UUID instructor = scope.instructor(CurrentUser.require(), instructorId);
        if (Csv.wanted(accept)) {
            TransactionHistoryService.Export export = transactions.export(instructor, courseId, period);
            return Csv.answer("transactions-" + period.from() + "-" + period.to() + ".csv", export.asOf(),
                    TransactionHistoryService.CSV_HEADER, export.rows());
        }
        return ResponseEntity.ok(transactions.page(instructor, courseId, period, page, size));
    }
}
