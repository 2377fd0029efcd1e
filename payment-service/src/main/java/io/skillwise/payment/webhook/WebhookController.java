package io.skillwise.payment.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.provider.StripeProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's (and the local provider's) way in. Public, but nothing is read before the signature checks out. */
@Tag(name = "Payment webhooks", description = "Stripe's signed events about payments, refunds and subscriptions")
@RestController
class WebhookController {

    private final WebhookService webhooks;
    private final StripeProperties stripe;

    WebhookController(WebhookService webhooks, StripeProperties stripe) {
        this.webhooks = webhooks;
        this.stripe = stripe;
    }

    /**
     * The body is taken as the raw string: the signature covers the exact bytes Stripe sent. The event that
     * {@code constructEvent} reads while verifying is the one applied; the raw body is kept only to park an event
     * that arrives before its order.
     */
    /** A Stripe event as the webhook receives it (shortened), the example of the document. */
    private static final String STRIPE_EVENT = "{\"id\": \"evt_1Q2w3E4r5T6y7U8i\", \"object\": \"event\", "
            + "\"type\": \"checkout.session.completed\", \"created\": 1796549600, \"data\": {\"object\": "
            + "{\"id\": \"cs_test_a1B2c3D4e5F6g7H8\", \"object\": \"checkout.session\", "
            + "\"payment_intent\": \"pi_3Q2w3E4r5T6y7U8i\", \"client_reference_id\": "
            + "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\", \"amount_total\": 4999, \"currency\": \"usd\"}}}";

    @PostMapping("/api/v1/payments/webhook")
    @Operation(summary = "Receive a Stripe event",
            description = "Called by Stripe (and the local provider), not by apps: a signed event (Stripe-Signature "
                    + "header) is applied once; a redelivery answers DUPLICATE, an event that arrives before its "
                    + "order PARKED.")
    @ApiResponse(responseCode = "200", description = "received: APPLIED, DUPLICATE, PARKED or IGNORED",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject("{\"received\": true, \"result\": \"APPLIED\"}")))
    @ApiResponse(responseCode = "400", description = "no signature, a wrong or stale signature, or not an event")
    Map<String, Object> receive(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                        mediaType = "application/json", schema = @Schema(type = "object",
                                        description = "A Stripe event; its signature covers the exact bytes"),
                                        examples = @ExampleObject(STRIPE_EVENT)))
                                @RequestBody(required = false) String payload,
                                @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (payload == null || signature == null) {
            throw ApiException.badRequest("a signed Stripe event is required");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, stripe.webhookSecret(),
                    stripe.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw ApiException.badRequest("the Stripe-Signature does not match this payload");
        } catch (RuntimeException e) {
            // stripe-java throws JsonSyntaxException for a signed body that is not JSON
            throw ApiException.badRequest("the body is not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) {
            throw ApiException.badRequest("the body is not a Stripe event");
        }
        return Map.of("received", true, "result", webhooks.handle(event, payload).name());
    }
}
