package io.skillwise.payment.refund;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Refunds", description = "Refunds of orders through the payment provider")
@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    record RefundRequest(@Schema(example = "The course was not what its description promised.") @Size(max = 500)
                         String reason) {
    }

    /** 202: the provider confirms later, through the webhook, and only then is the order refunded. */
    @OwnedObject("the order's buyer, or an admin")
    @PostMapping("/api/v1/payments/{orderId}/refund")
    @Operation(summary = "Ask for a refund of an order",
            description = "Refunds the rest of the order through the payment provider. The buyer may ask within the "
                    + "refund window and up to the course progress limit; admins at any time. One request per order "
                    + "is open at a time; the order changes once the provider confirms the refund.")
    @ApiResponse(responseCode = "202", description = "the refund request, sent to the provider")
    @ApiResponse(responseCode = "403", description = "not the buyer nor an admin, or the buyer's refund window closed")
    @ApiResponse(responseCode = "404", description = "no such order")
    @ApiResponse(responseCode = "409", description = "refund-already-requested (one is open), refund-progress-limit, "
            + "or the order is not paid")
    @ApiResponse(responseCode = "502", description = "the provider refused or could not be reached; nothing is open, "
            + "ask again")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RefundService.RefundAccepted refund(@PathVariable UUID orderId,
                                        @jakarta.validation.Valid @RequestBody(required = false) RefundRequest request) {
        return refunds.request(orderId, request == null ? null : request.reason(), CurrentUser.require());
    }
}
