package io.skillwise.payment.localcheckout;

import io.skillwise.payment.provider.LocalPaymentProvider;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local provider's checkout page. Its buttons are GET links because the gateway opens only GET on
 * {@code local-checkout/**} without a token (as a browser following Stripe's URL carries none); pressing one twice
 * is harmless, since the order only moves once and the webhook drops duplicates.
 */
@RestController
class LocalCheckoutController {

    private final LocalCheckoutService checkout;

    LocalCheckoutController(LocalCheckoutService checkout) {
        this.checkout = checkout;
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable UUID orderId) {
        return checkout.page(orderId);
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/pay", produces = MediaType.TEXT_HTML_VALUE)
    String pay(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.PAY);
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/fail", produces = MediaType.TEXT_HTML_VALUE)
    String fail(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.FAIL);
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/cancel", produces = MediaType.TEXT_HTML_VALUE)
    String cancel(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.CANCEL);
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "subscriptions/{subscriptionId}",
            produces = MediaType.TEXT_HTML_VALUE)
    String subscriptionPage(@PathVariable UUID subscriptionId) {
        return checkout.subscriptionPage(subscriptionId);
    }

    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "subscriptions/{subscriptionId}/subscribe",
            produces = MediaType.TEXT_HTML_VALUE)
    String subscribe(@PathVariable UUID subscriptionId) {
        return checkout.subscribe(subscriptionId);
    }
}
