package io.skillwise.payment.checkout;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.payment.order.Order;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckoutController {

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/api/v1/payments/create")
    ResponseEntity<CheckoutRequests.CheckoutView> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CheckoutRequests.CreatePaymentRequest request) {
        CheckoutService.Started started = checkout.start(CurrentUser.require(), idempotencyKey,
                new CheckoutService.Purchase(request.courseId(), request.bundleId(), request.couponCode(),
                        request.referralCode()));
        Order order = started.order();
        // a repeat with the same key replays the first answer, as idempotent POSTs do
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CheckoutRequests.CheckoutView(order.id(), order.checkoutUrl(), order.paid(),
                        order.status().name()));
    }
}
