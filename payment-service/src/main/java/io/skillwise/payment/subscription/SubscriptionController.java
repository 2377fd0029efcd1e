package io.skillwise.payment.subscription;

import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
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

@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionView(UUID subscriptionId, String planCode, String status, Money price, String checkoutUrl,
                            Instant currentPeriodStart, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.planCode(), s.status().name(), s.price(),
                    s.status() == SubscriptionStatus.PENDING ? s.checkoutUrl() : null, s.currentPeriodStart(),
                    s.currentPeriodEnd(), s.cancelAtPeriodEnd());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView subscribe(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return SubscriptionView.of(subscriptions.start(CurrentUser.require(), idempotencyKey));
    }

    @GetMapping
    List<SubscriptionView> mine() {
        return subscriptions.mine(CurrentUser.require()).stream().map(SubscriptionView::of).toList();
    }

    /** 202: access runs to the end of the paid period; {@code customer.subscription.deleted} then ends it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SubscriptionView cancel(@PathVariable UUID id) {
        return SubscriptionView.of(subscriptions.cancel(id, CurrentUser.require()));
    }
}
