package io.skillwise.payment.checkout;

import io.skillwise.events.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What a buyer may send and what they get back; the price is never taken from the client. */
final class CheckoutRequests {

    private CheckoutRequests() {
    }

    /** Exactly one of {@code courseId} and {@code bundleId}. */
    record CreatePaymentRequest(UUID courseId, UUID bundleId,
                                @Schema(example = "SPRING25") @Size(max = 64) String couponCode,
                                @Schema(description = "An affiliate's code, from a referral link", example = "k7Qm2xPa")
                                @Size(max = 64) String referralCode) {
    }

    record CheckoutView(UUID orderId,
                        @Schema(example = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8")
                        String checkoutUrl,
                        Money amount, String status) {
    }
}
