package io.skillwise.payment.checkout;

import io.swagger.v3.oas.annotations.Parameter;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.payment.order.Order;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Checkout", description = "Buying a course or a bundle")
@RestController
class CheckoutController {

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @Operation(summary = "Start a checkout",
            description = "A signed-in buyer with a verified e-mail address buys a paid course or a bundle, "
                    + "optionally with a coupon and a referral code, priced by promotion-service. Needs an "
                    + "Idempotency-Key header; a retry with the same key answers the first checkout. Answers "
                    + "the provider's checkout URL (the local checkout page locally); publishes "
                    + "CheckoutStarted, then CoursePurchased or PaymentFailed when the provider's webhook "
                    + "arrives.")
    @ApiResponse(responseCode = "400",
            description = "`bad-request`: no Idempotency-Key, neither or both of courseId and bundleId, a free "
                    + "course, the buyer's own course")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the e-mail address is not verified")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course on sale")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: the buyer already owns the course (or every course of the bundle)")
    @ApiResponse(responseCode = "422",
            description = "`idempotency-key-reused`: the key was used for another purchase; "
                    + "`coupon-not-applicable`: the coupon cannot be used for this purchase")
    @ApiResponse(responseCode = "503",
            description = "`promotions-unavailable`: prices could not be had from promotion-service; nothing was "
                    + "charged, try again")
    @PostMapping("/api/v1/payments/create")
    ResponseEntity<CheckoutRequests.CheckoutView> create(
            @Parameter(description = "A key of the client's choosing; a retry with it answers the first checkout",
                    schema = @Schema(minLength = 1, maxLength = 200))
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
