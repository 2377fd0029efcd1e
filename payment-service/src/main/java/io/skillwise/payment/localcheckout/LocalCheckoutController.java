package io.skillwise.payment.localcheckout;

import io.skillwise.payment.provider.LocalPaymentProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Local checkout", description = "The local payment provider's pages, which stand in for Stripe's checkout on a developer's machine")
@RestController
class LocalCheckoutController {

    private final LocalCheckoutService checkout;

    LocalCheckoutController(LocalCheckoutService checkout) {
        this.checkout = checkout;
    }

    @Operation(summary = "Local checkout page of an order",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). An HTML page with the amount and three buttons: pay, pay "
                    + "with a failing card, cancel. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such order of the local provider (or Stripe is the provider, so there is "
                    + "no local page)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable UUID orderId) {
        return checkout.page(orderId);
    }

    @Operation(summary = "Pay an order locally",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). Sends the Stripe-signed event of a successful payment to "
                    + "the webhook, which marks the order paid and publishes CoursePurchased; pressing twice is "
                    + "harmless.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such order of the local provider (or Stripe is the provider, so there is "
                    + "no local page)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/pay", produces = MediaType.TEXT_HTML_VALUE)
    String pay(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.PAY);
    }

    @Operation(summary = "Fail an order's payment locally",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). Sends the Stripe-signed event of a declined card, after "
                    + "which the order fails and PaymentFailed is published.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such order of the local provider (or Stripe is the provider, so there is "
                    + "no local page)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/fail", produces = MediaType.TEXT_HTML_VALUE)
    String fail(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.FAIL);
    }

    @Operation(summary = "Cancel an order's checkout locally",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). Sends the event of an abandoned checkout; the order is "
                    + "cancelled.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such order of the local provider (or Stripe is the provider, so there is "
                    + "no local page)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "{orderId}/cancel", produces = MediaType.TEXT_HTML_VALUE)
    String cancel(@PathVariable UUID orderId) {
        return checkout.press(orderId, LocalPaymentProvider.Outcome.CANCEL);
    }

    @Operation(summary = "Local checkout page of a subscription",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). An HTML page with the plan's price and a subscribe button. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such subscription of the local provider (or Stripe is the provider)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "subscriptions/{subscriptionId}",
            produces = MediaType.TEXT_HTML_VALUE)
    String subscriptionPage(@PathVariable UUID subscriptionId) {
        return checkout.subscriptionPage(subscriptionId);
    }

    @Operation(summary = "Subscribe locally",
            description = "Public and local only: the page the local payment provider shows instead of Stripe's "
                    + "checkout (docs/payments.md). Sends the Stripe-signed events of a paid first period; the "
                    + "subscription becomes active and SubscriptionActivated is published.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such subscription of the local provider (or Stripe is the provider)")
    @GetMapping(path = LocalPaymentProvider.CHECKOUT_PATH + "subscriptions/{subscriptionId}/subscribe",
            produces = MediaType.TEXT_HTML_VALUE)
    String subscribe(@PathVariable UUID subscriptionId) {
        return checkout.subscribe(subscriptionId);
    }
}
