package io.skillwise.payment.subscription;

import io.swagger.v3.oas.annotations.Parameter;
import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Subscriptions", description = "The all-courses subscription plan")
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionView(UUID subscriptionId, @Schema(example = "monthly") String planCode,
                            @Schema(allowableValues = {"PENDING", "ACTIVE", "PAST_DUE", "ENDED"}) String status,
                            Money price,
                            @Schema(description = "Only while PENDING: where to pay",
                                    example = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8")
                            String checkoutUrl,
                            Instant currentPeriodStart, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.planCode(), s.status().name(), s.price(),
                    s.status() == SubscriptionStatus.PENDING ? s.checkoutUrl() : null, s.currentPeriodStart(),
                    s.currentPeriodEnd(), s.cancelAtPeriodEnd());
        }
    }

    @Operation(summary = "Subscribe",
            description = "A signed-in user with a verified e-mail address starts a subscription to the plan; needs "
                    + "an Idempotency-Key header (a retry answers the first). Answers the checkout URL to pay "
                    + "the first period; SubscriptionActivated follows from the provider's webhook, "
                    + "SubscriptionRenewed each period.")
    @ApiResponse(responseCode = "400", description = "`bad-request`: no Idempotency-Key")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the e-mail address is not verified")
    @ApiResponse(responseCode = "409", description = "`conflict`: the caller has an active subscription already")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView subscribe(@Parameter(description = "A key of the client's choosing; a retry with it answers "
                                       + "the first", schema = @Schema(minLength = 1, maxLength = 200))
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return SubscriptionView.of(subscriptions.start(CurrentUser.require(), idempotencyKey));
    }

    @Operation(summary = "My subscriptions",
            description = "The caller's subscriptions with status and current period. Changes nothing.")
    @GetMapping
    List<SubscriptionView> mine() {
        return subscriptions.mine(CurrentUser.require()).stream().map(SubscriptionView::of).toList();
    }

    /** 202: access runs to the end of the paid period; {@code customer.subscription.deleted} then ends it. */
    @Operation(summary = "Cancel a subscription",
            description = "The subscriber (or an admin) cancels at the end of the paid period: access runs until "
                    + "then, when SubscriptionEnded is published. Answers 202.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such subscription")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the subscription is another user's")
    @ApiResponse(responseCode = "409", description = "`conflict`: the subscription is not live")
    @OwnedObject("the subscriber, or an admin")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SubscriptionView cancel(@PathVariable UUID id) {
        return SubscriptionView.of(subscriptions.cancel(id, CurrentUser.require()));
    }
}
