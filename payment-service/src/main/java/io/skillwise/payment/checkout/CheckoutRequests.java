package io.skillwise.payment.checkout;

import io.skillwise.events.common.Money;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What a buyer may send and what they get back; the price is never taken from the client. */
final class CheckoutRequests {

    private CheckoutRequests() {
    }

    /** Exactly one of {@code courseId} and {@code bundleId}. */
    record CreatePaymentRequest(UUID courseId, UUID bundleId, @Size(max = 64) String couponCode,
                                @Size(max = 64) String referralCode) {
    }

    record CheckoutView(UUID orderId, String checkoutUrl, Money amount, String status) {
    }
}
