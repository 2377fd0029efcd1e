package io.skillwise.payment.history;

import io.skillwise.payment.order.OrderStatus;
import io.swagger.v3.oas.annotations.Parameter;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payment history", description = "Orders and invoices of buyers, and all orders for admins")
@RestController
class PaymentHistoryController {

    private final PaymentHistoryService history;

    PaymentHistoryController(PaymentHistoryService history) {
        this.history = history;
    }

    /** The caller's own orders only: the buyer is the token's subject, never a parameter. */
    @GetMapping("/api/v1/payments/history")
    @Operation(summary = "My payments",
            description = "The caller's orders, newest first, with their status, amounts, codes and invoice, and "
                    + "the invoices of the caller's subscription periods.")
    @ApiResponse(responseCode = "400", description = "page below 0, or size outside 1..100")
    HistoryViews.History history(@RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return history.history(CurrentUser.require().id(), page, size);
    }

    @GetMapping("/api/v1/admin/payments")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "All orders (admins)", description = "Every order, newest first, optionally in one status.")
    @ApiResponse(responseCode = "400", description = "an unknown status, page below 0, or size outside 1..100")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    PageView<HistoryViews.OrderView> all(@Parameter(description = "Only orders in this status",
                                                 schema = @Schema(implementation = OrderStatus.class))
                                         @RequestParam(required = false) String status,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        return history.all(status, page, size);
    }
}
