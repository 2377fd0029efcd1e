package io.skillwise.payment.subscription;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEndReason;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.invoice.InvoiceService;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Stripe Billing's events for the plan, applied in the webhook's transaction. Our subscription id travels in the
 * Stripe subscription's metadata, so every event can find its row even before the checkout completion linked it.
 */
@Service
public class SubscriptionWebhooks {

    private final SubscriptionRepository subscriptions;
    private final InvoiceService invoices;
    private final EventPublisher events;
    private final Clock clock;

    public SubscriptionWebhooks(SubscriptionRepository subscriptions, InvoiceService invoices, EventPublisher events,
                                Clock clock) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** {@code checkout.session.completed} in subscription mode: remember Stripe's subscription id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean checkoutCompleted(JsonNode session) {
        Optional<Subscription> found = uuid(text(session.path("metadata").path("subscriptionId")))
                .or(() -> uuid(text(session.path("client_reference_id")))).flatMap(subscriptions::lock);
        String stripeId = text(session.path("subscription"));
        if (found.isEmpty() || stripeId == null || stripeId.equals(found.get().stripeSubscriptionId())) {
            return false;
        }
        subscriptions.update(found.get().linked(stripeId, clock.instant()));
        return true;
    }

    /** {@code invoice.paid}: the first paid period activates, each later one renews. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean invoicePaid(JsonNode invoice) {
        Optional<Subscription> found = forInvoice(invoice);
        JsonNode period = invoice.path("lines").path("data").path(0).path("period");
        if (found.isEmpty() || period.isMissingNode()) {
            return false;
        }
        Subscription subscription = found.get();
        Instant start = Instant.ofEpochSecond(period.path("start").asLong());
        Instant end = Instant.ofEpochSecond(period.path("end").asLong());
        if (subscription.status() == SubscriptionStatus.ENDED
                || subscription.currentPeriodEnd() != null && !end.isAfter(subscription.currentPeriodEnd())) {
            return false;   // a period already applied, delivered again under another event id
        }
        Instant now = clock.instant();
        Money amount = Money.of(invoice.path("amount_paid").asLong(),
                invoice.path("currency").asString(subscription.currency()).toUpperCase(Locale.ROOT));
        Subscription paid = subscription.paidFor(start, end, now);
        subscriptions.update(paid);
        String stripeInvoiceId = text(invoice.path("id"));
        invoices.issueForSubscription(paid.id(), stripeInvoiceId != null ? stripeInvoiceId
                : "period-" + paid.id() + "-" + end.getEpochSecond(), amount, start, end, now);
        if (subscription.status() == SubscriptionStatus.PENDING) {
            events.publish(new SubscriptionActivated(paid.id(), paid.subscriberId(), paid.planCode(), amount, start,
                    end, now));
        } else {
            events.publish(new SubscriptionRenewed(paid.id(), paid.subscriberId(), paid.planCode(), amount, start,
                    end, now));
        }
        return true;
    }

    /** {@code invoice.payment_failed}: dunning starts; Stripe retries and ends the subscription if it gives up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean invoiceFailed(JsonNode invoice) {
        Optional<Subscription> found = forInvoice(invoice).filter(s -> s.status() == SubscriptionStatus.ACTIVE);
        found.ifPresent(s -> subscriptions.update(s.with(SubscriptionStatus.PAST_DUE, s.cancelAtPeriodEnd(),
                clock.instant())));
        return found.isPresent();
    }

    /** {@code customer.subscription.updated}: follows the cancel-at-period-end flag. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean updated(JsonNode stripeSubscription) {
        Optional<Subscription> found = forSubscription(stripeSubscription);
        if (found.isEmpty() || found.get().status() == SubscriptionStatus.ENDED) {
            return false;
        }
        boolean cancelAtEnd = stripeSubscription.path("cancel_at_period_end").asBoolean(false);
        subscriptions.update(found.get().with(found.get().status(), cancelAtEnd, clock.instant()));
        return true;
    }

    /** {@code customer.subscription.deleted}: access ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deleted(JsonNode stripeSubscription) {
        Optional<Subscription> found = forSubscription(stripeSubscription);
        if (found.isEmpty() || found.get().status() == SubscriptionStatus.ENDED) {
            return false;
        }
        Subscription subscription = found.get();
        Instant now = clock.instant();
        subscriptions.update(subscription.with(SubscriptionStatus.ENDED, subscription.cancelAtPeriodEnd(), now));
        String why = text(stripeSubscription.path("cancellation_details").path("reason"));
        SubscriptionEndReason reason = "payment_failed".equals(why) || "payment_disputed".equals(why)
                ? ("payment_disputed".equals(why) ? SubscriptionEndReason.DISPUTED : SubscriptionEndReason.PAYMENT_FAILED)
                : SubscriptionEndReason.CANCELLED;
        events.publish(new SubscriptionEnded(subscription.id(), subscription.subscriberId(), subscription.planCode(),
                reason, now));
        return true;
    }

    /** Invoices name their subscription under {@code parent.subscription_details} (older API versions: top level). */
    private Optional<Subscription> forInvoice(JsonNode invoice) {
        JsonNode details = invoice.path("parent").path("subscription_details");
        if (details.isMissingNode()) {
            details = invoice.path("subscription_details");
        }
        String stripeId = Optional.ofNullable(text(details.path("subscription")))
                .orElse(text(invoice.path("subscription")));
        return find(stripeId, text(details.path("metadata").path("subscriptionId")));
    }

    private Optional<Subscription> forSubscription(JsonNode stripeSubscription) {
        return find(text(stripeSubscription.path("id")), text(stripeSubscription.path("metadata").path("subscriptionId")));
    }

    private Optional<Subscription> find(String stripeId, String ourId) {
        Optional<Subscription> found = stripeId == null ? Optional.empty() : subscriptions.lockByStripeId(stripeId);
        if (found.isEmpty()) {
            found = uuid(ourId).flatMap(subscriptions::lock);
            if (found.isPresent() && found.get().stripeSubscriptionId() == null && stripeId != null) {
                Subscription linked = found.get().linked(stripeId, clock.instant());
                subscriptions.update(linked);
                found = Optional.of(linked);
            }
        }
        return found;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
