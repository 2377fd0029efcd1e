package io.skillwise.payment.earnings;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.SecondFactorPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Earnings", description = "Instructors' ledger of sales, subscription shares, fees, commissions and refunds")
@RestController
@RequestMapping("/api/v1/instructors/earnings")
class EarningsController {

    private final EarningsService earnings;
    private final SecondFactorPolicy secondFactor;

    EarningsController(EarningsService earnings, SecondFactorPolicy secondFactor) {
        this.earnings = earnings;
        this.secondFactor = secondFactor;
    }

    /** Sums per currency, never across currencies. */
    record Totals(String currency, long gross, long platformFee, long affiliateCommission, long net) {
    }

    /** Totals are plain sums of the entries (reversals are negative), so they reconcile with the list exactly. */
    record EarningsView(List<EarningEntry> items, List<Totals> totals) {
    }

    /** The caller's own ledger; {@code from} inclusive, {@code to} exclusive (ISO-8601 instants). */
    @Operation(summary = "My earnings",
            description = "Instructors only, signed in with a second factor: each sale, refund and commission of "
                    + "their courses and each monthly subscription share (kind SUBSCRIPTION_SHARE, no order, dated "
                    + "on the first day of its month) with the platform fee and net, and totals per currency; "
                    + "optionally one course and a period (from inclusive, to exclusive). Changes nothing.")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: the caller is not an instructor; `mfa-required`: the token was issued "
                    + "without a second factor")
    @GetMapping
    @PreAuthorize("hasRole('instructor')")
    EarningsView mine(@RequestParam(required = false) UUID courseId,
                      @RequestParam(required = false) Instant from,
                      @RequestParam(required = false) Instant to) {
        CurrentUser user = CurrentUser.require();
        secondFactor.requireForInstructor(user, "see your earnings");
        List<EarningEntry> items = earnings.ledger(user.id(), courseId, from, to);
        Map<String, Totals> totals = new TreeMap<>();
        for (EarningEntry entry : items) {
            totals.merge(entry.currency(),
                    new Totals(entry.currency(), entry.grossAmount(), entry.feeAmount(), entry.commissionAmount(),
                            entry.netAmount()),
                    (a, b) -> new Totals(a.currency(), a.gross() + b.gross(), a.platformFee() + b.platformFee(),
                            a.affiliateCommission() + b.affiliateCommission(), a.net() + b.net()));
        }
        return new EarningsView(items, List.copyOf(totals.values()));
    }
}
