package io.skillwise.analytics.admin;

import io.skillwise.analytics.admin.AdminAnalyticsViews.AdminAnalyticsView;
import io.skillwise.analytics.projection.Csv;
import io.skillwise.analytics.report.ReportPeriod;
import io.skillwise.analytics.report.ReportProperties;
import io.skillwise.analytics.report.SalesReportService;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
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
@PreAuthorize("hasRole('admin')")
@Tag(name = "Admin analytics", description = "Platform-wide figures from analytics' projections (admins)")
class AdminAnalyticsController {

    private static final String PROBLEM = "application/problem+json";
    private static final int MAX_TOP = 50;

    private final AdminAnalyticsService analytics;
    private final SalesReportService reports;
    private final ReportProperties properties;
    private final Clock clock;

    AdminAnalyticsController(AdminAnalyticsService analytics, SalesReportService reports, ReportProperties properties,
                             Clock clock) {
        this.analytics = analytics;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/admin/analytics")
    @Operation(summary = "Platform analytics for a period",
            description = "For the days `from` to `to` (UTC, both included; default the last 30 days): money per "
                    + "currency (course sales, refunds, subscription revenue and shares, platform revenue, instructor "
                    + "earnings, affiliate commissions), top courses by revenue and by enrollments, the most active "
                    + "learners and instructors, new users per period (`granularity` day, week or month), refund and "
                    + "dispute rates, and the checkout funnel (CheckoutStarted against CoursePurchased and "
                    + "PaymentFailed). `asOf` is the newest event the figures include. Definitions: docs/analytics.md.")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "400", description = "`from` after `to`, an unknown granularity, too many periods, a "
            + "date that is not ISO-8601, or `top` outside 1..50", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    AdminAnalyticsView analytics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Parameter(description = "how new users are grouped: day (default), week or month",
                                         schema = @Schema(allowableValues = {"day", "week", "month"}))
                                 @RequestParam(required = false) String granularity,
                                 @Parameter(description = "how many courses, learners and instructors each ranking "
                                         + "shows (1..50, default 10)",
                                         schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                                 maximum = "" + MAX_TOP))
                                 @RequestParam(defaultValue = "10") int top) {
        if (top < 1 || top > MAX_TOP) {
            throw ApiException.badRequest("'top' must be between 1 and " + MAX_TOP + ".");
        }
        return analytics.analytics(ReportPeriod.of(from, to, granularity, properties.maxPeriods(), clock), top);
    }

    @GetMapping("/api/v1/admin/analytics/reports/sales")
    @Operation(summary = "The platform's sales report",
            description = "The instructor sales report (GET /instructors/reports/sales) for the whole platform, or "
                    + "for one instructor or course: per period, stream and currency. With `Accept: text/csv` the "
                    + "same rows as CSV.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SalesReportService.SalesReport.class)),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "`from` after `to`, an unknown granularity, too many periods or "
            + "a date that is not ISO-8601", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    ResponseEntity<?> sales(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @Parameter(description = "day (default), week or month",
                                    schema = @Schema(allowableValues = {"day", "week", "month"}))
                            @RequestParam(required = false) String granularity,
                            @RequestParam(required = false) UUID instructorId,
                            @RequestParam(required = false) UUID courseId,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportPeriod period = ReportPeriod.of(from, to, granularity, properties.maxPeriods(), clock);
        SalesReportService.SalesReport report = reports.platformReport(instructorId, courseId, period);
        if (Csv.wanted(accept)) {
            return Csv.answer("platform-sales-" + period.from() + "-" + period.to() + ".csv", report.asOf(),
                    SalesReportService.CSV_HEADER, report.csvRows());
        }
        return ResponseEntity.ok(report);
    }
}
