package io.skillwise.payment.revenueshare;

import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Subscription revenue share",
        description = "Monthly shares of all-access subscription revenue to instructors, by consumption (admins)")
@RestController
@PreAuthorize("hasRole('admin')")
@RequestMapping("/api/v1/admin/payments/revenue-shares/{month}")
class RevenueShareController {

    private static final String MONTH = "the month, as yyyy-MM (UTC)";
    /** Documents the shape for clients; the value itself is read by {@link YearMonth#parse}. */
    private static final String MONTH_SHAPE = "^\\d{4}-\\d{2}$";

    private final RevenueShareService shares;

    RevenueShareController(RevenueShareService shares) {
        this.shares = shares;
    }

    @PostMapping
    @Operation(summary = "Close a month of subscription revenue (admins)",
            description = "Shares the month's subscription revenue (every paid period starting in it) over the "
                    + "courses by the seconds subscribers consumed of each, writes every instructor's share into "
                    + "the earnings ledger and publishes SubscriptionRevenueShared. The closing job does this by "
                    + "itself a day after a month ends; closing a month again changes nothing and answers what it "
                    + "shared.")
    @ApiResponse(responseCode = "400", description = "the month is not yyyy-MM")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "409", description = "`month-not-ended`: the month is not over yet")
    RevenueShareService.ClosedMonth close(@Parameter(description = MONTH, schema = @Schema(type = "string",
            pattern = MONTH_SHAPE, maxLength = 7, example = "2026-03")) @PathVariable String month) {
        return shares.close(parse(month));
    }

    @GetMapping
    @Operation(summary = "A closed month's subscription revenue share (admins)",
            description = "The month's pools per currency and every instructor's share, per course, with the "
                    + "platform fee and net. Changes nothing.")
    @ApiResponse(responseCode = "400", description = "the month is not yyyy-MM")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "404", description = "the month is not closed")
    RevenueShareService.ClosedMonth get(@Parameter(description = MONTH, schema = @Schema(type = "string",
            pattern = MONTH_SHAPE, maxLength = 7, example = "2026-03")) @PathVariable String month) {
        return shares.find(parse(month)).orElseThrow(() -> ApiException.notFound("a closed month " + month));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("month must be yyyy-MM, e.g. 2026-03, was '" + month + "'");
        }
    }
}
