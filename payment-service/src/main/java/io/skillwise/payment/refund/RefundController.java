package io.skillwise.payment.refund;

import io.skillwise.kit.security.CurrentUser;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    record RefundRequest(@Size(max = 500) String reason) {
    }

    /** 202: the provider confirms later, through the webhook, and only then is the order refunded. */
    @PostMapping("/api/v1/payments/{orderId}/refund")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RefundService.RefundAccepted refund(@PathVariable UUID orderId,
                                        @jakarta.validation.Valid @RequestBody(required = false) RefundRequest request) {
        return refunds.request(orderId, request == null ? null : request.reason(), CurrentUser.require());
    }
}
